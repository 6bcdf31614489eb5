import { screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminStats } from '../../api/generated';
import { fakeServer, problem } from '../../test/fakeServer';
import AdminOverviewPage from './AdminOverviewPage';
import { anAdmin } from '../../test/fixtures';
import { expectStatus, renderRoutes } from '../../test/render';

// jsdom has no canvas: the chart library is replaced by a recorder, so tests can see what it was asked to draw.
const charts = vi.hoisted(() => ({ made: [] as Array<{ data: unknown; destroyed: boolean }> }));
vi.mock('uplot', () => {
  class FakePlot {
    static tzDate(date: Date) { return date; }
    record: { data: unknown; destroyed: boolean };
    constructor(_options: unknown, data: unknown) {
      this.record = { data, destroyed: false };
      charts.made.push(this.record);
    }
    setSize() {}
    destroy() { this.record.destroyed = true; }
  }
  return { default: FakePlot };
});

const routes = (
  <>
    <Route path="/admin" element={<AdminOverviewPage />} />
    <Route path="/admin/orders" element={<p>Orders list</p>} />
  </>
);

function aStats(overrides: Partial<AdminStats> = {}): AdminStats {
  return {
    currency: 'USD',
    from: '2026-02-14',
    to: '2026-03-15',
    interval: 'day',
    totals: { orders: 12, grossCents: 152500, refundedCents: 2500, netCents: 150000, averageOrderCents: 12708, customers: 10, guestOrders: 4 },
    previous: { orders: 10, grossCents: 125000, refundedCents: 0, netCents: 125000, averageOrderCents: 12500, customers: 8, guestOrders: 5 },
    series: [
      { start: '2026-03-14', orders: 2, netCents: 4000 },
      { start: '2026-03-15', orders: 10, netCents: 146000 },
    ],
    topProducts: [{ productId: 'p-1', name: 'Blue mug', units: 9, netCents: 11250 }],
    lowStock: [{ productId: 'p-2', name: 'Red teapot', stock: 2 }],
    needsAction: { awaitingPayment: 3, toShip: 5 },
    ...overrides,
  };
}

/** Answers with the period it was asked for, as the service does. */
function statsServer(overrides: Partial<AdminStats> = {}) {
  return fakeServer({
    'GET /api/v1/admin/stats': ({ url }) => {
      const q = url.searchParams;
      return [200, aStats({
        ...(q.get('from') ? { from: q.get('from')! } : {}),
        ...(q.get('to') ? { to: q.get('to')! } : {}),
        ...(q.get('interval') ? { interval: q.get('interval') as AdminStats['interval'] } : {}),
        ...overrides,
      })];
    },
  });
}

function figure(name: string) {
  return screen.getByRole('group', { name });
}

