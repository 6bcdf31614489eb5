/**
 * The overview's period: days as the API counts them (calendar days in UTC, YYYY-MM-DD), so "Today" is the
 * day the server files an order under, whatever the browser's time zone.
 */
export type Interval = 'day' | 'week' | 'month';

export const INTERVALS: readonly Interval[] = ['day', 'week', 'month'];

export const INTERVAL_LABELS: Record<Interval, string> = { day: 'Day', week: 'Week', month: 'Month' };

export type Period = { from: string; to: string; interval: Interval };

export function isInterval(value: string | null | undefined): value is Interval {
  return !!value && (INTERVALS as readonly string[]).includes(value);
}

/** Today in UTC, as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y, m, d];
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative goes back). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The first day of the month `monthsBack` months before `day`'s. */
export function monthStart(day: string, monthsBack = 0): string {
  const [y, m] = parts(day);
  return iso(new Date(Date.UTC(y, m - 1 - monthsBack, 1)));
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1;
}

export type Preset = { label: string; period(today: string): Period };

export const PRESETS: readonly Preset[] = [
  { label: 'Today', period: (today) => ({ from: today, to: today, interval: 'day' }) },
  { label: 'Last 7 days', period: (today) => ({ from: addDays(today, -6), to: today, interval: 'day' }) },
  { label: 'Last 30 days', period: (today) => ({ from: addDays(today, -29), to: today, interval: 'day' }) },
  { label: 'This month', period: (today) => ({ from: monthStart(today), to: today, interval: 'day' }) },
  { label: 'Last 12 months', period: (today) => ({ from: monthStart(today, 11), to: today, interval: 'month' }) },
];

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to && a.interval === b.interval;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A YYYY-MM-DD day for people ("Feb 1, 2026"), read in UTC so it never slips to the day before. */
export function formatUtcDay(day: string): string {
  const [y, m, d] = parts(day);
  return dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Feb 1 – 28, 2026", or one day when from and to are the same. */
export function formatUtcRange(from: string, to: string): string {
  if (from === to) return formatUtcDay(from);
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return dayFormat.formatRange(new Date(Date.UTC(fy, fm - 1, fd)), new Date(Date.UTC(ty, tm - 1, td)));
}

/** The period of equal length just before (what the API compares against). */
export function previousOf(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
