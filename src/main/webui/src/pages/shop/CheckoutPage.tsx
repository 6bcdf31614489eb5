import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  checkout, type Cart, type CartItem, type CheckoutRequest, type PaymentMethod, type Problem, type User,
} from '../../api/generated';
import { messageOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { useCart } from '../../cart/CartContext';
import { CartGate } from '../../cart/CartGate';
import { OrderTotals, cartAmounts } from '../../components/order/OrderTotals';
import { PromotionCodeForm } from '../../components/PromotionCodeForm';
import { PAYMENT_PROVIDER_LABELS } from '../../components/order/payment';
import { ErrorAlert, Field, Loading, Price, SubmitButton, usePageTitle } from '../../components/ui';
import { finishAttempt, keyForAttempt } from '../../lib/idempotency';
import { useSubmit } from '../../lib/useSubmit';
import { AddressFields, emptyAddress, toShippingAddress, type AddressForm } from './AddressFields';
import { saveOrder } from './orderStorage';

const NETWORK_ERROR_MESSAGE = 'We could not reach the shop, so your order may or may not have been placed. '
  + 'Pressing “Place order” again is safe: it will not place a second order.';

export default function CheckoutPage() {
  usePageTitle('Checkout');
  const { status, user } = useAuth();
  return (
    <>
      <h1>Checkout</h1>
      {status === 'loading' ? <Loading label="Loading your cart…" /> : (
        <CartGate>
          {/* keyed by the user so signing in or out in another tab starts the form afresh */}
          {(cart) => <CheckoutForm key={user?.id ?? 'guest'} cart={cart} user={user} />}
        </CartGate>
      )}
    </>
  );
}

const ADDRESS_FIELDS = new Set(['fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone']);

function CheckoutForm({ cart, user }: { cart: Cart; user: User | null }) {
  const { reload } = useCart();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState<AddressForm>(() => emptyAddress(user?.name ?? ''));
  const [payment, setPayment] = useState<PaymentMethod>('manual');
  const form = useSubmit({ fieldPrefix: 'shippingAddress.' });
  const { problem, fieldErrors } = form;
  const promotionRefused = problem?.code === 'promotion_invalid' || problem?.code === 'promotion_exhausted';

  // After a failed submit, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]); // once per answer, not on every edit

  // Back from the payment page through the browser's history (the page restored from the back/forward
  // cache): the form must not stay stuck on "Placing order…", and the cart has changed server-side.
  const { reset } = form;

  // A code checkout refused: the reloaded cart names it (promotionRefused) and the summary's code form offers to
  // remove it; once it is gone (or replaced), the refusal no longer stands.
  const stillRefused = cart.promotionRefused?.code;
  useEffect(() => {
    if (promotionRefused && !stillRefused) reset();
  }, [stillRefused, cart.promotion?.code]); // not on the refusal itself: the reload that names the code follows it

  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      reset();
      void reload();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [reload, reset]);

  function request(): CheckoutRequest {
    return {
      ...(user ? {} : { email: email.trim() }),
      shippingAddress: toShippingAddress(address),
      paymentMethod: payment,
      expectedTotalCents: cart.totalCents,
    };
  }

  /** The sentence for a refused order, where the standard one would not say enough; reloads what changed. */
  function explain(p: Problem, linesAtSubmit: CartItem[]): string | null {
    switch (p.code) {
      case 'promotion_invalid':
      case 'promotion_exhausted':
        void reload();
        return `${messageOf(p).replace(/\.$/, '')}. Your order was not placed: remove the discount code (or apply `
          + 'another one), check the new total, then place the order again.';
      case 'price_changed':
      case 'cart_empty':
        void reload();
        return null;
      case 'insufficient_stock': {
        const names = (p.errors ?? []).map((fe) =>
          linesAtSubmit.find((line) => line.productId === fe.field)?.name ?? fe.field);
        const base = messageOf(p).replace(/\.$/, '');
        void reload();
        return `${base}${names.length ? `: ${names.join(', ')}` : ''}. `
          + 'Lower the quantities in your cart, then place the order again.';
      }
      case 'idempotency_key_reused':
        finishAttempt();
        return null;
      default:
        return p.code === 'network_error' || (p.code === 'http_error' && p.status >= 500) ? NETWORK_ERROR_MESSAGE : null;
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    const body = request();
    // the same body is the same attempt (same key): a retry after a lost answer cannot order twice
    const key = keyForAttempt(body);
    const linesAtSubmit = cart.items;
    void form.run(async () => {
      const { data } = await checkout({ body, headers: { 'Idempotency-Key': key }, throwOnError: true });
      finishAttempt();
      saveOrder(data);
      if (data.payment.redirectUrl) {
        window.location.assign(data.payment.redirectUrl);
        return; // stay "Placing order…" while the browser leaves for the payment page
      }
      void reload();
      navigate(`/orders/confirmation?order=${encodeURIComponent(data.order.id)}`);
    }, { keepBusy: true, onProblem: (p) => explain(p, linesAtSubmit) });
  }

  const unplaced = Object.entries(fieldErrors)
    .filter(([field]) => field !== 'email' && field !== 'paymentMethod' && !ADDRESS_FIELDS.has(field));

  return (
    <div className="two-col">
      <form ref={formRef} onSubmit={submit}>
        <div>
          <ErrorAlert problem={problem} message={form.message} />
          {problem?.code === 'insufficient_stock' ? <p><Link to="/cart">Review your cart</Link></p> : null}
          {unplaced.length ? (
            <ul className="field-error">
              {unplaced.map(([field, text]) => <li key={field}>{field}: {text}</li>)}
            </ul>
          ) : null}
        </div>
        {user ? (
          <p className="muted">Signed in as {user.email}. We send the confirmation there.</p>
        ) : (
          <Field label="Email" type="email" name="email" required autoComplete="email" value={email}
            hint="We send the confirmation and a tracking link here." error={fieldErrors.email}
            onChange={(e) => { setEmail(e.target.value); form.clearFieldError('email'); }} />
        )}
        <AddressFields value={address} errors={fieldErrors}
          onChange={(field, value) => { setAddress((a) => ({ ...a, [field]: value })); form.clearFieldError(field); }} />
        <fieldset aria-describedby={fieldErrors.paymentMethod ? 'payment-error' : undefined}>
          <legend>Payment</legend>
          <label className="choice">
            <input type="radio" name="paymentMethod" value="stripe" checked={payment === 'stripe'}
              onChange={() => { setPayment('stripe'); form.clearFieldError('paymentMethod'); }} />
            {PAYMENT_PROVIDER_LABELS.stripe}
          </label>
          <label className="choice">
            <input type="radio" name="paymentMethod" value="manual" checked={payment === 'manual'}
              onChange={() => { setPayment('manual'); form.clearFieldError('paymentMethod'); }} />
            {PAYMENT_PROVIDER_LABELS.manual}
          </label>
          {fieldErrors.paymentMethod ? <small id="payment-error" className="field-error">{fieldErrors.paymentMethod}</small> : null}
        </fieldset>
        <SubmitButton busy={form.busy} busyLabel="Placing order…">Place order</SubmitButton>
      </form>
      <OrderSummary cart={cart} />
    </div>
  );
}

function OrderSummary({ cart }: { cart: Cart }) {
  return (
    <aside aria-labelledby="order-summary-title" className="card">
      <h2 id="order-summary-title" style={{ margin: 0 }}>Order summary</h2>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '.5rem' }}>
        {cart.items.map((item) => (
          <li key={item.productId} style={{ display: 'flex', justifyContent: 'space-between', gap: '1rem' }}>
            <span>{item.name} × {item.quantity}</span>
            <Price cents={item.lineTotalCents} currency={cart.currency} />
          </li>
        ))}
      </ul>
      <PromotionCodeForm cart={cart} />
      <OrderTotals amounts={cartAmounts(cart)} />
    </aside>
  );
}
