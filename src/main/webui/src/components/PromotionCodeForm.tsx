import { useState, type FormEvent } from 'react';
import type { Cart } from '../api/generated';
import { useCart } from '../cart/CartContext';
import { useSubmit } from '../lib/useSubmit';
import { ErrorAlert, Field, Price } from './ui';

/**
 * The cart's discount code, in the cart and at checkout: the code applied (with its discount now) and a Remove
 * button, and a field to apply one (a new code replaces the applied one: one per cart). A refusal shows the
 * server's reason: promotion_invalid says why (no such code, ended, below its minimum subtotal, matching nothing
 * in the cart), promotion_exhausted that it has been used up.
 */
export function PromotionCodeForm({ cart }: { cart: Cart }) {
  const { applyPromotion, removePromotion } = useCart();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const form = useSubmit();
  const applied = cart.promotion;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = code.trim();
    setMissing(!text);
    if (!text) {
      form.reset();
      return;
    }
    void form.run(() => applyPromotion(text), { onSuccess: () => setCode('') });
  }

  function remove() {
    if (!applied) return;
    setMissing(false);
    void form.run(() => removePromotion(applied.code));
  }

  return (
    <div className="promotion-code">
      {applied ? (
        <p className="toolbar" style={{ alignItems: 'center' }}>
          <span data-testid="applied-code">
            Code <strong>{applied.code}</strong> applied
            {applied.discountCents > 0
              ? <>: <Price cents={applied.discountCents} currency={cart.currency} /> off</>
              : cart.shippingCents === 0 ? ': free shipping' : null}
          </span>
          <button type="button" className="secondary" aria-label={`Remove code ${applied.code}`}
            disabled={form.busy} onClick={remove}>
            Remove
          </button>
        </p>
      ) : null}
      <form onSubmit={apply} noValidate aria-label="Apply a discount code" className="toolbar">
        <Field label="Discount code" name="code" value={code} autoComplete="off" autoCapitalize="characters"
          spellCheck={false} error={missing ? 'Enter a discount code' : form.fieldErrors.code}
          hint={applied ? 'A new code replaces the applied one' : undefined}
          onChange={(e) => { setCode(e.target.value); setMissing(false); }} />
        <div>
          <button type="submit" className="secondary" disabled={form.busy}>Apply</button>
        </div>
      </form>
      <ErrorAlert problem={form.problem} message={form.message} />
    </div>
  );
}
