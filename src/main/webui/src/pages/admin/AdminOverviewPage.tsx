import { useId, type FormEvent, type ReactNode } from 'react';
import { DataTable } from '../../components/DataTable';
import { Link, useSearchParams } from 'react-router';
import { adminStats, type AdminStats, type StatsTotals } from '../../api/generated';
import { fieldErrorsOf } from '../../api/problem';
import { EmptyState, ErrorAlert, Field, Loading, SelectField, usePageTitle } from '../../components/ui';
import { formatMoney } from '../../lib/money';
import { useLoad } from '../../lib/useLoad';
import NetSalesChart from './NetSalesChart';
import {
  INTERVALS, INTERVAL_LABELS, PRESETS, formatUtcRange, isInterval, previousOf, samePeriod, todayUtc, type Period,
} from './overviewPeriod';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 });

/** "+12% vs previous period"; a dash when the previous period had nothing to compare with. */
function change(current: number, previous: number): ReactNode {
  if (previous === 0) {
    return <>—<span className="visually-hidden"> (nothing in the previous period to compare with)</span></>;
  }
  return `${percent.format((current - previous) / Math.abs(previous))} vs previous period`;
}

type Figure = { label: string; value(t: StatsTotals, currency: string): string; of(t: StatsTotals): number };

const count = new Intl.NumberFormat();

const FIGURES: Figure[] = [
  { label: 'Net sales', value: (t, c) => formatMoney(t.netCents, c), of: (t) => t.netCents },
  { label: 'Orders', value: (t) => count.format(t.orders), of: (t) => t.orders },
  { label: 'Average order', value: (t, c) => formatMoney(t.averageOrderCents, c), of: (t) => t.averageOrderCents },
  { label: 'Customers', value: (t) => count.format(t.customers), of: (t) => t.customers },
  { label: 'Guest orders', value: (t) => count.format(t.guestOrders), of: (t) => t.guestOrders },
  { label: 'Refunded', value: (t, c) => formatMoney(t.refundedCents, c), of: (t) => t.refundedCents },
];

function FigureCard({ figure, stats }: { figure: Figure; stats: AdminStats }) {
  const id = useId();
  return (
    <div className="card figure" role="group" aria-labelledby={id}>
      <p id={id} className="figure-label">{figure.label}</p>
      <p className="figure-value">{figure.value(stats.totals, stats.currency)}</p>
      <p className="figure-change muted">{change(figure.of(stats.totals), figure.of(stats.previous))}</p>
    </div>
  );
}

