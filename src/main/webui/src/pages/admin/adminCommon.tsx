import { Fragment, useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { OrderStatus, Role } from '../../api/generated';

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
