import { Link, useParams } from 'react-router';
import { getMyOrder } from '../../api/generated';
import { EmptyState, ErrorAlert, Loading, StatusBadge, formatDate, usePageTitle } from '../../components/ui';
import { AddressBlock, Facts, ItemsTable, Totals, paymentLabel } from '../shop/OrderParts';
import { useLoad } from '../../lib/useLoad';

export default function MyOrderPage() {
  const { id = '' } = useParams();
  const { data, problem, loading } = useLoad(async () => {
    const { data } = await getMyOrder({ path: { id }, throwOnError: true });
    return data;
  }, [id]);
  const order = data?.id === id ? data : null;
  usePageTitle(order ? `Order ${order.number}` : 'Order');

  if (problem?.status === 404) {
    return (
      <>
        <h1>Not found</h1>
        <EmptyState title="Order not found">
          <p><Link to="/account/orders">All your orders</Link></p>
        </EmptyState>
      </>
    );
  }
  if (problem) {
    return (
      <>
        <h1>Order</h1>
        <ErrorAlert problem={problem} />
      </>
    );
  }
  if (loading || !order) return <Loading label="Loading your order…" />;

  return (
    <>
      <p><Link to="/account/orders">All your orders</Link></p>
      <h1>Order {order.number}</h1>
      <Facts items={[
        ['Status', <StatusBadge status={order.status} />],
        ['Placed', formatDate(order.createdAt)],
        ['Email', order.email],
        ['Payment', paymentLabel(order.payment.provider, order.payment.status)],
        ['Tracking number', order.trackingNumber ?? 'Not shipped yet'],
      ]} />
      <ItemsTable items={order.items} currency={order.currency} />
      <Totals subtotalCents={order.subtotalCents} shippingCents={order.shippingCents} taxCents={order.taxCents}
        totalCents={order.totalCents} refundedCents={order.refundedCents} currency={order.currency} />
      <h2>Shipping address</h2>
      <AddressBlock address={order.shippingAddress} />
    </>
  );
}
