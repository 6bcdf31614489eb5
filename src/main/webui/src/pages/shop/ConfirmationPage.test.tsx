import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/generated';
import { fakeServer } from '../../test/fakeServer';
import { aDiscountedOrder, aTrackedOrder, aUser, anOrder } from '../../test/fixtures';
import { renderPage, settle } from '../../test/render';
import ConfirmationPage from './ConfirmationPage';
import { saveOrder } from './orderStorage';

const render = (search: string, signedIn: User | null = null) =>
  renderPage(<ConfirmationPage />, { route: `/orders/confirmation${search}`, path: '/orders/confirmation', signedIn });

describe('ConfirmationPage', () => {
  it('shows the order checkout stored, with a tracking link for guests', async () => {
    fakeServer({});
    saveOrder({ order: anOrder(), payment: { provider: 'manual', status: 'pending', redirectUrl: null } });
    render('?order=o1');

    expect(screen.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeInTheDocument();
    expect(screen.getByTestId('order-number')).toHaveTextContent('A-1001');
    expect(screen.getByRole('status')).toHaveTextContent('We will ship your order once your payment arrives.');
    expect(screen.getByText('Awaiting payment')).toBeInTheDocument();
    expect(screen.getByText('guest@example.com')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('Blue mug')).toBeInTheDocument();
    expect(screen.getByText('$32.00')).toBeInTheDocument();
    expect(screen.getByText(/Grace Hopper/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Track this order' }))
      .toHaveAttribute('href', '/track?number=A-1001&email=guest%40example.com');
    expect(screen.queryByRole('link', { name: 'View order' })).not.toBeInTheDocument();
    await settle();
  });

  it('shows the discount with its code, and each line\'s share of it', async () => {
    fakeServer({});
    saveOrder({ order: aDiscountedOrder(), payment: { provider: 'manual', status: 'pending', redirectUrl: null } });
    render('?order=o1');

    const totals = document.querySelector('dl.totals') as HTMLElement;
    expect(within(totals).getByText('Discount (SAVE10)').nextElementSibling).toHaveTextContent('-$2.50');
    expect(within(totals).getByText('Total').nextElementSibling).toHaveTextContent('$29.30');
    const items = screen.getByRole('table');
    expect(within(items).getByRole('columnheader', { name: 'Discount' })).toBeInTheDocument();
    expect(within(items).getByText('-$2.50')).toBeInTheDocument();
    await settle();
  });

  it('shows no discount line for an order without a code', async () => {
    fakeServer({});
    saveOrder({ order: anOrder(), payment: { provider: 'manual', status: 'pending', redirectUrl: null } });
    render('?order=o1');
    expect(screen.queryByText(/Discount/)).not.toBeInTheDocument();
    await settle();
  });

  it('tells a guest back from Stripe in a new tab that payment is being confirmed', async () => {
    const server = fakeServer({});
    render('?order=o9&session_id=cs_test_1');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your payment is being confirmed. We have emailed you a confirmation with a link to track your order.');
    await settle();
    expect(server.requests.some((r) => r.path.startsWith('/api/v1/orders'))).toBe(false);
  });

  it('shows a guest back from Stripe how far the payment got, through the public lookup', async () => {
    const server = fakeServer({
      'POST /api/v1/orders/lookup': () => [200, aTrackedOrder({ status: 'PAID' })],
    });
    saveOrder({ order: anOrder({ payment: { provider: 'stripe', status: 'pending' } }),
      payment: { provider: 'stripe', status: 'pending', redirectUrl: 'https://checkout.stripe.test/c/pay/x' } });
    render('?order=o1&session_id=cs_test_3');
    expect(await screen.findByText('Paid')).toBeInTheDocument();
    expect(screen.queryByText('Awaiting payment')).not.toBeInTheDocument();
    expect(server.requests.find((r) => r.path === '/api/v1/orders/lookup')!.body)
      .toEqual({ number: 'A-1001', email: 'guest@example.com' });
  });

  it('loads a customer\'s order from the API and links to it', async () => {
    fakeServer({
      'GET /api/v1/orders/o7': () => [200, anOrder({ id: 'o7', number: 'A-7', status: 'PAID', email: aUser().email,
        payment: { provider: 'stripe', status: 'paid' } })],
    });
    render('?order=o7&session_id=cs_test_2', aUser());
    expect(await screen.findByTestId('order-number')).toHaveTextContent('A-7');
    expect(screen.getByText('Paid')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View order' })).toHaveAttribute('href', '/account/orders/o7');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
