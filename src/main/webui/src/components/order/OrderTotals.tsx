import { Price } from '../ui';

/** What an order, a tracked order and a cart all carry. */
export type Amounts = {
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  refundedCents?: number;
  currency: string;
};

/** Subtotal, shipping, tax and total (and refunds, when there are any) as a definition list. */
export function OrderTotals({ amounts }: { amounts: Amounts }) {
  const { subtotalCents, shippingCents, taxCents, totalCents, refundedCents = 0, currency } = amounts;
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
