import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  adminChangeOrderStatus, adminGetOrder, adminRefundOrder,
  type AdminOrder, type OrderStatus, type Refund, type RefundRequest, type StatusChangeRequest,
} from '../../api/generated';
import { DataTable, type Column } from '../../components/DataTable';
import { Facts } from '../../components/Facts';
import { LoadGate } from '../../components/LoadGate';
import { AddressBlock } from '../../components/order/AddressBlock';
import { OrderItems } from '../../components/order/OrderItems';
import { OrderTotals } from '../../components/order/OrderTotals';
import { paymentLabel } from '../../components/order/payment';
import { NEXT_STATUSES, StatusBadge, isClosed, isRefundable, orderStatusLabel } from '../../components/order/status';
import { Checkbox, ErrorAlert, Field, Notice, Price, SelectField, SubmitButton, formatDate, usePageTitle } from '../../components/ui';
import { formatMoney, parseMoney } from '../../lib/money';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

const REFUND_STATUS_LABELS: Record<Refund['status'], string> = {
  pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed',
};

type HistoryEntry = AdminOrder['statusHistory'][number];

const HISTORY_COLUMNS: Array<Column<HistoryEntry>> = [
  { header: 'From', cell: (h) => (h.from ? orderStatusLabel(h.from) : '—') },
  { header: 'To', cell: (h) => orderStatusLabel(h.to) },
  { header: 'When', cell: (h) => formatDate(h.at) },
  { header: 'By', cell: (h) => h.actor },
  { header: 'Note', cell: (h) => h.note ?? '—' },
];

function refundColumns(currency: string): Array<Column<AdminOrder['refunds'][number]>> {
  return [
    { header: 'Amount', num: true, cell: (r) => <Price cents={r.amountCents} currency={currency} /> },
    { header: 'Status', cell: (r) => REFUND_STATUS_LABELS[r.status] ?? r.status },
    { header: 'Reason', cell: (r) => r.reason || '—' },
    { header: 'When', cell: (r) => (r.createdAt ? formatDate(r.createdAt) : '—') },
  ];
}

const BACK = <p><Link to="/admin/orders">Back to orders</Link></p>;

export default function AdminOrderPage() {
  const { id = '' } = useParams();
  // A new instance per order: nothing typed into one order's forms carries over to another's.
  return <OrderView key={id} id={id} />;
}

