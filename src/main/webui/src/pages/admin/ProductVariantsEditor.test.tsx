import { screen } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { aProduct, anAdmin } from '../../test/fixtures';
import { renderRoutes } from '../../test/render';
import AdminProductFormPage from './AdminProductFormPage';
import { combinations } from './ProductVariantsEditor';

const routes = <Route path="/admin/products/:id" element={<AdminProductFormPage />} />;

describe('ProductVariantsEditor', () => {
  it('makes every combination of the values', () => {
    expect(combinations([{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red'] }]))
      .toEqual([{ Size: 'S', Colour: 'Red' }, { Size: 'M', Colour: 'Red' }]);
  });

  it('generates the matrix, edits it inline and saves the whole set with the version', async () => {
    const product = aProduct();
    const saved = aProduct({
      version: 4, options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { id: 'v1', sku: 'MUG-1-S', options: { Size: 'S' }, priceCents: 1250, stock: 3, active: true, imageUrl: null },
        { id: 'v2', sku: 'MUG-1-M', options: { Size: 'M' }, priceCents: 1300, stock: 0, active: true, imageUrl: null },
      ],
    });
    const { requests } = fakeServer({
      'GET /api/v1/admin/products/p1': () => [200, product],
      'PUT /api/v1/admin/products/p1/variants': () => [200, saved],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/p1', signedIn: anAdmin() });
    await screen.findByRole('heading', { level: 2, name: 'Options and variants' });
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.type(screen.getByLabelText('Option 1 name'), 'Size');
    await user.type(screen.getByLabelText('Option 1 values'), 'S, M');
    await user.click(screen.getByRole('button', { name: 'Generate combinations' }));
    expect(screen.getByLabelText('SKU of S')).toHaveValue('MUG-1-S');
    expect(screen.getByLabelText('SKU of M')).toHaveValue('MUG-1-M');
    // the product's old default variant is kept, archived
    expect(screen.getByLabelText('Offer Default')).not.toBeChecked();
    await user.clear(screen.getByLabelText('Stock of S'));
    await user.type(screen.getByLabelText('Stock of S'), '3');
    await user.clear(screen.getByLabelText('Price of M'));
    await user.type(screen.getByLabelText('Price of M'), '13.00');
    await user.click(screen.getByRole('button', { name: 'Save variants' }));

    expect(await screen.findByText('Variants saved')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      version: 3, options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'MUG-1-S', options: { Size: 'S' }, priceCents: 1250, stock: 3, active: true },
        { sku: 'MUG-1-M', options: { Size: 'M' }, priceCents: 1300, stock: 0, active: true },
      ],
    });
    expect(screen.getByText('Price and stock are set per variant, below.')).toBeInTheDocument();
  });

  it('shows a refused variant on its row', async () => {
    const product = aProduct({
      options: [{ name: 'Size', values: ['S'] }],
      variants: [{ id: 'v1', sku: 'MUG-1', options: { Size: 'S' }, priceCents: 1250, stock: 3, active: true, imageUrl: null }],
    });
    fakeServer({
      'GET /api/v1/admin/products/p1': () => [200, product],
      'PUT /api/v1/admin/products/p1/variants': () => [422, problem(422, 'bulk_validation_failed',
        [{ index: 0, field: 'sku', message: "is taken by another product's variant" }])],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/p1', signedIn: anAdmin() });
    await user.click(await screen.findByRole('button', { name: 'Save variants' }));
    expect(await screen.findByText("sku: is taken by another product's variant")).toBeInTheDocument();
  });
});
