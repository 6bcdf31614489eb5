import { useState, type FormEvent } from 'react';
import type { Cart } from '../api/generated';
import { useCart } from '../cart/CartContext';
import { useSubmit } from '../lib/useSubmit';
import { ErrorAlert, Field, Price } from './ui';

/**
 * The cart's discount code, in the cart and at checkout: the code applied (with its discount now) and a Remove
 * button, and a field to apply one (a new code replaces the applied one: one per cart). A refusal shows the
 * server's reason: promotion_invalid says why (no such code, ended, below its minimum subtotal, matching nothing
 * in the cart), promotion_exhausted that it has been used up. A code applied earlier that no longer applies (the
 * cart's promotionRefused) is shown with the reason checkout would refuse it, and a Remove button.
 */
export function PromotionCodeForm({ cart }: { cart: Cart }) {
  const { applyPromotion, removePromotion } = useCart();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const form = useSubmit();
  const applied = cart.promotion;
  const refused = cart.promotionRefused;

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

  function remove(code: string) {
    setMissing(false);
    void form.run(() => removePromotion(code));
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
            disabled={form.busy} onClick={() => remove(applied.code)}>
            Remove
          </button>
        </p>
      ) : null}
      {refused ? (
        <div className="alert alert-error toolbar" role="alert" style={{ alignItems: 'center' }}>
          <span data-testid="refused-code">
            Code <strong>{refused.code}</strong> no longer applies: {refused.detail} Remove it to check out.
          </span>
          <button type="button" className="secondary" aria-label={`Remove code ${refused.code}`}
            disabled={form.busy} onClick={() => remove(refused.code)}>
            Remove
          </button>
        </div>
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
