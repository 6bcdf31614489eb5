import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { aCart, aCartItem, aCategoryTree, aPage, aProduct } from '../../test/fixtures';
import { expectStatus, renderPage } from '../../test/render';
import ProductListPage from './ProductListPage';

const MUG = aProduct();
const TEA = aProduct({ id: 'p2', slug: 'green-tea', name: 'Green tea', stock: 0, imageUrl: '/img/tea.jpg' });

describe('ProductListPage', () => {
  it('lists products as cards and adds one to the cart', async () => {
    const server = fakeServer({
      'GET /api/v1/products': () => [200, aPage([MUG, TEA], { size: 12 })],
      'POST /api/v1/cart/items': () => [200, aCart([aCartItem()])],
    });
    const user = userEvent.setup();
    renderPage(<ProductListPage />);

    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Blue mug' })).toHaveAttribute('href', '/products/blue-mug');
    expect(screen.getByRole('img', { name: 'Green tea' })).toHaveAttribute('src', '/img/tea.jpg');
    expect(screen.getByRole('button', { name: 'Add Green tea to cart' })).toBeDisabled();
    expect(screen.getByText('Out of stock')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add Blue mug to cart' }));
    await expectStatus('Added Blue mug to cart');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ productId: 'p1', quantity: 1 });
    expect(server.requests.find((r) => r.path === '/api/v1/products')!.url.searchParams.get('size')).toBe('12');
  });

  it('keeps search, sort and page in the URL and sends them', async () => {
    const server = fakeServer({
      'GET /api/v1/products': ({ url }) => [200, url.searchParams.get('q') === 'nothing' ? aPage([]) : aPage([MUG], { totalPages: 3 })],
    });
    const user = userEvent.setup();
    renderPage(<ProductListPage />, { route: '/?sort=price_asc' });
    expect(await screen.findByLabelText('Sort by')).toHaveValue('price_asc');
    expect(screen.getByRole('option', { name: 'Price: high to low' })).toHaveValue('price_desc');

    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/?sort=price_asc&page=2'));
    await waitFor(() => expect(server.requests.at(-1)!.url.searchParams.get('page')).toBe('1'));

    await user.type(screen.getByLabelText('Search products'), 'nothing{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/?sort=price_asc&q=nothing'));
    expect(await screen.findByText('No products found')).toBeInTheDocument();
    const last = server.requests.at(-1)!.url.searchParams;
    expect([last.get('q'), last.get('sort'), last.get('page')]).toEqual(['nothing', 'price_asc', '0']);

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Name');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/?sort=name&q=nothing'));
  });

  it('navigates by category, keeping search and sort in the URL, and names the category', async () => {
    const server = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'GET /api/v1/products': ({ url }) => [200, url.searchParams.get('category') === 'garden' ? aPage([]) : aPage([MUG])],
    });
    const user = userEvent.setup();
    renderPage(<ProductListPage />, { route: '/?sort=name&page=2' });

    const nav = await screen.findByRole('navigation', { name: 'Categories' });
    expect(within(nav).getByRole('link', { name: 'All products' })).toHaveAttribute('aria-current', 'page');
    // Nested as the tree is: Cast iron sits under Teapots, under Kitchen.
    const teapots = within(nav).getByRole('link', { name: 'Teapots' }).closest('li')!;
    expect(within(teapots).getByRole('link', { name: 'Cast iron' })).toBeInTheDocument();

    await user.click(within(nav).getByRole('link', { name: 'Teapots' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/?sort=name&category=teapots'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Teapots' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Teapots' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(server.calls('/api/v1/products').at(-1)!.url.searchParams.get('category')).toBe('teapots'));
    expect(server.calls('/api/v1/products').at(-1)!.url.searchParams.get('sort')).toBe('name');

    await user.click(within(nav).getByRole('link', { name: 'Garden' }));
    expect(await screen.findByText('Nothing in this category yet.')).toBeInTheDocument();

    await user.click(within(nav).getByRole('link', { name: 'All products' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/\?sort=name$/));
    expect(await screen.findByRole('heading', { level: 1, name: 'Products' })).toBeInTheDocument();
    expect(server.calls('/api/v1/products').at(-1)!.url.searchParams.has('category')).toBe(false);
  });

  it('lists products without navigation when categories cannot be loaded', async () => {
    fakeServer({
      'GET /api/v1/categories': () => [500, { code: 'internal_error', status: 500, title: 'Error', type: 'about:blank' }],
      'GET /api/v1/products': () => [200, aPage([MUG])],
    });
    renderPage(<ProductListPage />, { route: '/?category=mugs' });
    expect(await screen.findByRole('link', { name: 'Blue mug' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Categories' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Products' })).toBeInTheDocument();
  });
});
