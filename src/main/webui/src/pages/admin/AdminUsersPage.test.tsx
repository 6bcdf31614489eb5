import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { aPage, aUser, anAdmin, anAdminUser } from '../../test/fixtures';
import { renderRoutes } from '../../test/render';
import AdminUserPage from './AdminUserPage';
import AdminUsersPage from './AdminUsersPage';

const routes = (
  <>
    <Route path="/admin/users" element={<AdminUsersPage />} />
    <Route path="/admin/users/:id" element={<AdminUserPage />} />
  </>
);

describe('AdminUsersPage and AdminUserPage', () => {
  it('searches users and opens one with its order count and spending', async () => {
    const { requests } = fakeServer({
      'GET /api/v1/admin/users': ({ url }) => [200, url.searchParams.get('q') === 'nobody' ? aPage([]) : aPage([aUser()])],
      'GET /api/v1/admin/users/u1': () => [200, anAdminUser({ orderCount: 3, totalSpentCents: 12345 })],
    });
    const { user } = renderRoutes(routes, { at: '/admin/users', signedIn: anAdmin() });

    const table = await screen.findByRole('table');
    expect(within(table).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(table).getByText('Customer')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Search'), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No users match')).toBeInTheDocument();
    expect(requests.at(-1)!.url.searchParams.get('q')).toBe('nobody');

    await user.clear(screen.getByLabelText('Search'));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('link', { name: 'Ada Lovelace' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(screen.getByText('$123.45')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View orders' })).toHaveAttribute('href', '/admin/orders?userId=u1');
  });

  it('says so when the user does not exist', async () => {
    fakeServer({});
    renderRoutes(routes, { at: '/admin/users/nope', signedIn: anAdmin() });
    expect(await screen.findByText('User not found')).toBeInTheDocument();
  });
});
