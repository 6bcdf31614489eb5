import type { Promotion } from '../../api/generated';
import { formatDate } from '../../components/ui';
import { formatMoney } from '../../lib/money';

export type PromotionType = Promotion['type'];

export const PROMOTION_TYPE_LABELS: Record<PromotionType, string> = {
  percent: 'Percent off',
  fixed: 'Amount off',
  free_shipping: 'Free shipping',
};

/** The most a percent promotion takes, in basis points (100 %). */
export const MAX_BASIS_POINTS = 10_000;

/**
 * A percent typed by the admin ("12.5", "10", "0.25") to basis points by string arithmetic (12.5 % is 1250), so
 * binary floating point never rounds it. Null for anything that is not a non-negative number with at most two
 * decimals (a basis point is 0.01 %).
 */
export function percentToBasisPoints(input: string): number | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(input.trim());
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  const points = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(points) ? points : null;
}

/** Basis points back to the percent an input shows: 1250 -> "12.5", 1000 -> "10", 5 -> "0.05". */
export function basisPointsToPercent(points: number): string {
  const whole = Math.floor(points / 100);
  const fraction = String(points % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** What the promotion takes off, as people read it: "12.5 %", "$5.00", "Free shipping". */
export function promotionValueText(p: Pick<Promotion, 'type' | 'value'>, currency: string): string {
  switch (p.type) {
    case 'percent': return `${basisPointsToPercent(p.value)} %`;
    case 'fixed': return formatMoney(p.value, currency);
    default: return 'Free shipping';
  }
}

/** When the code can be used: "Always", "From …", "Until …", or "… to …". */
export function windowText(p: Pick<Promotion, 'startsAt' | 'endsAt'>): string {
  if (p.startsAt && p.endsAt) return `${formatDate(p.startsAt)} to ${formatDate(p.endsAt)}`;
  if (p.startsAt) return `From ${formatDate(p.startsAt)}`;
  if (p.endsAt) return `Until ${formatDate(p.endsAt)}`;
  return 'Always';
}

/** Its limits in one line ("100 uses, 1 per customer, subtotal from $50.00"), or "None". */
export function limitsText(p: Pick<Promotion, 'usageLimit' | 'perCustomerLimit' | 'minSubtotalCents'>, currency: string): string {
  const parts: string[] = [];
  if (p.usageLimit !== null) parts.push(`${p.usageLimit} ${p.usageLimit === 1 ? 'use' : 'uses'}`);
  if (p.perCustomerLimit !== null) parts.push(`${p.perCustomerLimit} per customer`);
  if (p.minSubtotalCents > 0) parts.push(`subtotal from ${formatMoney(p.minSubtotalCents, currency)}`);
  return parts.length ? parts.join(', ') : 'None';
}

/** How often it was used, against its limit: "3 / 100", or "3 / no limit". */
export function usageText(p: Pick<Promotion, 'usedCount' | 'usageLimit'>): string {
  return `${p.usedCount} / ${p.usageLimit === null ? 'no limit' : p.usageLimit}`;
}

/**
 * An instant as a `datetime-local` input shows it, in the browser's time zone ("2026-12-01T09:30"); '' for none.
 */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (the browser's time zone) to an ISO instant in UTC; null for '' or a bad value. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Deactivating asks first: shoppers can no longer apply the code (orders keep it, and the code stays taken). */
export function confirmDeactivate(code: string): boolean {
  return window.confirm(`Deactivate the code ${code}? Shoppers can no longer apply it; orders placed with it keep it.`);
}
