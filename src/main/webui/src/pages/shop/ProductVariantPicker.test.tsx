import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../api/generated';
import { fakeServer } from '../../test/fakeServer';
import { aCart, aCartItem, aProduct } from '../../test/fixtures';
import { expectStatus, renderPage } from '../../test/render';
import ProductPage from './ProductPage';

const render = () => renderPage(<ProductPage />, { route: '/products/tee', path: '/products/:slug' });

/** S/Red (sold out), M/Red, M/Blue; there is no S/Blue and no L at all in stock. */
function aTee(): Product {
  return aProduct({
    id: 'tee', slug: 'tee', name: 'Tee', priceCents: 2400, stock: 9,
    options: [{ name: 'Size', values: ['S', 'M', 'L'] }, { name: 'Colour', values: ['Red', 'Blue'] }],
    variants: [
      { id: 'v-s-red', sku: 'TEE-S-R', options: { Size: 'S', Colour: 'Red' }, priceCents: 2500, stock: 0, active: true, imageUrl: null },
      { id: 'v-m-red', sku: 'TEE-M-R', options: { Size: 'M', Colour: 'Red' }, priceCents: 2400, stock: 4, active: true, imageUrl: null },
      { id: 'v-m-blue', sku: 'TEE-M-B', options: { Size: 'M', Colour: 'Blue' }, priceCents: 2600, stock: 5, active: true, imageUrl: null },
    ],
    images: [],
  });
}

describe('ProductPage variant picker', () => {
  it('disables sold-out and impossible choices, shows the chosen variant and adds it', async () => {
    const server = fakeServer({
      'GET /api/v1/products/tee': () => [200, aTee()],
      'POST /api/v1/cart/items': () => [200, aCart([aCartItem({ productId: 'tee', variantId: 'v-m-blue' })])],
    });
    const user = userEvent.setup();
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Tee' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'No picture of Tee' })).toBeInTheDocument();
    // starts on the first variant in stock
    expect(screen.getByRole('radio', { name: 'M' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Red' })).toBeChecked();
    expect(screen.getByText('Only 4 left')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'S (sold out)' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'L (not available)' })).toBeDisabled();

    await user.click(screen.getByRole('radio', { name: 'Blue' }));
    expect(screen.getByText('$26.00')).toBeInTheDocument();
    expect(screen.getByText('Only 5 left')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));
    await expectStatus('Added to cart');
    expect(server.requests.find((r) => r.method === 'POST')!.body)
      .toEqual({ productId: 'tee', variantId: 'v-m-blue', quantity: 1 });
  });
});
