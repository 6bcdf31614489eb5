import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CartItem, Problem } from '../../api/generated';
import { fieldErrorsOf, messageOf, problemOf } from '../../api/problem';
import { lineKey, optionsText, useCart } from '../../cart/CartContext';
import { CartGate } from '../../cart/CartGate';
import { OrderTotals, cartAmounts } from '../../components/order/OrderTotals';
import { PromotionCodeForm } from '../../components/PromotionCodeForm';
import { ErrorAlert, Notice, Price, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';

/** How long typing in a quantity may pause before the cart is updated (blur and Enter update at once). */
const COMMIT_DELAY_MS = 500;
const INVALID_QUANTITY = 'Enter a quantity from 0 to 99 (0 removes the item).';

export default function CartPage() {
  usePageTitle('Your cart');
  const [params] = useSearchParams();
  const cancelled = params.get('cancelled');
  const [problem, setProblem] = useState<Problem | null>(null);

  return (
    <>
      <h1>Your cart</h1>
      {cancelled ? (
        <Notice>
          Your card payment was cancelled. That order will not be charged and its items are released automatically.
        </Notice>
      ) : null}
      <CartGate>
        {(cart) => (
          <>
            <ErrorAlert problem={problem} />
            <div className="table-wrap">
              <table>
                <caption>Items in your cart</caption>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col" className="num">Unit price</th>
                    <th scope="col">Quantity</th>
                    <th scope="col" className="num">Total</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {cart.items.map((item) => (
                    <CartLine key={lineKey(item)} item={item} currency={cart.currency} onProblem={setProblem} />
                  ))}
                </tbody>
              </table>
            </div>
            <PromotionCodeForm cart={cart} />
            <OrderTotals amounts={cartAmounts(cart)} />
            <p style={{ display: 'flex', gap: '1rem', justifyContent: 'end', flexWrap: 'wrap', alignItems: 'center' }}>
              <Link to="/">Continue shopping</Link>
              <Link className="button" to="/checkout">Proceed to checkout</Link>
            </p>
          </>
        )}
      </CartGate>
    </>
  );
}

function CartLine({ item, currency, onProblem }: {
  item: CartItem;
  currency: string;
  onProblem(problem: Problem | null): void;
}) {
  const { setQuantity, remove } = useCart();
  const errorId = useId();
  const [value, setValue] = useState(String(item.quantity));
  const [error, setError] = useState<string | undefined>();
  const removal = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(item);

  // The server's quantity wins whenever it changes (an update answered, another tab, a merge).
  const [shown, setShown] = useState(item.quantity);
  if (shown !== item.quantity) {
    setShown(item.quantity);
    setValue(String(item.quantity));
  }

  useEffect(() => {
    latest.current = item;
  }, [item]);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function commit(text: string) {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n > 99) {
      setError(INVALID_QUANTITY);
      return;
    }
    if (n === current.quantity) {
      // unchanged (e.g. leaving the field after a refused update): keep the server's explanation
      setError((e) => (e === INVALID_QUANTITY ? undefined : e));
      return;
    }
    setError(undefined);
    onProblem(null);
    try {
      await setQuantity(lineKey(current), n);
    } catch (err) {
      const problem = problemOf(err);
      setError(fieldErrorsOf(problem)[lineKey(current)] ?? messageOf(problem));
      setValue(String(latest.current.quantity));
    }
  }

  function schedule(text: string) {
    setValue(text);
    clearTimeout(timer.current);
    // an emptied field is someone about to type a number: only blur or Enter complain about it
    if (text.trim() !== '') timer.current = setTimeout(() => void commit(text), COMMIT_DELAY_MS);
  }

  function removeLine() {
    clearTimeout(timer.current);
    onProblem(null);
    // the line leaves the cart on success, so it stays busy until then
    void removal.run(() => remove(lineKey(item)), { keepBusy: true, onProblem });
  }

  const short = item.availableStock < item.quantity;
  const label = optionsText(item.options) ? `${item.name} (${optionsText(item.options)})` : item.name;
  return (
    <tr>
      <td>
        <Link to={`/products/${item.slug}`}>{item.name}</Link>
        {optionsText(item.options) ? <div className="muted">{optionsText(item.options)}</div> : null}
        {short ? (
          <div className="field-error">
            {item.availableStock > 0 ? `Only ${item.availableStock} available` : 'No longer available'}
          </div>
        ) : null}
      </td>
      <td className="num"><Price cents={item.unitPriceCents} currency={currency} /></td>
      <td className={error ? 'field-invalid' : undefined}>
        <input type="number" inputMode="numeric" min={0} max={99} step={1} style={{ width: '5.5rem' }}
          aria-label={`Quantity of ${label}`} value={value}
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
          onChange={(e) => schedule(e.target.value)}
          onBlur={(e) => void commit(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void commit(e.currentTarget.value); } }} />
        {error ? <small id={errorId} className="field-error" style={{ display: 'block' }}>{error}</small> : null}
      </td>
      <td className="num"><Price cents={item.lineTotalCents} currency={currency} /></td>
      <td>
        <button type="button" className="secondary" aria-label={`Remove ${label}`} disabled={removal.busy}
          onClick={removeLine}>
          Remove
        </button>
      </td>
    </tr>
  );
}
