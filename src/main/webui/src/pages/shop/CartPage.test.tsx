import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { aCart, aCartItem, withPromotion } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import CartPage from './CartPage';
import type { Cart } from '../../api/generated';

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

  describe('discount code', () => {
    /** One mug at 12.50 whose code endpoints answer as the server does; `refuse` answers POST instead. */
    function serveCodes(refuse?: [number, unknown]) {
      const plain = aCart([aCartItem()]);
      let cart = plain;
      return fakeServer({
        'GET /api/v1/cart': () => [200, cart],
        'POST /api/v1/cart/promotions': ({ body }) => {
          if (refuse) return refuse;
          cart = withPromotion(plain, (body as { code: string }).code.toUpperCase(), 125);
          return [200, cart];
        },
        'DELETE /api/v1/cart/promotions/SAVE10': () => { cart = plain; return [200, cart]; },
      });
    }

    it('applies a code, shows it with its discount and the discounted totals, and removes it', async () => {
      const server = serveCodes();
      const user = userEvent.setup();
      renderPage(<CartPage />, { route: '/cart', path: '/cart' });

      await user.type(await screen.findByLabelText('Discount code'), ' save10 ');
      await user.click(screen.getByRole('button', { name: 'Apply' }));

      expect(await screen.findByTestId('applied-code')).toHaveTextContent('Code SAVE10 applied: $1.25 off');
      expect(totals()).toEqual({
        Subtotal: '$12.50', 'Discount (SAVE10)': '-$1.25', Shipping: '$5.00', Tax: '$0.90', Total: '$17.15',
      });
      expect(screen.getByLabelText('Discount code')).toHaveValue('');
      expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ code: 'save10' });

      await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
      await waitFor(() => expect(screen.queryByTestId('applied-code')).not.toBeInTheDocument());
      expect(totals()).toEqual({ Subtotal: '$12.50', Shipping: '$5.00', Tax: '$1.00', Total: '$18.50' });
      expect(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.path))
        .toEqual(['/api/v1/cart/promotions/SAVE10']);
    });

    it('names a code that no longer applies, with the reason checkout would give, and removes it', async () => {
      const plain = aCart([aCartItem()]);
      let cart: Cart = { ...plain, promotionRefused: { code: 'SAVE10', reason: 'promotion_invalid', detail: 'This code has ended' } };
      const server = fakeServer({
        'GET /api/v1/cart': () => [200, cart],
        'DELETE /api/v1/cart/promotions/SAVE10': () => { cart = plain; return [200, cart]; },
      });
      const user = userEvent.setup();
      renderPage(<CartPage />, { route: '/cart', path: '/cart' });

      expect(await screen.findByTestId('refused-code'))
        .toHaveTextContent('Code SAVE10 no longer applies: This code has ended Remove it to check out.');
      expect(screen.queryByTestId('applied-code')).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
      await waitFor(() => expect(screen.queryByTestId('refused-code')).not.toBeInTheDocument());
      expect(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.path))
        .toEqual(['/api/v1/cart/promotions/SAVE10']);
    });

    it.each([
      ['an unknown code', 422, 'promotion_invalid', 'No such promotion code'],
      ['an ended code', 422, 'promotion_invalid', 'This code has ended'],
      ['a code below its minimum', 422, 'promotion_invalid', 'This code needs a subtotal of at least 5000 cents'],
      ['a code for other categories', 422, 'promotion_invalid', 'This code matches nothing in the cart'],
      ['a used-up code', 409, 'promotion_exhausted', 'This code has been used up'],
    ])('says why %s is refused, and keeps the totals', async (_, status, code, detail) => {
      serveCodes([status, { ...problem(status, code), detail }]);
      const user = userEvent.setup();
      renderPage(<CartPage />, { route: '/cart', path: '/cart' });

      await user.type(await screen.findByLabelText('Discount code'), 'NOPE');
      await user.click(screen.getByRole('button', { name: 'Apply' }));

      expect(await screen.findByRole('alert')).toHaveTextContent(detail);
      expect(screen.getByLabelText('Discount code')).toHaveValue('NOPE');
      expect(screen.queryByTestId('applied-code')).not.toBeInTheDocument();
      expect(totals().Total).toBe('$18.50');
    });

    it('asks for a code before sending an empty one', async () => {
      const server = serveCodes();
      const user = userEvent.setup();
      renderPage(<CartPage />, { route: '/cart', path: '/cart' });

      await user.click(await screen.findByRole('button', { name: 'Apply' }));

      expect(screen.getByLabelText('Discount code')).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByLabelText('Discount code')).toHaveAccessibleDescription('Enter a discount code');
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    });
  });
});
