import { Link, useParams } from 'react-router';
import { getMyOrder } from '../../api/generated';
import { Facts } from '../../components/Facts';
import { LoadGate } from '../../components/LoadGate';
import { AddressBlock } from '../../components/order/AddressBlock';
import { OrderItems } from '../../components/order/OrderItems';
import { OrderTotals } from '../../components/order/OrderTotals';
import { paymentLabel } from '../../components/order/payment';
import { StatusBadge } from '../../components/order/status';
import { formatDate, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';

const ALL_ORDERS = <p><Link to="/account/orders">All your orders</Link></p>;

export default function MyOrderPage() {
  const { id = '' } = useParams();
  const loaded = useLoad(async () => (await getMyOrder({ path: { id }, throwOnError: true })).data, [id]);
  const order = loaded.data?.id === id ? loaded.data : null;
  usePageTitle(order ? `Order ${order.number}` : 'Order');

  return (
    <LoadGate state={{ ...loaded, data: order }} title="Order" loadingLabel="Loading your order…"
      notFound="Order not found" notFoundBody={ALL_ORDERS}>
      {(o) => (
        <>
          {ALL_ORDERS}
          <h1>Order {o.number}</h1>
          <Facts items={[
            ['Status', <StatusBadge status={o.status} />],
            ['Placed', formatDate(o.createdAt)],
            ['Email', o.email],
            ['Payment', paymentLabel(o.payment)],
            ['Tracking number', o.trackingNumber ?? 'Not shipped yet'],
          ]} />
          <OrderItems items={o.items} currency={o.currency} />
          <OrderTotals amounts={o} />
          <h2>Shipping address</h2>
          <AddressBlock address={o.shippingAddress} />
        </>
      )}
    </LoadGate>
  );
}
