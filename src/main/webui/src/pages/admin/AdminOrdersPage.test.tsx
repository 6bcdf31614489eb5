import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ADMIN_API, fakeServer } from '../../test/fakeServer';
import { aPage, anAdmin, anOrder } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';
import AdminOrdersPage from './AdminOrdersPage';

const routes = (
  <>
    <Route path="/admin" element={<AdminOrdersPage />} />
    <Route path="/admin/orders" element={<AdminOrdersPage />} />
  </>
);

describe('AdminOrdersPage', () => {
  it('lists orders and sends the filters from the form', async () => {
    const { requests } = fakeServer({
      'GET /api/v1/admin/orders': ({ url }) => [200, url.searchParams.get('status') ? aPage([]) : aPage([anOrder()])],
    });
    const { user } = renderRoutes(routes, { at: '/admin', signedIn: anAdmin() });

    expect(screen.getByRole('heading', { level: 1, name: 'Orders' })).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'A-1001' })).toHaveAttribute('href', '/admin/orders/o1');
    expect(within(table).getByText('guest@example.com')).toBeInTheDocument();
    expect(within(table).getByText('Awaiting payment')).toBeInTheDocument();
    expect(within(table).getByText('$32.00')).toBeInTheDocument();

    const status = screen.getByLabelText('Status');
    expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(
      ['Any status', 'Awaiting payment', 'Paid', 'Shipped', 'Delivered', 'Cancelled', 'Refunded']);
    await user.selectOptions(status, 'Shipped');
    await user.type(screen.getByLabelText('From'), '2026-01-01');
    await user.type(screen.getByLabelText('To'), '2026-01-31');
    await user.type(screen.getByLabelText('Customer email'), 'ann@example.com');
    await user.type(screen.getByLabelText('Order number'), 'A-10');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByText('No orders match')).toBeInTheDocument();
    const sent = requests.at(-1)!.url.searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      status: 'SHIPPED', from: '2026-01-01', to: '2026-01-31', email: 'ann@example.com', q: 'A-10', page: '0', size: '20',
    });
  });

  it('shows one customer\'s orders from userId and links back to all', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/admin/orders': () => [200, aPage([anOrder()])],
    });
    const { user } = renderRoutes(routes, { at: '/admin/orders?userId=u1&status=PAID', signedIn: anAdmin() });

    await expectStatus('Showing orders of one customer');
    expect(calls(ADMIN_API)[0].url.searchParams.get('userId')).toBe('u1');
    await user.click(screen.getByRole('link', { name: 'Show all' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin\/orders\?status=PAID$/);
    expect(screen.queryByText('Showing orders of one customer')).not.toBeInTheDocument();
  });
});
