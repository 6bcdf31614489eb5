import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { aCart, aCartItem, aProduct } from '../../test/fixtures';
import { expectStatus, renderPage } from '../../test/render';
import ProductPage from './ProductPage';

const render = (slug = 'blue-mug') => renderPage(<ProductPage />, { route: `/products/${slug}`, path: '/products/:slug' });

describe('ProductPage', () => {
  it('adds the chosen quantity and links to the cart', async () => {
    const server = fakeServer({
      'GET /api/v1/products/blue-mug': () => [200, aProduct({ stock: 4 })],
      'POST /api/v1/cart/items': () => [200, aCart([aCartItem({ quantity: 2 })])],
    });
    const user = userEvent.setup();
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Blue mug' })).toBeInTheDocument();
    expect(screen.getByText('Only 4 left')).toBeInTheDocument();
    const quantity = screen.getByLabelText('Quantity');
    expect(quantity).toHaveAttribute('max', '4');
    await user.clear(quantity);
    await user.type(quantity, '2');
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));

    await expectStatus('Added to cart');
    expect(screen.getByRole('link', { name: 'View cart' })).toHaveAttribute('href', '/cart');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ productId: 'p1', quantity: 2 });
  });

  it('shows insufficient stock from the server', async () => {
    fakeServer({
      'GET /api/v1/products/blue-mug': () => [200, aProduct()],
      'POST /api/v1/cart/items': () => [409, problem(409, 'insufficient_stock')],
    });
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Add to cart' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no longer available');
  });

  it('says when the product does not exist', async () => {
    fakeServer({});
    render('nope');
    expect(await screen.findByText('Product not found')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('cannot add an out-of-stock product', async () => {
    fakeServer({
      'GET /api/v1/products/blue-mug': () => [200, aProduct({ stock: 0 })],
    });
    render();
    expect(await screen.findByText('Out of stock')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to cart' })).toBeDisabled();
  });

  it('links to the categories the product is filed under', async () => {
    fakeServer({
      'GET /api/v1/products/blue-mug': () => [200, aProduct({ categories: [
        { id: 'cat-mugs', slug: 'mugs', name: 'Mugs' }, { id: 'cat-gifts', slug: 'gifts', name: 'Gifts' }] })],
    });
    render();
    expect(await screen.findByRole('link', { name: 'Mugs' })).toHaveAttribute('href', '/?category=mugs');
    expect(screen.getByRole('link', { name: 'Gifts' })).toHaveAttribute('href', '/?category=gifts');
  });
});
