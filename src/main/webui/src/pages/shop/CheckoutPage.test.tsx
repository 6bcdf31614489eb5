import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CheckoutResponse, User } from '../../api/generated';
import { fakeServer, networkError, problem } from '../../test/fakeServer';
import { aCart, aCartItem, aUser, anOrder, withPromotion } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import CheckoutPage from './CheckoutPage';

const CART = aCart([
  aCartItem(),
  aCartItem({ productId: 'p2', sku: 'TEA-1', slug: 'green-tea', name: 'Green tea', unitPriceCents: 899, quantity: 2 }),
]);

function renderCheckout(signedIn: User | null = null) {
  return renderPage(<CheckoutPage />, { route: '/checkout', path: '/checkout', signedIn });
}

async function fillAddress(user: ReturnType<typeof userEvent.setup>, { guest = true } = {}) {
  if (guest) await user.type(await screen.findByLabelText('Email'), 'grace@example.com');
  await user.type(screen.getByLabelText('Full name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Address line 1'), '1 Main St');
  await user.type(screen.getByLabelText('City'), 'Springfield');
  await user.type(screen.getByLabelText('Postal code'), '12345');
}

const keyOf = (r: { headers: { get(name: string): unknown } }) => String(r.headers.get('Idempotency-Key'));

describe('CheckoutPage', () => {
  it('shows the server\'s field errors under the right inputs', async () => {
    fakeServer({
      'GET /api/v1/cart': () => [200, CART],
      'POST /api/v1/checkout': () => [400, problem(400, 'validation_failed', [
        { field: 'email', message: 'must be a well-formed email address' },
        { field: 'shippingAddress.postalCode', message: 'is not a valid postal code' },
        { field: 'shippingAddress.country', message: 'must be two letters' },
      ])],
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    const postal = screen.getByLabelText('Postal code');
    expect(postal).toHaveAttribute('aria-invalid', 'true');
    expect(postal).toHaveAccessibleDescription('is not a valid postal code');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(expect.stringContaining('must be a well-formed email address'));
    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('must be two letters');
    expect(screen.getByLabelText('Full name')).not.toHaveAttribute('aria-invalid');
    // the first field to fix gets the focus
    expect(screen.getByLabelText('Email')).toHaveFocus();

    // editing a field clears its error
    await user.type(postal, '9');
    expect(postal).not.toHaveAttribute('aria-invalid');
  });

  it('reuses the Idempotency-Key after a network error and takes a new one for a changed body', async () => {
    const server = fakeServer({
      'GET /api/v1/cart': () => [200, CART],
      'POST /api/v1/checkout': () => networkError(),
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    const place = screen.getByRole('button', { name: 'Place order' });

    await user.click(place);
    expect(await screen.findByRole('alert')).toHaveTextContent(/may or may not have been placed/);
    expect(screen.getByRole('alert')).toHaveTextContent(/Place order.* again is safe/);

    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2));

    await user.type(screen.getByLabelText('Address line 1'), ' Apt 2');
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(3));

    const [first, retry, changed] = server.requests.filter((r) => r.method === 'POST');
    expect(keyOf(first)).toMatch(/^.{8,255}$/);
    expect(keyOf(retry)).toBe(keyOf(first));
    expect(keyOf(changed)).not.toBe(keyOf(first));
    expect((changed.body as { shippingAddress: { line1: string } }).shippingAddress.line1).toBe('1 Main St Apt 2');
  });

  it('sends the cart\'s total as expectedTotalCents and goes to the confirmation on 201', async () => {
    const response: CheckoutResponse = {
      order: anOrder({ id: 'o42', totalCents: CART.totalCents }),
      payment: { provider: 'manual', status: 'pending', redirectUrl: null },
    };
    const server = fakeServer({
      'GET /api/v1/cart': () => [200, server.requests.some((r) => r.method === 'POST') ? aCart() : CART],
      'POST /api/v1/checkout': () => [201, response],
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    expect(screen.getByLabelText('Manual payment (bank transfer)')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/confirmation?order=o42'));
    const post = server.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/v1/checkout');
    expect(post.body).toEqual({
      email: 'grace@example.com',
      shippingAddress: {
        fullName: 'Grace Hopper', line1: '1 Main St', line2: null, city: 'Springfield', region: null,
        postalCode: '12345', country: 'US', phone: null,
      },
      paymentMethod: 'manual',
      expectedTotalCents: CART.totalCents,
    });
    expect(CART.totalCents).not.toBe(CART.subtotalCents);
    expect(JSON.parse(sessionStorage.getItem('shop.order.o42')!)).toEqual(response);
    expect(sessionStorage.getItem('shop.checkoutAttempt')).toBeNull();
    // the cart was reloaded (the server emptied it)
    await waitFor(() => expect(server.requests.filter((r) => r.path === '/api/v1/cart')).toHaveLength(2));
  });

  it('omits the email for a signed-in customer and sends the chosen payment method', async () => {
    const server = fakeServer({
      'GET /api/v1/cart': () => [200, CART],
      'POST /api/v1/checkout': () => [503, problem(503, 'payment_unavailable')],
    });
    const user = userEvent.setup();
    renderCheckout(aUser());
    expect(await screen.findByLabelText('Full name')).toHaveValue('Ada Lovelace');
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
    await fillAddress(user, { guest: false });
    await user.clear(screen.getByLabelText('Full name'));
    await user.type(screen.getByLabelText('Full name'), 'Ada King');
    await user.click(screen.getByLabelText('Card payment (Stripe)'));
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Card payments are not available right now.');
    const body = server.requests.find((r) => r.method === 'POST')!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('email');
    expect(body.paymentMethod).toBe('stripe');
  });

  it('names the products that ran out and reloads the cart', async () => {
    const server = fakeServer({
      'GET /api/v1/cart': () => [200, CART],
      'POST /api/v1/checkout': () => [409, problem(409, 'insufficient_stock', [{ field: 'p2', message: 'only 1 left' }])],
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Green tea');
    expect(alert).not.toHaveTextContent('Blue mug');
    await waitFor(() => expect(server.requests.filter((r) => r.path === '/api/v1/cart')).toHaveLength(2));
  });

  it('reloads the cart on price_changed so the shopper sees the new total', async () => {
    const repriced = aCart([aCartItem({ unitPriceCents: 1500 })]);
    let posted = false;
    fakeServer({
      'GET /api/v1/cart': () => [200, posted ? repriced : aCart([aCartItem()])],
      'POST /api/v1/checkout': () => { posted = true; return [409, problem(409, 'price_changed')]; },
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Prices changed');
    const summary = screen.getByRole('complementary', { name: 'Order summary' });
    await waitFor(() => expect(within(summary).getByText('$21.20')).toBeInTheDocument());
    // what was typed survives the reload
    expect(screen.getByLabelText('Postal code')).toHaveValue('12345');
  });

  it('applies a code in the summary and sends the discounted total as expectedTotalCents', async () => {
    const plain = aCart([aCartItem()]);
    let cart = plain;
    const server = fakeServer({
      'GET /api/v1/cart': () => [200, cart],
      'POST /api/v1/cart/promotions': () => { cart = withPromotion(plain, 'SAVE10', 125); return [200, cart]; },
      'POST /api/v1/checkout': () => [409, problem(409, 'cart_empty')],
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    const summary = screen.getByRole('complementary', { name: 'Order summary' });
    await user.type(within(summary).getByLabelText('Discount code'), 'SAVE10');
    await user.click(within(summary).getByRole('button', { name: 'Apply' }));

    expect(await within(summary).findByText('Discount (SAVE10)')).toBeInTheDocument();
    expect(within(summary).getByText('-$1.25')).toBeInTheDocument();
    expect(within(summary).getByText('$17.15')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(server.requests.some((r) => r.path === '/api/v1/checkout')).toBe(true));
    const post = server.requests.find((r) => r.path === '/api/v1/checkout')!;
    expect((post.body as { expectedTotalCents: number }).expectedTotalCents).toBe(1715);
  });

  it.each([
    ['promotion_invalid', 'This code has ended'],
    ['promotion_exhausted', 'This code has been used up'],
  ])('shows a code refused at checkout (%s), reloads the cart and lets the code go', async (code, detail) => {
    const plain = aCart([aCartItem()]);
    let refused = false;
    let removed = false;
    const server = fakeServer({
      // once refused, the cart quotes no discount and names the code it still holds, and why
      'GET /api/v1/cart': () => [200, refused && !removed
        ? { ...plain, promotionRefused: { code: 'SAVE10', reason: code, detail } }
        : removed ? plain : withPromotion(plain, 'SAVE10', 125)],
      'POST /api/v1/checkout': () => { refused = true; return [409, { ...problem(409, code), detail }]; },
      'DELETE /api/v1/cart/promotions/SAVE10': () => { removed = true; return [200, plain]; },
    });
    const user = userEvent.setup();
    renderCheckout();
    await fillAddress(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(await screen.findByText(new RegExp(`${detail}. Your order was not placed`))).toBeInTheDocument();
    const summary = screen.getByRole('complementary', { name: 'Order summary' });
    await waitFor(() => expect(within(summary).queryByText('Discount (SAVE10)')).not.toBeInTheDocument());
    expect(await within(summary).findByTestId('refused-code')).toHaveTextContent(`Code SAVE10 no longer applies: ${detail}`);
    expect(within(summary).getByText('$18.50')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/cart').length).toBeGreaterThan(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/checkout');

    await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    await waitFor(() => expect(removed).toBe(true));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled();
  });

  it('shows the empty state for an empty cart', async () => {
    fakeServer({});
    renderCheckout();
    expect(await screen.findByText('Your cart is empty')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Checkout' })).toBeInTheDocument();
  });
});
