import type { TrackedOrder } from '../../api/generated';
import { StatusBadge, formatDate } from '../../components/ui';
import { countryName } from './countries';
import { Facts, ItemsTable, Totals } from './OrderParts';

/** The limited view of an order that tracking links and the number + email lookup return. */
export default function TrackedOrderView({ order }: { order: TrackedOrder }) {
  return (
    <section aria-labelledby="tracked-order-title">
      <h2 id="tracked-order-title">Order {order.number}</h2>
      <Facts items={[
        ['Status', <StatusBadge status={order.status} />],
        ['Placed', formatDate(order.createdAt)],
        ['Tracking number', order.trackingNumber ?? 'Not shipped yet'],
        ['Ship to', `${order.shippingCity}, ${countryName(order.shippingCountry)}`],
      ]} />
      <ItemsTable items={order.items} currency={order.currency} />
      <Totals subtotalCents={order.subtotalCents} shippingCents={order.shippingCents} taxCents={order.taxCents}
        totalCents={order.totalCents} currency={order.currency} />
    </section>
  );
}
