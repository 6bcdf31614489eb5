import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { ShippingAddress } from '../../api/generated';
import { Price } from '../../components/ui';
import { countryName } from './countries';

type Line = { name: string; sku?: string; unitPriceCents: number; quantity: number; lineTotalCents: number };

/** An order's (or tracked order's) lines as a table: product, unit price, quantity, line total. */
export function ItemsTable({ items, currency, caption = 'Items' }: { items: Line[]; currency: string; caption?: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num">Unit price</th>
            <th scope="col" className="num">Quantity</th>
            <th scope="col" className="num">Total</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={`${item.sku ?? ''}-${i}`}>
              <td>
                {item.name}
                {item.sku ? <small className="muted"> ({item.sku})</small> : null}
              </td>
              <td className="num"><Price cents={item.unitPriceCents} currency={currency} /></td>
              <td className="num">{item.quantity}</td>
              <td className="num"><Price cents={item.lineTotalCents} currency={currency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Amounts = {
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  refundedCents?: number;
  currency: string;
};

/** Subtotal, shipping, tax and total (and refunds, when there are any) as a definition list. */
export function Totals({ subtotalCents, shippingCents, taxCents, totalCents, refundedCents = 0, currency }: Amounts) {
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd><Price cents={subtotalCents} currency={currency} /></dd>
      <dt>Shipping</dt>
      <dd><Price cents={shippingCents} currency={currency} /></dd>
      <dt>Tax</dt>
      <dd><Price cents={taxCents} currency={currency} /></dd>
      <dt className="grand">Total</dt>
      <dd className="grand"><Price cents={totalCents} currency={currency} /></dd>
      {refundedCents > 0 ? (
        <>
          <dt>Refunded</dt>
          <dd><Price cents={refundedCents} currency={currency} /></dd>
        </>
      ) : null}
    </dl>
  );
}

/** A postal address as the shopper typed it. */
export function AddressBlock({ address }: { address: ShippingAddress }) {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return (
    <address>
      {address.fullName}<br />
      {address.line1}<br />
      {address.line2 ? <>{address.line2}<br /></> : null}
      {cityLine}{address.region ? `, ${address.region}` : ''}<br />
      {countryName(address.country)}
      {address.phone ? <><br />{address.phone}</> : null}
    </address>
  );
}

const PROVIDERS: Record<string, string> = { stripe: 'Card payment (Stripe)', manual: 'Manual payment (bank transfer)' };
const PAYMENT_STATUSES: Record<string, string> = {
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Failed',
  refunded: 'Refunded',
  partially_refunded: 'Partially refunded',
};

export function paymentLabel(provider: string, status: string): string {
  return `${PROVIDERS[provider] ?? provider}: ${PAYMENT_STATUSES[status] ?? status}`;
}

const FACTS: CSSProperties = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '.25rem 1.5rem', margin: '0 0 1rem' };
const TERM: CSSProperties = { fontWeight: 600 };
const VALUE: CSSProperties = { margin: 0 };

/** Label / value pairs (status, dates, numbers) as a two-column definition list. */
export function Facts({ items }: { items: Array<[string, ReactNode] | null | false> }) {
  return (
    <dl style={FACTS}>
      {items.filter((item): item is [string, ReactNode] => !!item).map(([term, value]) => (
        <Fragment key={term}>
          <dt style={TERM}>{term}</dt>
          <dd style={VALUE}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
