import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatsBucket } from '../../api/generated';
import { formatMoney } from '../../lib/money';
import { formatUtcDay, type Interval } from './overviewPeriod';

// uPlot (canvas, ~50 kB) is imported from here only, and only the lazily loaded overview page imports this
// module: the chart library stays in the admin chunk and shoppers never download it.

const HEIGHT = 240;
const ACCENT = '#1d4ed8';

const BUCKET_WORDS: Record<Interval, string> = { day: 'Day', week: 'Week from', month: 'Month from' };

/** YYYY-MM-DD (UTC) to the unix seconds uPlot plots time on. */
function seconds(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

/**
 * Net sales per bucket as a line chart, with the same numbers in a visually hidden table for screen
 * readers (the canvas itself is hidden from them). The chart is drawn in an effect and only where the
 * browser can draw (jsdom in tests has no canvas or matchMedia): without it the table still tells all.
 */
export default function NetSalesChart({ series, currency, interval }:
  { series: StatsBucket[]; currency: string; interval: Interval }) {
  const holder = useRef<HTMLDivElement>(null);
  const captionId = useId();

  useEffect(() => {
    const el = holder.current;
    if (!el || typeof window.matchMedia !== 'function') return undefined;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    try {
      const money = (cents: number | null) => (cents == null ? '–' : formatMoney(Math.round(cents), currency));
      const options: uPlot.Options = {
        width: Math.max(el.clientWidth, 280),
        height: HEIGHT,
        // the API's days are UTC days: show them as such, not shifted into the browser's zone
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: {
          // One bucket alone: uPlot 1.6.32 widens a lone timestamp by 86400 / ms seconds (1,000 days); keep it a day.
          x: {
            time: true,
            range: (_u, min, max) => (series.length === 1 ? [seconds(series[0].start) - 43200, seconds(series[0].start) + 43200] : [min, max]),
          },
          // from zero, and at least one major unit high, so an empty period is a flat line at the bottom
          y: { range: (_u, _min, max) => [0, Math.max(max, 100) * 1.1] },
        },
        legend: { show: true },
        series: [
          { label: BUCKET_WORDS[interval], value: (_u, ts) => (ts == null ? '–' : formatUtcDay(new Date(ts * 1000).toISOString().slice(0, 10))) },
          {
            label: 'Net sales', stroke: ACCENT, width: 2, fill: 'rgba(29, 78, 216, 0.12)',
            points: { show: series.length <= 62 }, value: (_u, cents) => money(cents),
          },
        ],
        axes: [
          {},
          { values: (_u, splits) => splits.map((cents) => money(cents)), size: 80 },
        ],
      };
      const data: uPlot.AlignedData = [series.map((b) => seconds(b.start)), series.map((b) => b.netCents)];
      plot = new uPlot(options, data, el);
      if (typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(el.clientWidth, 280), height: HEIGHT }));
        observer.observe(el);
      }
    } catch {
      // no canvas here: the table below carries the numbers
      plot = null;
    }
    return () => {
      observer?.disconnect();
      plot?.destroy();
    };
  }, [series, currency, interval]);

  const caption = `Net sales by ${interval}`;
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">{caption}</figcaption>
      <div ref={holder} className="chart-canvas" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{BUCKET_WORDS[interval]}</th>
            <th scope="col" className="num">Orders</th>
            <th scope="col" className="num">Net sales</th>
          </tr>
        </thead>
        <tbody>
          {series.map((b) => (
            <tr key={b.start}>
              <th scope="row">{formatUtcDay(b.start)}</th>
              <td className="num">{b.orders}</td>
              <td className="num">{formatMoney(b.netCents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
