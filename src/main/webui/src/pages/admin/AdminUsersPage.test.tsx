import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import AdminUserPage from './AdminUserPage';
import AdminUsersPage from './AdminUsersPage';
import { renderAt } from './adminTestUtils';

const routes = (
  <>
    <Route path="/admin/users" element={<AdminUsersPage />} />
    <Route path="/admin/users/:id" element={<AdminUserPage />} />
  </>
);

const ann = { id: 'u-1', email: 'ann@example.com', name: 'Ann Example', role: 'customer', createdAt: '2026-01-05T10:00:00Z' };

describe('AdminUsersPage and AdminUserPage', () => {
  it('searches users and opens one with its order count and spending', async () => {
    const { requests } = fakeServer({
      'GET /api/v1/admin/users': ({ url }) => [200, url.searchParams.get('q') === 'nobody'
        ? { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 }
        : { items: [ann], page: 0, size: 20, totalItems: 1, totalPages: 1 }],
      'GET /api/v1/admin/users/u-1': () => [200, { ...ann, orderCount: 3, totalSpentCents: 12345 }],
    });
    const { user } = renderAt('/admin/users', routes);

    const table = await screen.findByRole('table');
    expect(within(table).getByText('ann@example.com')).toBeInTheDocument();
    expect(within(table).getByText('Customer')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Search'), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No users match')).toBeInTheDocument();
    expect(requests.at(-1)!.url.searchParams.get('q')).toBe('nobody');

    await user.clear(screen.getByLabelText('Search'));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('link', { name: 'Ann Example' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Example' })).toBeInTheDocument();
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(screen.getByText('$123.45')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View orders' })).toHaveAttribute('href', '/admin/orders?userId=u-1');
  });

  it('says so when the user does not exist', async () => {
    fakeServer({});
    renderAt('/admin/users/nope', routes);
    expect(await screen.findByText('User not found')).toBeInTheDocument();
  });
});