export default function AdminOverviewPage() {
  usePageTitle('Overview');
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const rawInterval = params.get('interval');
  const interval = isInterval(rawInterval) ? rawInterval : undefined;

  const stats = useLoad(async () => {
    const { data } = await adminStats({
      // from and to go as typed: the server says what is wrong with them, field by field
      query: { from: from || undefined, to: to || undefined, interval },
      throwOnError: true,
    });
    return data;
  }, [from, to, interval]);

  const data = stats.data;
  // Without a period in the address the server picks one (the last 30 days): show what it picked.
  const shown: Period = {
    from: from || data?.from || '',
    to: to || data?.to || '',
    interval: interval ?? (isInterval(data?.interval) ? data.interval : 'day'),
  };
  const today = todayUtc();
  const fieldErrors = fieldErrorsOf(stats.problem);

  function choose(period: Period) {
    setParams(new URLSearchParams(period));
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['from', 'to', 'interval']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  return (
    <>
      <h1>Overview</h1>

      <div className="period">
        <div className="presets" role="group" aria-label="Quick periods">
          {PRESETS.map((preset) => {
            const period = preset.period(today);
            const active = shown.from !== '' && samePeriod(period, shown);
            return (
              <button key={preset.label} type="button" className={active ? undefined : 'secondary'}
                aria-pressed={active} onClick={() => choose(period)}>
                {preset.label}
              </button>
            );
          })}
        </div>
        {/* key: the inputs start again from the period shown when it changes (presets, back button) */}
        <form key={`${shown.from}|${shown.to}|${shown.interval}`} className="toolbar" style={{ maxWidth: 'none' }}
          aria-label="Custom period" onSubmit={apply}>
          <Field label="From" name="from" type="date" defaultValue={shown.from} error={fieldErrors.from} />
          <Field label="To" name="to" type="date" defaultValue={shown.to} error={fieldErrors.to} />
          <SelectField label="Interval" name="interval" defaultValue={shown.interval} error={fieldErrors.interval}>
            {INTERVALS.map((i) => <option key={i} value={i}>{INTERVAL_LABELS[i]}</option>)}
          </SelectField>
          <button type="submit">Show period</button>
        </form>
      </div>

      <ErrorAlert problem={stats.problem} />
      {stats.loading && !data ? <Loading label="Loading the overview…" /> : null}
      {data ? <Overview stats={data} busy={stats.loading} /> : null}
    </>
  );
}

function Overview({ stats, busy }: { stats: AdminStats; busy: boolean }) {
  const previous = previousOf(stats.from, stats.to);
  const interval = isInterval(stats.interval) ? stats.interval : 'day';
  const noSales = stats.series.every((b) => b.orders === 0 && b.netCents === 0);
  return (
    <div className="overview" aria-busy={busy || undefined}>
      <p className="muted">
        {formatUtcRange(stats.from, stats.to)} (UTC), by {interval}; compared with {formatUtcRange(previous.from, previous.to)}.
        {' '}Paid orders only.
      </p>

      <div className="figures">
        {FIGURES.map((figure) => <FigureCard key={figure.label} figure={figure} stats={stats} />)}
      </div>

      <div className="overview-grid">
        <section className="overview-wide" aria-labelledby="overview-sales">
          <h2 id="overview-sales">Net sales</h2>
          {noSales
            ? <EmptyState title="No sales in this period">Paid orders placed in the period show here.</EmptyState>
            : <NetSalesChart series={stats.series} currency={stats.currency} interval={interval} />}
        </section>

        <section aria-labelledby="overview-action">
          <h2 id="overview-action">Needs action</h2>
          <ul className="needs-action">
            <li>
              <Link to="/admin/orders?status=PENDING_PAYMENT">
                Awaiting payment <strong className="count">{stats.needsAction.awaitingPayment}</strong>
              </Link>
            </li>
            <li>
              <Link to="/admin/orders?status=PAID">
                To ship <strong className="count">{stats.needsAction.toShip}</strong>
              </Link>
            </li>
          </ul>
          <p className="hint">Orders waiting now, whatever the period.</p>
        </section>

        <section aria-labelledby="overview-top">
          <h2 id="overview-top">Top products</h2>
          {stats.topProducts.length === 0 ? <EmptyState title="Nothing sold in this period" /> : (
            <DataTable labelledBy="overview-top" rows={stats.topProducts} rowKey={(p) => p.productId} columns={[
              { header: 'Product', cell: (p) => <Link to={`/admin/products/${p.productId}`}>{p.name}</Link> },
              { header: 'Units', num: true, cell: (p) => p.units },
              { header: 'Net sales', num: true, cell: (p) => formatMoney(p.netCents, stats.currency) },
            ]} />
          )}
        </section>

        <section aria-labelledby="overview-stock">
          <h2 id="overview-stock">Low stock</h2>
          {stats.lowStock.length === 0 ? <EmptyState title="No product is running low" /> : (
            <DataTable labelledBy="overview-stock" rows={stats.lowStock} rowKey={(p) => p.productId} columns={[
              { header: 'Product', cell: (p) => <Link to={`/admin/products/${p.productId}`}>{p.name}</Link> },
              { header: 'In stock', num: true, cell: (p) => p.stock },
            ]} />
          )}
        </section>
      </div>
    </div>
  );
}
