import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ADMIN_API, fakeServer } from '../../test/fakeServer';
import { aPage, aPromotion, anAdmin } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';
import AdminPromotionsPage from './AdminPromotionsPage';

const routes = <Route path="/admin/promotions" element={<AdminPromotionsPage />} />;

const FIXED = aPromotion({
  id: 'promo-2', code: 'FIVEOFF', type: 'fixed', value: 500, usageLimit: 100, perCustomerLimit: 1, usedCount: 42,
  startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z', active: false,
});

describe('AdminPromotionsPage', () => {
  it('lists codes with type, value, window, limits and usage, and filters through the URL', async () => {
    const { requests, calls } = fakeServer({
      'GET /api/v1/admin/promotions': ({ url }) => [200, url.searchParams.get('q')
        ? aPage([])
        : aPage([aPromotion({ value: 1250 }), FIXED], { totalPages: 2 })],
    });
    const { user } = renderRoutes(routes, { at: '/admin/promotions', signedIn: anAdmin() });

    const table = await screen.findByRole('table', { name: 'Promotions' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByRole('link', { name: 'SAVE10' })).toHaveAttribute('href', '/admin/promotions/promo-1');
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      ['SAVE10', 'Percent off', '12.5 %', 'Always', 'None', '3 / no limit', 'Active', 'Deactivate']);
    const cells = within(second).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['FIVEOFF', 'Amount off', '$5.00']);
    expect(cells[3]).toMatch(/^Dec \d+, 2026.* to Dec \d+, 2026/);
    expect(cells.slice(4)).toEqual(['100 uses, 1 per customer', '42 / 100', 'Inactive', '']);
    expect(screen.getByRole('link', { name: 'New promotion' })).toHaveAttribute('href', '/admin/promotions/new');
    expect(calls(ADMIN_API)[0].url.searchParams.get('size')).toBe('20');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 2');
    expect(requests.at(-1)!.url.searchParams.get('page')).toBe('1');

    await user.type(screen.getByLabelText('Search'), 'xmas');
    await user.selectOptions(screen.getByLabelText('Status'), 'Inactive');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('No promotions match')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/promotions?q=xmas&active=false');
    const last = requests.at(-1)!.url.searchParams;
    expect([last.get('q'), last.get('active'), last.get('page')]).toEqual(['xmas', 'false', '0']);
  });

  it('deactivates a code after confirming, and reloads the list', async () => {
    let active = true;
    const { calls } = fakeServer({
      'GET /api/v1/admin/promotions': () => [200, aPage([aPromotion({ active })])],
      'DELETE /api/v1/admin/promotions/promo-1': () => { active = false; return [204]; },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderRoutes(routes, { at: '/admin/promotions', signedIn: anAdmin() });

    await user.click(await screen.findByRole('button', { name: 'Deactivate SAVE10' }));

    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Deactivate the code SAVE10?'));
    await expectStatus('Deactivated SAVE10');
    expect(await screen.findByText('Inactive', { selector: '.badge' })).toBeInTheDocument();
    expect(calls(ADMIN_API).map((r) => r.method)).toEqual(['GET', 'DELETE', 'GET']);
    confirm.mockRestore();
  });

  it('sends nothing when the deactivation is not confirmed', async () => {
    const { calls } = fakeServer({ 'GET /api/v1/admin/promotions': () => [200, aPage([aPromotion()])] });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { user } = renderRoutes(routes, { at: '/admin/promotions', signedIn: anAdmin() });

    await user.click(await screen.findByRole('button', { name: 'Deactivate SAVE10' }));

    expect(calls(ADMIN_API).map((r) => r.method)).toEqual(['GET']);
    expect(screen.getByText('Active', { selector: '.badge' })).toBeInTheDocument();
    confirm.mockRestore();
  });
});
