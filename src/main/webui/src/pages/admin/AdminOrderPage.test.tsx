import { screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AdminOrder } from '../../api/generated';
import { fakeServer, problem } from '../../test/fakeServer';
import { aDiscountedOrder, anAdmin, anAdminOrder } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';
import AdminOrderPage from './AdminOrderPage';

const routes = <Route path="/admin/orders/:id" element={<AdminOrderPage />} />;

function optionsOf(select: HTMLElement) {
  return within(select).getAllByRole('option').map((o) => o.textContent);
}

describe('AdminOrderPage', () => {
  it('shows the order with its totals, address and history', async () => {
    fakeServer({ 'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder()] });
    renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Order A-1001' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View customer' })).toHaveAttribute('href', '/admin/users/u1');
    expect(screen.getByText('Manual payment (bank transfer): Paid')).toBeInTheDocument();
    expect(screen.getByText('Grace Hopper', { exact: false })).toBeInTheDocument();
    const history = screen.getByRole('table', { name: 'Status history' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);
    expect(within(history).getByText('Bank transfer')).toBeInTheDocument();
    expect(screen.queryByText('Refunded')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Refunds' })).not.toBeInTheDocument();
  });

  it('shows the code, the order\'s discount and each line\'s share', async () => {
    const discounted = aDiscountedOrder();
    fakeServer({
      'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder({
        items: discounted.items, discountCents: 250, promotionCode: 'SAVE10', taxCents: 180, totalCents: 2930,
      })],
    });
    renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });

    const code = await screen.findByText('Discount code');
    expect(code.nextElementSibling).toHaveTextContent('SAVE10 ($2.50 off)');
    expect(screen.getByText('Discount (SAVE10)').nextElementSibling).toHaveTextContent('-$2.50');
    const items = screen.getByRole('table', { name: 'Items' });
    expect(within(items).getByRole('columnheader', { name: 'Discount' })).toBeInTheDocument();
    expect(within(items).getByText('-$2.50')).toBeInTheDocument();
  });

  it('offers only the allowed moves, never REFUNDED, and no tracking number unless SHIPPED', async () => {
    fakeServer({ 'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder({ status: 'PENDING_PAYMENT' })] });
    renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });

    const select = await screen.findByLabelText('New status');
    expect(optionsOf(select)).toEqual(['Paid', 'Cancelled']);
    expect(screen.queryByLabelText('Tracking number')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Refund' })).not.toBeInTheDocument();
  });

  it('ships a paid order with a tracking number and shows the answer', async () => {
    const { requests } = fakeServer({
      'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder()],
      'PATCH /api/v1/admin/orders/o1/status': () =>
        [200, anAdminOrder({ status: 'SHIPPED', trackingNumber: '1Z999' })],
    });
    const { user } = renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });

    const select = await screen.findByLabelText('New status');
    expect(optionsOf(select)).toEqual(['Shipped']);
    await user.type(screen.getByLabelText('Tracking number'), '1Z999');
    await user.type(screen.getByLabelText('Note (optional)'), 'DHL');
    await user.click(screen.getByRole('button', { name: 'Update status' }));

    await expectStatus('Status changed to Shipped');
    expect(requests.find((r) => r.method === 'PATCH')!.body)
      .toEqual({ status: 'SHIPPED', trackingNumber: '1Z999', note: 'DHL' });
    expect(screen.getByText('1Z999')).toBeInTheDocument();
    expect(optionsOf(screen.getByLabelText('New status'))).toEqual(['Delivered']);
    expect(screen.queryByLabelText('Tracking number')).not.toBeInTheDocument();
  });

  it('asks for a tracking number only for SHIPPED', async () => {
    fakeServer({ 'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder({ status: 'PENDING_PAYMENT' })] });
    const { user } = renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });
    const select = await screen.findByLabelText('New status');
    await user.selectOptions(select, 'Cancelled');
    expect(screen.queryByLabelText('Tracking number')).not.toBeInTheDocument();
  });

  it('reports a refused move', async () => {
    fakeServer({
      'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder({ status: 'SHIPPED' })],
      'PATCH /api/v1/admin/orders/o1/status': () => [409, problem(409, 'invalid_transition')],
    });
    const { user } = renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });
    await user.click(await screen.findByRole('button', { name: 'Update status' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That status change is not allowed for this order.');
  });

  it('says a closed order is closed and offers no refund', async () => {
    fakeServer({ 'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder({ status: 'CANCELLED' })] });
    renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });
    expect(await screen.findByText('This order is closed.')).toBeInTheDocument();
    expect(screen.queryByLabelText('New status')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
  });

  it('refunds the rest when the amount is left empty, then reloads the order', async () => {
    let order: AdminOrder = anAdminOrder({ status: 'DELIVERED', refundedCents: 1200 });
    const { requests } = fakeServer({
      'GET /api/v1/admin/orders/o1': () => [200, order],
      'POST /api/v1/admin/orders/o1/refunds': () => {
        order = anAdminOrder({
          status: 'REFUNDED', refundedCents: 3200,
          refunds: [{ id: 'r-1', amountCents: 2000, status: 'succeeded', reason: null, createdAt: '2026-02-03T10:00:00Z' }],
        });
        return [201, { id: 'r-1', amountCents: 2000, status: 'succeeded' }];
      },
    });
    const { user } = renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });

    const amount = await screen.findByLabelText('Amount');
    expect(amount).toHaveAccessibleDescription('Leave empty to refund the rest: $20.00');
    expect(screen.queryByLabelText('New status')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Refund' }));

    await expectStatus('Refunded $20.00');
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({});
    await waitFor(() => expect(screen.getByText('This order is closed.')).toBeInTheDocument());
    expect(screen.getByRole('table', { name: 'Refunds' })).toBeInTheDocument();
  });

  it('sends a typed amount in cents and shows refund_exceeds_total', async () => {
    const { requests } = fakeServer({
      'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder()],
      'POST /api/v1/admin/orders/o1/refunds': () => [422, problem(422, 'refund_exceeds_total')],
    });
    const { user } = renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });

    await user.type(await screen.findByLabelText('Amount'), '40.10');
    await user.type(screen.getByLabelText('Reason (optional)'), 'Broken');
    await user.click(screen.getByLabelText('Return items to stock'));
    await user.click(screen.getByRole('button', { name: 'Refund' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('more than what is left to refund');
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ amountCents: 4010, reason: 'Broken', restock: true });
  });

  it('refuses an amount it cannot read', async () => {
    const { requests } = fakeServer({ 'GET /api/v1/admin/orders/o1': () => [200, anAdminOrder()] });
    const { user } = renderRoutes(routes, { at: '/admin/orders/o1', signedIn: anAdmin() });
    await user.type(await screen.findByLabelText('Amount'), '1.234');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter an amount like 12.34');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('says so when the order does not exist', async () => {
    fakeServer({});
    renderRoutes(routes, { at: '/admin/orders/nope', signedIn: anAdmin() });
    expect(await screen.findByText('Order not found')).toBeInTheDocument();
  });
});
