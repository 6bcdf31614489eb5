import { screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_API, fakeServer, problem } from '../../test/fakeServer';
import { aCategoryTree, anAdmin } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';
import AdminCategoriesPage from './AdminCategoriesPage';

const routes = <Route path="/admin/categories" element={<AdminCategoriesPage />} />;
const at = { at: '/admin/categories', signedIn: anAdmin() };

function item(name: string): HTMLElement {
  return screen.getByText(name, { selector: 'strong' }).closest('li')!;
}

describe('AdminCategoriesPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the tree nested and adds a category under a parent', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'POST /api/v1/admin/categories': ({ body }) => [201, { id: 'cat-new', slug: 'jugs', parentId: 'cat-kitchen',
        position: 2, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...(body as object) }],
    });
    const { user } = renderRoutes(routes, at);

    const tree = await screen.findByRole('list', { name: 'Category tree' });
    expect(within(item('Teapots')).getByText('Cast iron')).toBeInTheDocument();
    expect(within(tree).getAllByText(/^(Kitchen|Garden)$/).map((e) => e.textContent)).toEqual(['Kitchen', 'Garden']);

    const form = screen.getByRole('form', { name: 'New category' });
    await user.type(within(form).getByLabelText('Name'), '  Jugs ');
    await user.selectOptions(within(form).getByLabelText('Parent'), 'cat-kitchen');
    await user.click(within(form).getByRole('button', { name: 'Add category' }));

    await expectStatus('Added Jugs');
    expect(calls(ADMIN_API)[0].body).toEqual({ name: 'Jugs', parentId: 'cat-kitchen' });
    await waitFor(() => expect(calls('/api/v1/categories')).toHaveLength(2)); // reloaded
  });

  it('says when an explicit slug is taken, as a category slug', async () => {
    fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'POST /api/v1/admin/categories': () => [409, problem(409, 'slug_taken')],
    });
    const { user } = renderRoutes(routes, at);
    const form = await screen.findByRole('form', { name: 'New category' });
    await user.type(within(form).getByLabelText('Name'), 'Mugs');
    await user.type(within(form).getByLabelText('Slug (optional)'), 'mugs');
    await user.click(within(form).getByRole('button', { name: 'Add category' }));
    await waitFor(() => expect(within(form).getByLabelText('Slug (optional)'))
      .toHaveAccessibleDescription(expect.stringContaining('Another category already uses this slug.')));
  });

  it('moves a category under another, offering neither itself nor its descendants, and sends only changes', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'PATCH /api/v1/admin/categories/cat-teapots': () => [200, {}],
    });
    const { user } = renderRoutes(routes, at);
    await user.click(await screen.findByRole('button', { name: 'Edit Teapots' }));

    const form = screen.getByRole('form', { name: 'Edit Teapots' });
    const parent = within(form).getByLabelText('Parent');
    expect(parent).toHaveValue('cat-kitchen');
    const offered = within(parent).getAllByRole('option').map((o) => o.textContent?.trim());
    expect(offered).toEqual(['Top level', 'Kitchen', 'Mugs', 'Garden']);

    await user.selectOptions(parent, 'cat-garden');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await expectStatus('Saved Teapots');
    expect(calls(ADMIN_API)[0].body).toEqual({ parentId: 'cat-garden' });
    expect(screen.queryByRole('form', { name: 'Edit Teapots' })).not.toBeInTheDocument();
  });

  it('moves a category to the top level with an explicit null parent', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'PATCH /api/v1/admin/categories/cat-mugs': () => [200, {}],
    });
    const { user } = renderRoutes(routes, at);
    await user.click(await screen.findByRole('button', { name: 'Edit Mugs' }));
    const form = screen.getByRole('form', { name: 'Edit Mugs' });
    await user.selectOptions(within(form).getByLabelText('Parent'), 'Top level');
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Cups');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await expectStatus('Saved Cups');
    expect(calls(ADMIN_API)[0].body).toEqual({ name: 'Cups', parentId: null });
  });

  it('reorders siblings by giving each its new position', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'PATCH /api/v1/admin/categories/cat-mugs': () => [200, {}],
      'PATCH /api/v1/admin/categories/cat-teapots': () => [200, {}],
    });
    const { user } = renderRoutes(routes, at);
    expect(await screen.findByRole('button', { name: 'Move Mugs up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Teapots up' }));
    await expectStatus('Moved Teapots up');
    expect(calls(ADMIN_API).map((r) => [r.path, r.body])).toEqual([
      ['/api/v1/admin/categories/cat-teapots', { position: 0 }],
      ['/api/v1/admin/categories/cat-mugs', { position: 1 }],
    ]);
  });

  it('deletes after confirming, and shows why a category with children cannot go', async () => {
    fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'DELETE /api/v1/admin/categories/cat-kitchen': () => [409, {
        ...problem(409, 'conflict'), detail: 'The category has sub-categories; move or delete them first' }],
      'DELETE /api/v1/admin/categories/cat-garden': () => [204],
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderRoutes(routes, at);

    await user.click(await screen.findByRole('button', { name: 'Delete Kitchen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The category has sub-categories');

    await user.click(screen.getByRole('button', { name: 'Delete Garden' }));
    await expectStatus('Deleted Garden');
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('sends nothing when the deletion is not confirmed', async () => {
    const { calls } = fakeServer({ 'GET /api/v1/categories': () => [200, aCategoryTree()] });
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { user } = renderRoutes(routes, at);
    await user.click(await screen.findByRole('button', { name: 'Delete Garden' }));
    expect(calls(ADMIN_API)).toHaveLength(0);
  });
});
