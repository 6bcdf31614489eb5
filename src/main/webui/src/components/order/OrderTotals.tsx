import type { Cart } from '../../api/generated';
import { Price } from '../ui';

/** What an order, a tracked order and a cart all carry. */
export type Amounts = {
  subtotalCents: number;
  /** The promotion's discount (absent or 0: none). */
  discountCents?: number;
  /** The code the discount came from, named beside it. */
  promotionCode?: string | null;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  refundedCents?: number;
  currency: string;
};

/**
 * Subtotal, the discount (when there is one), shipping, tax and total (and refunds, when there are any) as a
 * definition list. The discount is shown as a negative amount, so the lines add up as read.
 */
export function OrderTotals({ amounts }: { amounts: Amounts }) {
  const {
    subtotalCents, discountCents = 0, promotionCode, shippingCents, taxCents, totalCents, refundedCents = 0, currency,
  } = amounts;
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd><Price cents={subtotalCents} currency={currency} /></dd>
      {discountCents > 0 ? (
        <>
          <dt>{promotionCode ? `Discount (${promotionCode})` : 'Discount'}</dt>
          <dd><Price cents={-discountCents} currency={currency} /></dd>
        </>
      ) : null}
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

/** A cart's amounts, its discount named by the applied code. */
export function cartAmounts(cart: Cart): Amounts {
  return { ...cart, promotionCode: cart.promotion?.code ?? null };
}
