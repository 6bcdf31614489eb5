import { screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Promotion } from '../../api/generated';
import { ADMIN_API, fakeServer, problem } from '../../test/fakeServer';
import { aCategoryTree, aPromotion, anAdmin } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';
import AdminPromotionFormPage from './AdminPromotionFormPage';
import { toLocalInput } from './promotionValues';

const routes = (
  <>
    <Route path="/admin/promotions/new" element={<AdminPromotionFormPage />} />
    <Route path="/admin/promotions/:id" element={<AdminPromotionFormPage />} />
  </>
);

const posts = (requests: Array<{ method: string; path: string; body: unknown }>) =>
  requests.filter((r) => r.method !== 'GET' && r.path.startsWith(ADMIN_API)).map((r) => r.body);

describe('AdminPromotionFormPage', () => {
  it('creates a percent code from a typed percent, with its limits and categories, and opens it', async () => {
    const created = aPromotion({ id: 'promo-new', code: 'XMAS', value: 1250, usageLimit: 100, usedCount: 0,
      categoryIds: ['cat-mugs'] });
    const { requests } = fakeServer({
      'GET /api/v1/categories': () => [200, aCategoryTree()],
      'POST /api/v1/admin/promotions': () => [201, created],
      'GET /api/v1/admin/promotions/promo-new': () => [200, created],
    });
    const { user } = renderRoutes(routes, { at: '/admin/promotions/new', signedIn: anAdmin() });

    expect(screen.getByRole('heading', { level: 1, name: 'New promotion' })).toBeInTheDocument();
    expect(screen.getByLabelText('Active')).toBeChecked();
    await user.type(screen.getByLabelText('Code'), ' XMAS ');
    await user.type(screen.getByLabelText('Percent off'), '12.5');
    await user.type(screen.getByLabelText('Usage limit (optional)'), '100');
    await user.click(await screen.findByLabelText('Mugs'));
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Edit XMAS' })).toBeInTheDocument();
    await expectStatus('Promotion XMAS created');
    expect(screen.getByTestId('usage')).toHaveTextContent('0 / 100');
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/promotions/promo-new');
    expect(posts(requests)).toEqual([{
      code: 'XMAS', type: 'percent', value: 1250, active: true, usageLimit: 100, categoryIds: ['cat-mugs'],
    }]);
  });

  it('takes a fixed amount in major units as cents', async () => {
    const { requests } = fakeServer({
      'POST /api/v1/admin/promotions': ({ body }) => [201, aPromotion({ ...(body as Partial<Promotion>), id: 'p9' })],
    });
    const { user } = renderRoutes(routes, { at: '/admin/promotions/new', signedIn: anAdmin() });

    await user.type(screen.getByLabelText('Code'), 'FIVE');
    await user.selectOptions(screen.getByLabelText('Type'), 'Amount off');
    await user.type(screen.getByLabelText('Amount off'), '5.1');
    await user.type(screen.getByLabelText('Minimum subtotal (optional)'), '40');
    await user.type(screen.getByLabelText('Per customer (optional)'), '1');
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toEqual({
      code: 'FIVE', type: 'fixed', value: 510, active: true, minSubtotalCents: 4000, perCustomerLimit: 1,
    });
  });

  it('sends 0 for free shipping, with the window in UTC', async () => {
    const { requests } = fakeServer({
      'POST /api/v1/admin/promotions': ({ body }) => [201, aPromotion({ ...(body as Partial<Promotion>), id: 'p9' })],
    });
    const { user } = renderRoutes(routes, { at: '/admin/promotions/new', signedIn: anAdmin() });

    await user.type(screen.getByLabelText('Code'), 'SHIPFREE');
    await user.selectOptions(screen.getByLabelText('Type'), 'Free shipping');
    expect(screen.queryByLabelText('Percent off')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Amount off')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Starts (optional)'), toLocalInput('2026-12-01T08:00:00Z'));
    await user.type(screen.getByLabelText('Ends (optional)'), toLocalInput('2026-12-02T08:00:00Z'));
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).toEqual({
      code: 'SHIPFREE', type: 'free_shipping', value: 0, active: true,
      startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-02T08:00:00.000Z',
    });
  });

  it('checks the fields as the server does and sends nothing until they pass', async () => {
    const { calls } = fakeServer({});
    const { user } = renderRoutes(routes, { at: '/admin/promotions/new', signedIn: anAdmin() });

    await user.type(screen.getByLabelText('Code'), 'TEN OFF');
    await user.type(screen.getByLabelText('Percent off'), '100.5');
    await user.type(screen.getByLabelText('Starts (optional)'), toLocalInput('2026-12-02T08:00:00Z'));
    await user.type(screen.getByLabelText('Ends (optional)'), toLocalInput('2026-12-01T08:00:00Z'));
    await user.type(screen.getByLabelText('Usage limit (optional)'), '-1');
    await user.type(screen.getByLabelText('Per customer (optional)'), '0');
    await user.type(screen.getByLabelText('Minimum subtotal (optional)'), '1,50');
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    const described = (label: string) => screen.getByLabelText(label).getAttribute('aria-describedby')!
      .split(' ').map((id) => document.getElementById(id)!.textContent).join(' ');
    expect(described('Code')).toContain("Use only letters, digits, '-' and '_'");
    expect(described('Percent off')).toContain('Enter a percent from 0.01 to 100');
    expect(described('Ends (optional)')).toContain('Must be after the start');
    expect(described('Usage limit (optional)')).toContain('Enter a whole number, 0 or more');
    expect(described('Per customer (optional)')).toContain('Enter a whole number, 1 or more');
    expect(described('Minimum subtotal (optional)')).toContain('Enter an amount like 50.00');
    expect(screen.getByLabelText('Code')).toHaveFocus();

    await user.clear(screen.getByLabelText('Percent off'));
    await user.type(screen.getByLabelText('Percent off'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));
    expect(described('Percent off')).toContain('at most 2 decimals');
    expect(calls(ADMIN_API)).toHaveLength(0);
  });

  it('shows code_taken on the code, and the server\'s field errors on their fields', async () => {
    let answer: [number, unknown] = [409, { ...problem(409, 'code_taken'), detail: 'Another promotion has this code' }];
    fakeServer({ 'POST /api/v1/admin/promotions': () => answer });
    const { user } = renderRoutes(routes, { at: '/admin/promotions/new', signedIn: anAdmin() });

    await user.type(screen.getByLabelText('Code'), 'save10');
    await user.type(screen.getByLabelText('Percent off'), '10');
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));

    await waitFor(() => expect(screen.getByLabelText('Code')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Code')).toHaveAccessibleDescription(
      expect.stringContaining('Another promotion already uses this code'));

    answer = [400, problem(400, 'validation_failed', [
      { field: 'value', message: 'must be 1 to 10000 basis points for a percent promotion' },
      { field: 'categoryIds', message: 'names a category that does not exist' },
    ])];
    await user.click(screen.getByRole('button', { name: 'Create promotion' }));
    await waitFor(() => expect(screen.getByLabelText('Percent off')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Percent off')).toHaveAccessibleDescription(
      expect.stringContaining('must be 1 to 10000 basis points'));
    expect(screen.getByLabelText('Code')).not.toHaveAttribute('aria-invalid');
  });

  it('edits a code: sends only what changed, an emptied bound as null, and shows a refused limit on its field', async () => {
    const promotion = aPromotion({ usageLimit: 100, usedCount: 3, perCustomerLimit: 2 });
    let answer: [number, unknown] = [422, problem(422, 'validation_failed', [
      { field: 'usageLimit', message: 'must be at least usedCount (3)' },
    ])];
    const { requests } = fakeServer({
      'GET /api/v1/admin/promotions/promo-1': () => [200, promotion],
      'PATCH /api/v1/admin/promotions/promo-1': () => answer,
    });
    const { user } = renderRoutes(routes, { at: '/admin/promotions/promo-1', signedIn: anAdmin() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Edit SAVE10' })).toBeInTheDocument();
    expect(screen.getByTestId('usage')).toHaveTextContent('3 / 100');
    expect(screen.getByLabelText('Percent off')).toHaveValue('10');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await expectStatus('Nothing to save');

    await user.clear(screen.getByLabelText('Usage limit (optional)'));
    await user.type(screen.getByLabelText('Usage limit (optional)'), '2');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByLabelText('Usage limit (optional)')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Usage limit (optional)'))
      .toHaveAccessibleDescription(expect.stringContaining('must be at least usedCount (3)'));

    const saved = aPromotion({ value: 1250, usageLimit: null, usedCount: 3, perCustomerLimit: 2 });
    answer = [200, saved];
    await user.clear(screen.getByLabelText('Usage limit (optional)'));
    await user.clear(screen.getByLabelText('Percent off'));
    await user.type(screen.getByLabelText('Percent off'), '12.5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await expectStatus('Changes saved');
    expect(screen.getByTestId('usage')).toHaveTextContent('3 / no limit');
    expect(posts(requests).slice(-1)).toEqual([{ value: 1250, usageLimit: null }]);
  });

  it('deactivates the code after confirming', async () => {
    let active = true;
    fakeServer({
      'GET /api/v1/admin/promotions/promo-1': () => [200, aPromotion({ active })],
      'DELETE /api/v1/admin/promotions/promo-1': () => { active = false; return [204]; },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderRoutes(routes, { at: '/admin/promotions/promo-1', signedIn: anAdmin() });

    await user.click(await screen.findByRole('button', { name: 'Deactivate' }));
    await expectStatus('Deactivated SAVE10');
    expect(screen.getByText('Inactive', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByLabelText('Active')).not.toBeChecked();
    confirm.mockRestore();
  });
});
