import { screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ADMIN_API, fakeServer, problem } from '../../test/fakeServer';
import { aCategoryTree, aProduct, anAdmin } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';

import AdminProductFormPage from './AdminProductFormPage';

const routes = (
  <>
    <Route path="/admin/products/new" element={<AdminProductFormPage />} />
    <Route path="/admin/products/:id" element={<AdminProductFormPage />} />
  </>
);

describe('AdminProductFormPage', () => {
  it('creates a product with the price in cents, leaving out empty optional fields, and opens it', async () => {
    const created = aProduct({ id: 'p-new', name: 'Red mug', sku: 'MUG-2', priceCents: 1234, stock: 5, description: null });
    const { requests } = fakeServer({
      'POST /api/v1/admin/products': () => [201, created],
      'GET /api/v1/admin/products/p-new': () => [200, created],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/new', signedIn: anAdmin() });

    expect(screen.getByRole('heading', { level: 1, name: 'New product' })).toBeInTheDocument();
    expect(screen.getByLabelText('Active')).toBeChecked();
    expect(screen.getByLabelText('Slug (optional)')).toHaveAccessibleDescription('Derived from the name when empty');
    await user.type(screen.getByLabelText('Name'), 'Red mug');
    await user.type(screen.getByLabelText('SKU'), 'MUG-2');
    await user.type(screen.getByLabelText('Price'), '12.34');
    await user.clear(screen.getByLabelText('Stock'));
    await user.type(screen.getByLabelText('Stock'), '5');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Red mug' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Product created');
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/products/p-new');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ name: 'Red mug', sku: 'MUG-2', priceCents: 1234, stock: 5, active: true });
  });

  it('refuses a price it cannot read and sends nothing', async () => {
    const { calls } = fakeServer({});
    const { user } = renderRoutes(routes, { at: '/admin/products/new', signedIn: anAdmin() });

    await user.type(screen.getByLabelText('Name'), 'Red mug');
    await user.type(screen.getByLabelText('SKU'), 'MUG-2');
    await user.type(screen.getByLabelText('Price'), '12,34');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    const price = screen.getByLabelText('Price');
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveAccessibleDescription(expect.stringContaining('Enter a price like 12.34'));
    expect(price).toHaveFocus();
    expect(calls(ADMIN_API)).toHaveLength(0);
  });

  it('sends only the changed fields plus the version it loaded', async () => {
    const product = aProduct();
    const { requests } = fakeServer({
      'GET /api/v1/admin/products/p1': () => [200, product],
      'PATCH /api/v1/admin/products/p1': ({ body }) =>
        [200, { ...product, ...(body as object), version: 4 }],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/p1', signedIn: anAdmin() });

    const price = await screen.findByLabelText('Price');
    expect(price).toHaveValue('12.50');
    expect(screen.getByRole('heading', { level: 1, name: 'Edit Blue mug' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View in shop' })).toHaveAttribute('href', '/products/blue-mug');
    await user.clear(price);
    await user.type(price, '15');
    await user.click(screen.getByLabelText('Active'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await expectStatus('Changes saved');
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ priceCents: 1500, active: false, version: 3 });
    expect(screen.getByLabelText('Price')).toHaveValue('15.00');
    expect(screen.getByLabelText('Active')).not.toBeChecked();
  });

  it('offers to reload after a version conflict', async () => {
    let reads = 0;
    fakeServer({
      'GET /api/v1/admin/products/p1': () => [200, reads++ === 0 ? aProduct() : aProduct({ name: 'Blue mug XL', version: 5 })],
      'PATCH /api/v1/admin/products/p1': () => [409, problem(409, 'version_conflict')],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/p1', signedIn: anAdmin() });

    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Blue cup');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this');
    await user.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Blue mug XL'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
  });

  it('puts sku_taken on the SKU field and server field errors under their inputs', async () => {
    let calls = 0;
    fakeServer({
      'POST /api/v1/admin/products': () => (calls++ === 0
        ? [409, problem(409, 'sku_taken')]
        : [400, problem(400, 'validation_failed', [{ field: 'priceCents', message: 'must be at most 100000000' }])]),
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/new', signedIn: anAdmin() });

    await user.type(screen.getByLabelText('Name'), 'Red mug');
    await user.type(screen.getByLabelText('SKU'), 'MUG-1');
    await user.type(screen.getByLabelText('Price'), '1');
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    await waitFor(() => expect(screen.getByLabelText('SKU')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('SKU')).toHaveAccessibleDescription('Another product already uses this SKU.');

    await user.click(screen.getByRole('button', { name: 'Create product' }));
    await waitFor(() => expect(screen.getByLabelText('Price')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Price')).toHaveAccessibleDescription(expect.stringContaining('must be at most 100000000'));
    expect(screen.getByLabelText('SKU')).not.toHaveAttribute('aria-invalid');
  });

  it('archives from the edit page', async () => {
    let archived = false;
    const { calls } = fakeServer({
      'GET /api/v1/admin/products/p1': () => [200, aProduct({ active: !archived, version: archived ? 4 : 3 })],
      'DELETE /api/v1/admin/products/p1': () => { archived = true; return [204]; },
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/p1', signedIn: anAdmin() });

    await user.click(await screen.findByRole('button', { name: 'Archive' }));

    await expectStatus('Archived Blue mug');
    expect(screen.queryByRole('link', { name: 'View in shop' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Active')).not.toBeChecked();
    expect(calls(ADMIN_API).map((r) => r.method)).toEqual(['GET', 'DELETE', 'GET']);
  });

  it('says so when the product does not exist', async () => {
    fakeServer({});
    renderRoutes(routes, { at: '/admin/products/nope', signedIn: anAdmin() });
    expect(await screen.findByText('Product not found')).toBeInTheDocument();
  });

  it('files a new product under the categories ticked', async () => {
    const created = aProduct({ id: 'p-new', name: 'Red mug', sku: 'MUG-2', priceCents: 100 });
    const { requests } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'POST /api/v1/admin/products': () => [201, created],
      'GET /api/v1/admin/products/p-new': () => [200, created],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/new', signedIn: anAdmin() });

    const group = await screen.findByRole('group', { name: 'Categories' });
    await user.type(screen.getByLabelText('Name'), 'Red mug');
    await user.type(screen.getByLabelText('SKU'), 'MUG-2');
    await user.type(screen.getByLabelText('Price'), '1');
    await user.click(within(group).getByLabelText('Cast iron'));
    await user.click(within(group).getByLabelText('Mugs'));
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Red mug' })).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({ categoryIds: ['cat-cast-iron', 'cat-mugs'] });
  });

  it('replaces the categories only when they changed, and shows a refusal under them', async () => {
    const product = aProduct({ categories: [{ id: 'cat-mugs', slug: 'mugs', name: 'Mugs' }] });
    let patches = 0;
    const { calls } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'GET /api/v1/admin/products/p1': () => [200, product],
      'PATCH /api/v1/admin/products/p1': ({ body }) => (patches++ === 0
        ? [400, problem(400, 'validation_failed', [{ field: 'categoryIds', message: 'no category has the id cat-garden' }])]
        : [200, { ...product, categories: [], version: 4, ...(body as object) }]),
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/p1', signedIn: anAdmin() });

    const group = await screen.findByRole('group', { name: 'Categories' });
    expect(within(group).getByLabelText('Mugs')).toBeChecked();
    await user.click(within(group).getByLabelText('Garden'));
    await user.click(within(group).getByLabelText('Garden'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await expectStatus('Nothing to save');

    await user.click(within(group).getByLabelText('Garden'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await within(group).findByText('no category has the id cat-garden')).toBeInTheDocument();

    await user.click(within(group).getByLabelText('Garden'));
    await user.click(within(group).getByLabelText('Mugs'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await expectStatus('Changes saved');
    expect(calls(ADMIN_API).filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { categoryIds: ['cat-mugs', 'cat-garden'], version: 3 },
      { categoryIds: [], version: 3 },
    ]);
  });
});
