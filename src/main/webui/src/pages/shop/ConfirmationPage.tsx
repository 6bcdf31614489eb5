import { Link, useSearchParams } from 'react-router';
import { getMyOrder, lookupOrder, type Order } from '../../api/generated';
import { useAuth } from '../../auth/AuthContext';
import { Facts } from '../../components/Facts';
import { LoadGate } from '../../components/LoadGate';
import { AddressBlock } from '../../components/order/AddressBlock';
import { OrderItems } from '../../components/order/OrderItems';
import { OrderTotals } from '../../components/order/OrderTotals';
import { paymentLabel } from '../../components/order/payment';
import { StatusBadge } from '../../components/order/status';
import { EmptyState, Loading, Notice, formatDate, usePageTitle } from '../../components/ui';
import { loadOrder } from './orderStorage';
import { useLoad } from '../../lib/useLoad';

const CONFIRMING = 'Your payment is being confirmed. We have emailed you a confirmation with a link to track your order.';

/**
 * After checkout (manual payment) or back from Stripe (`session_id`). The order comes from this tab's
 * sessionStorage, else (signed in) from the API; a guest back from Stripe in another tab has neither.
 */
export default function ConfirmationPage() {
  usePageTitle('Thank you for your order');
  const [params] = useSearchParams();
  const id = params.get('order') ?? '';
  const fromStripe = params.has('session_id');
  const { status, user } = useAuth();
  const stored = id ? loadOrder(id)?.order ?? null : null;
  // A customer back from Stripe gets the order afresh: the payment may have gone through meanwhile.
  const fetch = status === 'signed-in' && !!id && (!stored || fromStripe);
  const fetched = useLoad(async () => {
    const { data } = await getMyOrder({ path: { id }, throwOnError: true });
    return data;
  }, [id], fetch);
  // A guest back from Stripe in this tab has the order as checkout left it (awaiting payment): one public
  // lookup by number and email says how far the payment got since.
  const recheck = status === 'guest' && fromStripe && !!stored;
  const live = useLoad(async () => {
    const { data } = await lookupOrder({ body: { number: stored!.number, email: stored!.email }, throwOnError: true });
    return data;
  }, [id], recheck);
  const order = (fetched.data?.id === id ? fetched.data : null) ?? withLiveStatus(stored, live.data?.status);

  let body;
  if (!id) {
    body = (
      <EmptyState title="No order to show">
        <p>Look up an order with its number and your email: <Link to="/track">Track your order</Link></p>
      </EmptyState>
    );
  } else if (fetch) {
    // the stored order (if any) shows while the fresh one loads, and stays if that fails
    body = (
      <LoadGate state={{ ...fetched, data: order }} loadingLabel="Loading your order…" notFound="Order not found"
        notFoundBody={<p><Link to="/account/orders">All your orders</Link></p>}>
        {(o) => <ConfirmedOrder order={o} guest={!user} />}
      </LoadGate>
    );
  } else if (order) {
    body = <ConfirmedOrder order={order} guest={!user} />;
  } else if (status === 'loading') {
    body = <Loading label="Loading your order…" />;
  } else {
    body = <Notice>{CONFIRMING}</Notice>;
  }
  return (
    <>
      <h1>Thank you for your order</h1>
      {body}
    </>
  );
}

function withLiveStatus(order: Order | null, status: Order['status'] | undefined): Order | null {
  if (!order || !status || status === order.status) return order;
  const paid = status === 'PAID' || status === 'SHIPPED' || status === 'DELIVERED';
  return { ...order, status, payment: paid ? { ...order.payment, status: 'paid' } : order.payment };
}

function ConfirmedOrder({ order, guest }: { order: Order; guest: boolean }) {
  const pending = order.status === 'PENDING_PAYMENT';
  return (
    <>
      {pending && order.payment.provider === 'manual' ? (
        <Notice>We will ship your order once your payment arrives.</Notice>
      ) : null}
      {pending && order.payment.provider === 'stripe' ? (
        <Notice>Your payment is being confirmed. We will email you a confirmation once it has gone through.</Notice>
      ) : null}
      <Facts items={[
        ['Order number', <span data-testid="order-number">{order.number}</span>],
        ['Status', <StatusBadge status={order.status} />],
        ['Email', order.email],
        ['Placed', formatDate(order.createdAt)],
        ['Payment', paymentLabel(order.payment)],
      ]} />
      <OrderItems items={order.items} currency={order.currency} />
      <OrderTotals amounts={order} />
      <h2>Shipping to</h2>
      <AddressBlock address={order.shippingAddress} />
      <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', marginTop: '1.5rem' }}>
        {guest ? (
          <Link to={`/track?number=${encodeURIComponent(order.number)}&email=${encodeURIComponent(order.email)}`}>
            Track this order
          </Link>
        ) : (
          <Link to={`/account/orders/${order.id}`}>View order</Link>
        )}
        <Link to="/">Continue shopping</Link>
      </p>
    </>
  );
}