afterEach(() => {
  vi.useRealTimers();
  charts.made.length = 0;
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('AdminOverviewPage', () => {
  it('shows the figures against the previous period, best sellers, low stock and orders waiting', async () => {
    const { calls } = statsServer();
    const { user } = renderRoutes(routes, { at: '/admin', signedIn: anAdmin() });

    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(document.title).toBe('Overview · Acme Shop');
    await expectStatus('Loading the overview…');
    await screen.findByRole('group', { name: 'Net sales' });
    // no period in the address: the server's default, and the form shows what it picked
    expect(Object.fromEntries(calls('/api/v1/admin/stats')[0].url.searchParams)).toEqual({});
    expect(screen.getByLabelText('From')).toHaveValue('2026-02-14');
    expect(screen.getByLabelText('To')).toHaveValue('2026-03-15');
    expect(screen.getByLabelText('Interval')).toHaveValue('day');

    expect(figure('Net sales')).toHaveTextContent('$1,500.00');
    expect(figure('Net sales')).toHaveTextContent('+20% vs previous period');
    expect(figure('Orders')).toHaveTextContent('12');
    expect(figure('Orders')).toHaveTextContent('+20% vs previous period');
    expect(figure('Average order')).toHaveTextContent('$127.08');
    expect(figure('Average order')).toHaveTextContent('+2% vs previous period');
    expect(figure('Customers')).toHaveTextContent('+25% vs previous period');
    expect(figure('Guest orders')).toHaveTextContent('-20% vs previous period');
    expect(figure('Refunded')).toHaveTextContent('$25.00');
    expect(figure('Refunded')).toHaveTextContent('—');
    expect(figure('Refunded')).not.toHaveTextContent('vs previous period');

    // the chart's numbers, for screen readers
    const series = screen.getByRole('table', { name: 'Net sales by day' });
    const rows = within(series).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['Mar 14, 20262$40.00', 'Mar 15, 202610$1,460.00']);

    const top = screen.getByRole('table', { name: 'Top products' });
    expect(within(top).getByRole('link', { name: 'Blue mug' })).toHaveAttribute('href', '/admin/products/p-1');
    expect(within(top).getByText('9')).toBeInTheDocument();
    expect(within(top).getByText('$112.50')).toBeInTheDocument();
    const low = screen.getByRole('table', { name: 'Low stock' });
    expect(within(low).getByRole('link', { name: 'Red teapot' })).toHaveAttribute('href', '/admin/products/p-2');
    expect(within(low).getByText('2')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Awaiting payment 3' }))
      .toHaveAttribute('href', '/admin/orders?status=PENDING_PAYMENT');
    await user.click(screen.getByRole('link', { name: 'To ship 5' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin\/orders\?status=PAID$/);
  });

  it('keeps the period in the address: each preset changes it and the request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 23:30 UTC: east of Greenwich it is already the 16th, but the service files orders under the UTC day
    vi.setSystemTime(new Date('2026-03-15T23:30:00Z'));
    const { calls } = statsServer();
    const { user } = renderRoutes(routes, { at: '/admin', signedIn: anAdmin() });
    await screen.findByRole('group', { name: 'Net sales' });
    const sent = () => Object.fromEntries(calls('/api/v1/admin/stats').at(-1)!.url.searchParams);
    const location = () => screen.getByTestId('location');

    // the server's default period is the last 30 days
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(location()).toHaveTextContent(/^\/admin\?from=2026-03-15&to=2026-03-15&interval=day$/);
    expect(await screen.findByRole('button', { name: 'Today', pressed: true })).toBeInTheDocument();
    expect(sent()).toEqual({ from: '2026-03-15', to: '2026-03-15', interval: 'day' });
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'false');

    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    expect(location()).toHaveTextContent('from=2026-03-09&to=2026-03-15&interval=day');
    await user.click(screen.getByRole('button', { name: 'This month' }));
    expect(location()).toHaveTextContent('from=2026-03-01&to=2026-03-15&interval=day');
    await user.click(screen.getByRole('button', { name: 'Last 12 months' }));
    expect(location()).toHaveTextContent('from=2025-04-01&to=2026-03-15&interval=month');
    await screen.findByRole('button', { name: 'Last 12 months', pressed: true });
    expect(sent()).toEqual({ from: '2025-04-01', to: '2026-03-15', interval: 'month' });
    expect(screen.getByLabelText('Interval')).toHaveValue('month');
  });

  it('takes a custom period from the form into the address and the request', async () => {
    const { calls } = statsServer();
    const { user } = renderRoutes(routes, { at: '/admin?from=2025-04-01&to=2026-03-15&interval=month', signedIn: anAdmin() });
    await screen.findByRole('group', { name: 'Net sales' });
    const sent = () => Object.fromEntries(calls('/api/v1/admin/stats').at(-1)!.url.searchParams);
    expect(sent()).toEqual({ from: '2025-04-01', to: '2026-03-15', interval: 'month' });

    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2026-01-01');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-01-31');
    await user.selectOptions(screen.getByLabelText('Interval'), 'Week');
    await user.click(screen.getByRole('button', { name: 'Show period' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin\?from=2026-01-01&to=2026-01-31&interval=week$/);
    await screen.findByRole('table', { name: 'Net sales by week' });
    expect(sent()).toEqual({ from: '2026-01-01', to: '2026-01-31', interval: 'week' });
    expect(screen.queryAllByRole('button', { pressed: true })).toHaveLength(0);
  });

  it('shows the server\'s field error under the input of a period it refuses', async () => {
    const { calls } = fakeServer({
      'GET /api/v1/admin/stats': () => [400, problem(400, 'validation_failed', [{ field: 'to', message: 'must not be before from' }])],
    });
    renderRoutes(routes, { at: '/admin?from=2026-02-10&to=2026-02-01&interval=day', signedIn: anAdmin() });

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    expect(Object.fromEntries(calls('/api/v1/admin/stats')[0].url.searchParams)).toEqual({ from: '2026-02-10', to: '2026-02-01', interval: 'day' });
    const to = screen.getByLabelText('To');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('must not be before from');
    expect(to).toHaveValue('2026-02-01');
    expect(screen.getByLabelText('From')).toHaveValue('2026-02-10');
    expect(screen.queryByRole('group', { name: 'Net sales' })).not.toBeInTheDocument();
  });

  it('says so when nothing sold, and "—" where the previous period had nothing either', async () => {
    const zero = { orders: 0, grossCents: 0, refundedCents: 0, netCents: 0, averageOrderCents: 0, customers: 0, guestOrders: 0 };
    statsServer({
      totals: zero, previous: zero, topProducts: [], lowStock: [], needsAction: { awaitingPayment: 0, toShip: 0 },
      series: [{ start: '2026-03-15', orders: 0, netCents: 0 }],
    });
    renderRoutes(routes, { at: '/admin?from=2026-03-15&to=2026-03-15&interval=day', signedIn: anAdmin() });

    expect(await screen.findByText('No sales in this period')).toBeInTheDocument();
    expect(figure('Net sales')).toHaveTextContent('$0.00');
    expect(figure('Orders')).toHaveTextContent('—');
    expect(screen.getByText('Nothing sold in this period')).toBeInTheDocument();
    expect(screen.getByText('No product is running low')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'To ship 0' })).toBeInTheDocument();
    expect(charts.made).toHaveLength(0);
  });

  it('draws the chart where the browser can, and lets go of it when the page goes', async () => {
    window.matchMedia = vi.fn() as unknown as typeof window.matchMedia;
    statsServer();
    const { unmount } = renderRoutes(routes, { at: '/admin?from=2026-03-14&to=2026-03-15&interval=day', signedIn: anAdmin() });
    await screen.findByRole('table', { name: 'Net sales by day' });

    await waitFor(() => expect(charts.made).toHaveLength(1));
    const march14 = Date.UTC(2026, 2, 14) / 1000;
    expect(charts.made[0].data).toEqual([[march14, march14 + 86_400], [4000, 146000]]);
    unmount();
    expect(charts.made[0].destroyed).toBe(true);
  });
});
