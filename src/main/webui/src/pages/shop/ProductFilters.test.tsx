import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { aPage, aProduct } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import ProductListPage from './ProductListPage';

const FACETS = {
  categories: [{ slug: 'mugs', name: 'Mugs', count: 2 }],
  options: [
    { name: 'Color', values: [{ value: 'Red', count: 1 }, { value: 'Blue', count: 2 }] },
    { name: 'Size', values: [{ value: 'M', count: 2 }] },
  ],
  price: { minCents: 500, maxCents: 2500 },
};

describe('ProductFilters', () => {
  it('shows facet counts and keeps every filter in the URL and the request', async () => {
    const server = fakeServer({
      'GET /api/v1/products': () => [200, { ...aPage([aProduct()]), facets: FACETS }],
    });
    const user = userEvent.setup();
    renderPage(<ProductListPage />, { route: '/?option.Size=M&sort=name' });

    // The panel is drawn afresh from the URL after each change: look it up each time.
    const panel = () => screen.getByRole('complementary', { name: 'Filters' });
    await screen.findByRole('complementary', { name: 'Filters' });
    const color = within(panel()).getByRole('group', { name: 'Color' });
    expect(await within(color).findByRole('button', { name: 'Blue (2)' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(panel()).getByRole('button', { name: 'M (2)' })).toHaveAttribute('aria-pressed', 'true');
    const first = server.calls('/api/v1/products').at(-1)!.url.searchParams;
    expect([first.get('option.Size'), first.get('facets'), first.get('sort')]).toEqual(['M', 'true', 'name']);

    await user.click(within(color).getByRole('button', { name: 'Red (1)' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/?option.Size=M&sort=name&option.Color=Red'));
    await waitFor(() => expect(server.calls('/api/v1/products').at(-1)!.url.searchParams.get('option.Color')).toBe('Red'));

    await user.click(within(panel()).getByRole('checkbox', { name: 'In stock only' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('inStock=true'));

    await user.type(within(panel()).getByLabelText('Min price'), '10');
    await user.type(within(panel()).getByLabelText('Max price'), '20.5');
    await user.click(within(panel()).getByRole('button', { name: 'Apply price' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('minPriceCents=1000&maxPriceCents=2050'));
    await waitFor(() => expect(server.calls('/api/v1/products').at(-1)!.url.searchParams.get('maxPriceCents')).toBe('2050'));
    const last = server.calls('/api/v1/products').at(-1)!.url.searchParams;
    expect([last.get('minPriceCents'), last.get('inStock'), last.get('option.Size'), last.get('option.Color')])
      .toEqual(['1000', 'true', 'M', 'Red']);

    await user.click(within(panel()).getByRole('button', { name: 'Remove Size: M' }));
    await waitFor(() => expect(screen.getByTestId('location')).not.toHaveTextContent('option.Size'));
  });
});
