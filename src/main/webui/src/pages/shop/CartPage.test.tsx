import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { aCart, aCartItem } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import CartPage from './CartPage';

function totals() {
  const dl = document.querySelector('dl.totals') as HTMLElement;
  const out: Record<string, string> = {};
  within(dl).getAllByRole('term').forEach((dt) => { out[dt.textContent!] = dt.nextElementSibling!.textContent!; });
  return out;
}

/** A cart of one mug whose quantity PATCH answers with the new cart, as the server does. */
function serveOneMug() {
  let cart = aCart([aCartItem({ quantity: 1 })]);
  return fakeServer({
    'GET /api/v1/cart': () => [200, cart],
    'PATCH /api/v1/cart/items/p1': ({ body }) => {
      cart = aCart([aCartItem({ quantity: (body as { quantity: number }).quantity })]);
      return [200, cart];
    },
  });
}

describe('CartPage', () => {
  it('changing a quantity PATCHes the line and shows the new totals', async () => {
    const server = serveOneMug();
    const user = userEvent.setup();
    renderPage(<CartPage />, { route: '/cart', path: '/cart' });

    const input = await screen.findByLabelText('Quantity of Blue mug');
    expect(totals()).toEqual({ Subtotal: '$12.50', Shipping: '$5.00', Tax: '$1.00', Total: '$18.50' });
    await user.clear(input);
    await user.type(input, '3');
    await user.tab();

    await waitFor(() => expect(totals().Total).toBe('$45.50'));
    expect(totals()).toEqual({ Subtotal: '$37.50', Shipping: '$5.00', Tax: '$3.00', Total: '$45.50' });
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].body).toEqual({ quantity: 3 });
    expect(input).toHaveValue(3);
  });

  it('commits a typed quantity after a pause, without leaving the field', async () => {
    const server = serveOneMug();
    const user = userEvent.setup();
    renderPage(<CartPage />, { route: '/cart', path: '/cart' });
    const input = await screen.findByLabelText('Quantity of Blue mug');
    await user.type(input, '{Backspace}2');
    await waitFor(() => expect(totals().Subtotal).toBe('$25.00'));
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ quantity: 2 }]);
  });

  it('shows insufficient_stock under the quantity and restores it', async () => {
    fakeServer({
      'GET /api/v1/cart': () => [200, aCart([aCartItem({ quantity: 1, availableStock: 2 })])],
      'PATCH /api/v1/cart/items/p1': () => [409, problem(409, 'insufficient_stock', [{ field: 'p1', message: 'Only 2 left' }])],
    });
    const user = userEvent.setup();
    renderPage(<CartPage />, { route: '/cart', path: '/cart' });
    const input = await screen.findByLabelText('Quantity of Blue mug');
    await user.clear(input);
    await user.type(input, '5{Enter}');

    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription('Only 2 left');
    expect(input).toHaveValue(1);
  });

  it('removes a line with its button and shows the empty state', async () => {
    fakeServer({
      'GET /api/v1/cart': () => [200, aCart([aCartItem()])],
      'DELETE /api/v1/cart/items/p1': () => [200, aCart()],
    });
    const user = userEvent.setup();
    renderPage(<CartPage />, { route: '/cart', path: '/cart' });
    await user.click(await screen.findByRole('button', { name: 'Remove Blue mug' }));
    expect(await screen.findByText('Your cart is empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse products' })).toHaveAttribute('href', '/');
  });

  it('explains a cancelled card payment and links to checkout', async () => {
    fakeServer({ 'GET /api/v1/cart': () => [200, aCart([aCartItem()])] });
    renderPage(<CartPage />, { route: '/cart?cancelled=o1', path: '/cart' });
    expect(await screen.findByText(/Your card payment was cancelled\./)).toHaveAttribute('role', 'status');
    expect(await screen.findByRole('link', { name: 'Proceed to checkout' })).toHaveAttribute('href', '/checkout');
    expect(screen.getByRole('link', { name: 'Blue mug' })).toHaveAttribute('href', '/products/blue-mug');
  });
});
