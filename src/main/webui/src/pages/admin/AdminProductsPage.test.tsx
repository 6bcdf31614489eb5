import { screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ADMIN_API, fakeServer } from '../../test/fakeServer';
import { aCategoryTree, aPage, aProduct, anAdmin } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';
import AdminProductsPage from './AdminProductsPage';

const routes = <Route path="/admin/products" element={<AdminProductsPage />} />;

describe('AdminProductsPage', () => {
  it('lists products with links, prices and status, and filters through the URL', async () => {
    const { requests, calls } = fakeServer({
      'GET /api/v1/admin/products': ({ url }) => [200, url.searchParams.get('q')
        ? aPage([])
        : aPage([aProduct(), aProduct({ id: 'p2', name: 'Old jug', sku: 'JUG-1', active: false })], { totalPages: 3 })],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products', signedIn: anAdmin() });

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'Blue mug' })).toHaveAttribute('href', '/admin/products/p1');
    expect(within(table).getAllByText('$12.50')).toHaveLength(2);
    expect(within(table).getByText('Archived')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archive Blue mug' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive Old jug' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New product' })).toHaveAttribute('href', '/admin/products/new');
    expect(screen.getByRole('link', { name: 'Import CSV' })).toHaveAttribute('href', '/admin/products/import');
    expect(calls(ADMIN_API)[0].url.searchParams.get('size')).toBe('20');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 3');
    expect(requests.at(-1)!.url.searchParams.get('page')).toBe('1');

    await user.type(screen.getByLabelText('Search'), 'zzz');
    await user.selectOptions(screen.getByLabelText('Status'), 'Archived');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('No products match')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/products?q=zzz&status=archived');
    const last = requests.at(-1)!.url.searchParams;
    expect([last.get('q'), last.get('active'), last.get('page')]).toEqual(['zzz', 'false', '0']);
  });

  it('archives a product at once and reloads the list', async () => {
    let active = true;
    const { calls } = fakeServer({
      'GET /api/v1/admin/products': () => [200, aPage([aProduct({ active })])],
      'DELETE /api/v1/admin/products/p1': () => { active = false; return [204]; },
    });
    const { user } = renderRoutes(routes, { at: '/admin/products?status=active', signedIn: anAdmin() });

    await user.click(await screen.findByRole('button', { name: 'Archive Blue mug' }));

    await expectStatus('Archived Blue mug');
    expect(await screen.findByText('Archived', { selector: '.badge' })).toBeInTheDocument();
    expect(calls(ADMIN_API).map((r) => r.method)).toEqual(['GET', 'DELETE', 'GET']);
    expect(calls(ADMIN_API)[0].url.searchParams.get('active')).toBe('true');
  });

  it('filters by category through the URL', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'GET /api/v1/admin/products': () => [200, aPage([aProduct()])],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products?category=mugs', signedIn: anAdmin() });

    const select = await screen.findByLabelText('Category');
    expect(select).toHaveValue('mugs');
    expect(calls(ADMIN_API)[0].url.searchParams.get('category')).toBe('mugs');
    await user.selectOptions(select, 'teapots');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(screen.getByTestId('location')).toHaveTextContent('/admin/products?category=teapots');
    await waitFor(() => expect(calls(ADMIN_API).at(-1)!.url.searchParams.get('category')).toBe('teapots'));
  });

  it('filters by option values through the URL, keeping them on apply and removing one at a time', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/admin/products': () => [200, aPage([aProduct()])],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products?option.Size=M', signedIn: anAdmin() });

    await screen.findByRole('table');
    expect(calls(ADMIN_API)[0].url.searchParams.get('option.Size')).toBe('M');
    expect(screen.getByRole('button', { name: 'Remove Size: M' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Option'), 'Color');
    await user.type(screen.getByLabelText('Value'), 'Red');
    await user.type(screen.getByLabelText('Search'), 'tee');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(screen.getByTestId('location')).toHaveTextContent('/admin/products?q=tee&option.Size=M&option.Color=Red');
    await waitFor(() => expect(calls(ADMIN_API).at(-1)!.url.searchParams.get('option.Color')).toBe('Red'));
    let last = calls(ADMIN_API).at(-1)!.url.searchParams;
    expect([last.get('option.Size'), last.get('q'), last.get('page')]).toEqual(['M', 'tee', '0']);
    expect(await screen.findByRole('button', { name: 'Remove Color: Red' })).toBeInTheDocument();
    expect(screen.getByLabelText('Option')).toHaveValue('');

    // The same name again replaces its value; an option name without a value adds nothing.
    await user.type(screen.getByLabelText('Option'), 'Size');
    await user.type(screen.getByLabelText('Value'), 'L');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(calls(ADMIN_API).at(-1)!.url.searchParams.get('option.Size')).toBe('L'));
    await user.type(screen.getByLabelText('Option'), 'Fabric');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByTestId('location')).not.toHaveTextContent('Fabric');

    await user.click(screen.getByRole('button', { name: 'Remove Size: L' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/products?q=tee&option.Color=Red');
    await waitFor(() => expect(calls(ADMIN_API).at(-1)!.url.searchParams.has('option.Size')).toBe(false));
    last = calls(ADMIN_API).at(-1)!.url.searchParams;
    expect([last.get('option.Color'), last.get('q')]).toEqual(['Red', 'tee']);
  });
});
