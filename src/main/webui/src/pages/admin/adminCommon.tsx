import { Fragment, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { OrderStatus, Problem, Role } from '../../api/generated';
import { problemOf } from '../../api/problem';

/**
 * The store's one currency, for amounts whose DTO carries no `currency` (AdminUser.totalSpentCents, a new
 * product's price). The service's default is USD (API.md); DTOs that name a currency take precedence.
 */
export const STORE_CURRENCY = 'USD';

/** Admin list pages ask for this many rows. */
export const PAGE_SIZE = 20;

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED',
];

/** The same wording as StatusBadge, for selects and messages. */
const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
};

export function orderStatusLabel(status: OrderStatus): string {
  return ORDER_STATUS_LABELS[status] ?? status;
}

export function isOrderStatus(value: string | null | undefined): value is OrderStatus {
  return !!value && (ORDER_STATUSES as readonly string[]).includes(value);
}

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', customer: 'Customer' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** The 0-based `page` search parameter; anything odd reads as the first page. */
export function pageParam(params: URLSearchParams): number {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Search parameters from form values, leaving out empty ones (and so resetting `page`). */
export function paramsFrom(values: Record<string, string | null | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    const text = v?.trim();
    if (text) out.set(k, text);
  }
  return out;
}

/** A day without the time ("Nov 24, 2026"). */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A labelled checkbox (label after the box), with an optional hint and error tied to it. */
export function Checkbox({ label, hint, error, id, ...input }:
  { label: string; hint?: string; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const auto = useId();
  const inputId = id ?? auto;
  const described = [error ? `${inputId}-error` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="choice" htmlFor={inputId}>
        <input type="checkbox" id={inputId} aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined} {...input} />
        {label}
      </label>
      {hint ? <small id={`${inputId}-hint`} className="hint">{hint}</small> : null}
      {error ? <small id={`${inputId}-error`} className="field-error">{error}</small> : null}
    </div>
  );
}

export type Loaded<T> = {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  /** Loads again with the same inputs (after a change made on the page). */
  reload(): void;
  /** Replaces the data with a fresher copy the server answered with. */
  setData(data: T): void;
};

/**
 * Runs `load` whenever `key` changes (or on reload) and keeps only the latest answer, so a slow earlier
 * request can never overwrite a newer one. The previous data stays visible while the next one loads.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; problem: Problem | null; loading: boolean }>(
    { data: null, problem: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useLayoutEffect(() => { loadRef.current = load; });

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => { if (live) setState({ data, problem: null, loading: false }); },
      (error: unknown) => { if (live) setState({ data: null, problem: problemOf(error), loading: false }); },
    );
    return () => { live = false; };
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((data: T) => setState({ data, problem: null, loading: false }), []);
  return { ...state, reload, setData };
}

/** Term / value pairs side by side (order and customer details). */
export function DetailList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '.25rem 1rem', margin: '0 0 1rem' }}>
      {items.map(([term, value]) => (
        <Fragment key={term}>
          <dt className="muted">{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