function OrderView({ id }: { id: string }) {
  const order = useLoad(async () => (await adminGetOrder({ path: { id }, throwOnError: true })).data, [id]);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(order.data ? `Order ${order.data.number}` : 'Order');

  return (
    <LoadGate state={order} title="Order" loadingLabel="Loading order…" notFound="Order not found" notFoundBody={BACK}>
      {(o) => (
        <>
          {BACK}
          <h1>{`Order ${o.number}`}</h1>
          {notice ? <Notice>{notice}</Notice> : null}

          <div className="two-col">
            <div>
              <h2 id="items">Items</h2>
              <OrderItems items={o.items} currency={o.currency} labelledBy="items" />
              <OrderTotals amounts={o} />
            </div>

            <div>
              <h2>Details</h2>
              <Facts items={[
                ['Status', <StatusBadge status={o.status} />],
                ['Customer', o.userId
                  ? <>{o.email} (<Link to={`/admin/users/${o.userId}`}>View customer</Link>)</>
                  : <>{o.email} <span className="muted">(guest)</span></>],
                ['Payment', paymentLabel(o.payment)],
                !!o.promotionCode && ['Discount code', <>
                  {o.promotionCode} <span className="muted">({formatMoney(o.discountCents, o.currency)} off)</span>
                </>],
                ['Placed', formatDate(o.createdAt)],
                ['Tracking number', o.trackingNumber ?? <span className="muted">None yet</span>],
              ]} />
              <h2>Shipping address</h2>
              <AddressBlock address={o.shippingAddress} />
            </div>
          </div>

          <section aria-labelledby="change-status">
            <h2 id="change-status">Change status</h2>
            {isClosed(o.status) ? <p>This order is closed.</p> : (
              <StatusForm key={o.status} order={o} onChanged={(updated) => {
                order.setData(updated);
                setNotice(`Status changed to ${orderStatusLabel(updated.status)}`);
              }} />
            )}
          </section>

          {isRefundable(o.status) ? (
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
            <DataTable caption="Status history" columns={HISTORY_COLUMNS} rows={o.statusHistory}
              rowKey={(h, i) => `${h.at}-${i}`} />
            {o.refunds.length > 0 ? (
              <DataTable caption="Refunds" columns={refundColumns(o.currency)} rows={o.refunds} rowKey={(r) => r.id} />
            ) : null}
          </section>
        </>
      )}
    </LoadGate>
  );
}

function StatusForm({ order, onChanged }: { order: AdminOrder; onChanged(order: AdminOrder): void }) {
  const moves = NEXT_STATUSES[order.status].filter((s) => s !== 'REFUNDED');
  const [next, setNext] = useState<OrderStatus | ''>(moves[0] ?? '');
  const [tracking, setTracking] = useState('');
  const [note, setNote] = useState('');
  const form = useSubmit();

  if (moves.length === 0) {
    return <p>No further status change is possible; the order can still be refunded below.</p>;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!next) return;
    const body: StatusChangeRequest = { status: next };
    if (next === 'SHIPPED' && tracking.trim()) body.trackingNumber = tracking.trim();
    if (note.trim()) body.note = note.trim();
    void form.run(async () => (await adminChangeOrderStatus({ path: { id: order.id }, body, throwOnError: true })).data,
      { onSuccess: onChanged });
  }

  const errors = form.fieldErrors;
  return (
    <form onSubmit={submit} aria-labelledby="change-status">
      <ErrorAlert problem={form.problem} message={form.message} />
      <SelectField label="New status" value={next} error={errors.status}
        onChange={(e) => setNext(e.target.value as OrderStatus)}>
        {moves.map((s) => <option key={s} value={s}>{orderStatusLabel(s)}</option>)}
      </SelectField>
      {next === 'SHIPPED' ? (
        <Field label="Tracking number" value={tracking} error={errors.trackingNumber} autoComplete="off"
          hint="Sent to the customer in the shipping email" onChange={(e) => setTracking(e.target.value)} />
      ) : null}
      <Field label="Note (optional)" value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      <SubmitButton busy={form.busy}>Update status</SubmitButton>
    </form>
  );
}

function RefundForm({ order, onRefunded }: { order: AdminOrder; onRefunded(refund: Refund): void }) {
  const rest = order.totalCents - order.refundedCents;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [restock, setRestock] = useState(false);
  const [amountError, setAmountError] = useState<string | null>(null);
  const form = useSubmit();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.reset();
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
    void form.run(async () => (await adminRefundOrder({ path: { id: order.id }, body, throwOnError: true })).data,
      { onSuccess: onRefunded });
  }

  const errors = form.fieldErrors;
  const exceeds = form.problem?.code === 'refund_exceeds_total' ? 'More than what is left to refund' : undefined;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="refund">
      <ErrorAlert problem={amountError ? null : form.problem} message={amountError ?? form.message} />
      <Field label="Amount" inputMode="decimal" value={amount} autoComplete="off"
        error={amountError ?? errors.amountCents ?? exceeds}
        hint={`Leave empty to refund the rest: ${formatMoney(rest, order.currency)}`}
        onChange={(e) => setAmount(e.target.value)} />
      <Field label="Reason (optional)" value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
      <Checkbox label="Return items to stock" hint="Only with a full refund" checked={restock} error={errors.restock}
        onChange={(e) => setRestock(e.target.checked)} />
      <SubmitButton busy={form.busy} className="danger">Refund</SubmitButton>
    </form>
  );
}
