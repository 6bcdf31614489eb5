import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { aPage, aUser, anOrder } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import MyOrderPage from './MyOrderPage';
import MyOrdersPage from './MyOrdersPage';

describe('MyOrdersPage', () => {
  it('lists orders with links and pages through them', async () => {
    const server = fakeServer({
      'GET /api/v1/orders': ({ url }) => {
        const page = Number(url.searchParams.get('page'));
        return [200, aPage([anOrder({ id: `o${page}`, number: `A-${page}` })], { page, totalPages: 2 })];
      },
    });
    const user = userEvent.setup();
    renderPage(<MyOrdersPage />, { route: '/account/orders', path: '/account/orders', signedIn: aUser() });
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Order' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'A-0' })).toHaveAttribute('href', '/account/orders/o0');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'A-1' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/account/orders?page=2');
    expect(server.requests.filter((r) => r.path === '/api/v1/orders').at(-1)!.headers.get('Authorization')).toBe('Bearer test-token');
  });

  it('has an empty state', async () => {
    fakeServer({
      'GET /api/v1/orders': () => [200, aPage([])],
    });
    renderPage(<MyOrdersPage />, { route: '/account/orders', path: '/account/orders', signedIn: aUser() });
    expect(await screen.findByText('You have no orders yet')).toBeInTheDocument();
  });
});

describe('MyOrderPage', () => {
  it('shows the order with refunds, address, tracking and payment', async () => {
    fakeServer({
      'GET /api/v1/orders/o1': () => [200, anOrder({ status: 'SHIPPED', refundedCents: 500, trackingNumber: '1Z1',
        payment: { provider: 'stripe', status: 'partially_refunded' } })],
    });
    renderPage(<MyOrderPage />, { route: '/account/orders/o1', path: '/account/orders/:id', signedIn: aUser() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Order A-1001' })).toBeInTheDocument();
    expect(screen.getByText('Refunded')).toBeInTheDocument();
    expect(screen.getByText('1Z1')).toBeInTheDocument();
    expect(screen.getByText('Card payment (Stripe): Partially refunded')).toBeInTheDocument();
    expect(screen.getByText(/1 Main St/)).toBeInTheDocument();
  });

  it('says when the order is not found', async () => {
    fakeServer({});
    renderPage(<MyOrderPage />, { route: '/account/orders/x', path: '/account/orders/:id', signedIn: aUser() });
    await waitFor(() => expect(screen.getByText('Order not found')).toBeInTheDocument());
  });
});
