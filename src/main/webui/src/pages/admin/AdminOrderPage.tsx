import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  adminChangeOrderStatus, adminGetOrder, adminRefundOrder,
  type AdminOrder, type OrderPayment, type OrderStatus, type Problem, type Refund, type RefundRequest,
  type StatusChangeRequest,
} from '../../api/generated';
import { fieldErrorsOf, problemOf } from '../../api/problem';
import {
  EmptyState, ErrorAlert, Field, Loading, Notice, Price, SelectField, StatusBadge, formatDate, usePageTitle,
} from '../../components/ui';
import { formatMoney, parseMoney } from '../../lib/money';
import { Checkbox, DetailList, orderStatusLabel } from './adminCommon';
import { useLoad } from '../../lib/useLoad';

/**
 * The moves an admin can ask for from each status (API.md, "Statuses"). The server is the authority: it
 * refuses anything else with 409 invalid_transition, so this table only keeps impossible choices out of the
 * menu. REFUNDED is listed for completeness but offered only through the refund form, which moves the money.
 */
const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'SHIPPED', 'DELIVERED'];

const PROVIDER_LABELS: Record<OrderPayment['provider'], string> = { stripe: 'Stripe', manual: 'Manual' };
const PAYMENT_STATUS_LABELS: Record<OrderPayment['status'], string> = {
  pending: 'pending', paid: 'paid', failed: 'failed', refunded: 'refunded', partially_refunded: 'partially refunded',
};
const REFUND_STATUS_LABELS: Record<Refund['status'], string> = {
  pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed',
};

export default function AdminOrderPage() {
  const { id = '' } = useParams();
  // A new instance per order: nothing typed into one order's forms carries over to another's.
  return <OrderView key={id} id={id} />;
}

function OrderView({ id }: { id: string }) {
  const order = useLoad(async () => (await adminGetOrder({ path: { id }, throwOnError: true })).data, [id]);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(order.data ? `Order ${order.data.number}` : 'Order');

  if (!order.data) {
    return (
      <>
        <h1>Order</h1>
        {order.loading ? <Loading label="Loading order…" /> : null}
        {!order.loading && order.problem?.status === 404 ? (
          <EmptyState title="Order not found">
            <p><Link to="/admin/orders">Back to orders</Link></p>
          </EmptyState>
        ) : null}
        {!order.loading && order.problem && order.problem.status !== 404 ? (
          <>
            <ErrorAlert problem={order.problem} />
            <button type="button" onClick={order.reload}>Try again</button>
          </>
        ) : null}
      </>
    );
  }

  const o = order.data;
  const closed = o.status === 'CANCELLED' || o.status === 'REFUNDED';

  return (
    <>
      <p><Link to="/admin/orders">Back to orders</Link></p>
      <h1>{`Order ${o.number}`}</h1>
      {notice ? <Notice>{notice}</Notice> : null}

      <div className="two-col">
        <div>
          <h2>Items</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="num">Unit price</th>
                  <th scope="col" className="num">Quantity</th>
                  <th scope="col" className="num">Line total</th>
                </tr>
              </thead>
              <tbody>
                {o.items.map((item) => (
                  <tr key={`${item.productId}-${item.sku}`}>
                    <td>{item.name}</td>
                    <td>{item.sku}</td>
                    <td className="num"><Price cents={item.unitPriceCents} currency={o.currency} /></td>
                    <td className="num">{item.quantity}</td>
                    <td className="num"><Price cents={item.lineTotalCents} currency={o.currency} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="totals">
            <dt>Subtotal</dt><dd><Price cents={o.subtotalCents} currency={o.currency} /></dd>
            <dt>Shipping</dt><dd><Price cents={o.shippingCents} currency={o.currency} /></dd>
            <dt>Tax</dt><dd><Price cents={o.taxCents} currency={o.currency} /></dd>
            <dt className="grand">Total</dt><dd className="grand"><Price cents={o.totalCents} currency={o.currency} /></dd>
            {o.refundedCents > 0 ? (
              <><dt>Refunded</dt><dd><Price cents={o.refundedCents} currency={o.currency} /></dd></>
            ) : null}
          </dl>
        </div>

        <div>
          <h2>Details</h2>
          <DetailList items={[
            ['Status', <StatusBadge status={o.status} />],
            ['Customer', o.userId
              ? <>{o.email} (<Link to={`/admin/users/${o.userId}`}>View customer</Link>)</>
              : <>{o.email} <span className="muted">(guest)</span></>],
            ['Payment', `${PROVIDER_LABELS[o.payment.provider] ?? o.payment.provider}, ${PAYMENT_STATUS_LABELS[o.payment.status] ?? o.payment.status}`],
            ['Placed', formatDate(o.createdAt)],
            ['Tracking number', o.trackingNumber ?? <span className="muted">None yet</span>],
          ]} />
          <h2>Shipping address</h2>
          <address>
            {o.shippingAddress.fullName}<br />
            {o.shippingAddress.line1}<br />
            {o.shippingAddress.line2 ? <>{o.shippingAddress.line2}<br /></> : null}
            {o.shippingAddress.postalCode} {o.shippingAddress.city}<br />
            {o.shippingAddress.region ? <>{o.shippingAddress.region}<br /></> : null}
            {o.shippingAddress.country}
            {o.shippingAddress.phone ? <><br />{o.shippingAddress.phone}</> : null}
          </address>
        </div>
      </div>

      <section aria-labelledby="change-status">
        <h2 id="change-status">Change status</h2>
        {closed ? <p>This order is closed.</p> : (
          <StatusForm key={o.status} order={o} onChanged={(updated) => {
            order.setData(updated);
            setNotice(`Status changed to ${orderStatusLabel(updated.status)}`);
          }} />
        )}
      </section>

      {REFUNDABLE.includes(o.status) ? (
        <section aria-labelledby="refund">
          <h2 id="refund">Refund</h2>
          <RefundForm key={`${o.status}-${o.refundedCents}`} order={o} onRefunded={(refund) => {
            setNotice(`Refunded ${formatMoney(refund.amountCents, o.currency)}`);
            order.reload();
          }} />
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <div className="table-wrap">
          <table>
            <caption>Status history</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">When</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {o.statusHistory.map((h, i) => (
                <tr key={`${h.at}-${i}`}>
                  <td>{h.from ? orderStatusLabel(h.from) : '—'}</td>
                  <td>{orderStatusLabel(h.to)}</td>
                  <td>{formatDate(h.at)}</td>
                  <td>{h.actor}</td>
                  <td>{h.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {o.refunds.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption>Refunds</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">Amount</th>
                  <th scope="col">Status</th>
                  <th scope="col">Reason</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {o.refunds.map((r) => (
                  <tr key={r.id}>
                    <td className="num"><Price cents={r.amountCents} currency={o.currency} /></td>
                    <td>{REFUND_STATUS_LABELS[r.status] ?? r.status}</td>
                    <td>{r.reason || '—'}</td>
                    <td>{r.createdAt ? formatDate(r.createdAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

function StatusForm({ order, onChanged }: { order: AdminOrder; onChanged(order: AdminOrder): void }) {
  const moves = NEXT_STATUSES[order.status].filter((s) => s !== 'REFUNDED');
  const [next, setNext] = useState<OrderStatus | ''>(moves[0] ?? '');
  const [tracking, setTracking] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  if (moves.length === 0) {
    return <p>No further status change is possible; the order can still be refunded below.</p>;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!next) return;
    setProblem(null);
    const body: StatusChangeRequest = { status: next };
    if (next === 'SHIPPED' && tracking.trim()) body.trackingNumber = tracking.trim();
    if (note.trim()) body.note = note.trim();
    setBusy(true);
    try {
      const { data } = await adminChangeOrderStatus({ path: { id: order.id }, body, throwOnError: true });
      onChanged(data);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }

  const errors = fieldErrorsOf(problem);
  return (
    <form onSubmit={submit} aria-labelledby="change-status">
      <ErrorAlert problem={problem} />
      <SelectField label="New status" value={next} error={errors.status}
        onChange={(e) => setNext(e.target.value as OrderStatus)}>
        {moves.map((s) => <option key={s} value={s}>{orderStatusLabel(s)}</option>)}
      </SelectField>
      {next === 'SHIPPED' ? (
        <Field label="Tracking number" value={tracking} error={errors.trackingNumber} autoComplete="off"
          hint="Sent to the customer in the shipping email" onChange={(e) => setTracking(e.target.value)} />
      ) : null}
      <Field label="Note (optional)" value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      <div><button type="submit" disabled={busy}>Update status</button></div>
    </form>
  );
}

function RefundForm({ order, onRefunded }: { order: AdminOrder; onRefunded(refund: Refund): void }) {
  const rest = order.totalCents - order.refundedCents;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [restock, setRestock] = useState(false);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setAmountError(null);
    const body: RefundRequest = {};
    if (amount.trim()) {
      const cents = parseMoney(amount, order.currency);
      if (cents === null) {
        setAmountError('Enter an amount like 12.34');
        return;
      }
      if (cents === 0) {
        setAmountError('Enter an amount greater than 0');
        return;
      }
      body.amountCents = cents;
    }
    if (reason.trim()) body.reason = reason.trim();
    if (restock) body.restock = true;
    setBusy(true);
    try {
      const { data } = await adminRefundOrder({ path: { id: order.id }, body, throwOnError: true });
      onRefunded(data);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }

  const errors = fieldErrorsOf(problem);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="refund">
      {amountError ? <ErrorAlert message={amountError} /> : <ErrorAlert problem={problem} />}
      <Field label="Amount" inputMode="decimal" value={amount} autoComplete="off"
        error={amountError ?? errors.amountCents ?? (problem?.code === 'refund_exceeds_total' ? 'More than what is left to refund' : undefined)}
        hint={`Leave empty to refund the rest: ${formatMoney(rest, order.currency)}`}
        onChange={(e) => setAmount(e.target.value)} />
      <Field label="Reason (optional)" value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
      <Checkbox label="Return items to stock" hint="Only with a full refund" checked={restock} error={errors.restock}
        onChange={(e) => setRestock(e.target.checked)} />
      <div><button type="submit" className="danger" disabled={busy}>Refund</button></div>
    </form>
  );
}
