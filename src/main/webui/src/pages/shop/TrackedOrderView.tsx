import type { TrackedOrder } from '../../api/generated';
import { Facts } from '../../components/Facts';
import { OrderItems } from '../../components/order/OrderItems';
import { OrderTotals } from '../../components/order/OrderTotals';
import { StatusBadge } from '../../components/order/status';
import { formatDate } from '../../components/ui';
import { countryName } from '../../lib/countries';

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
      <OrderItems items={order.items} currency={order.currency} />
      <OrderTotals amounts={{ ...order, discountCents: impliedDiscount(order) }} />
    </section>
  );
}

/**
 * The tracked view carries no discount field, but its total is subtotal - discount + shipping + tax, so what the
 * other lines leave over is the discount (0 without a code). Shown so the lines add up as read.
 */
function impliedDiscount(order: TrackedOrder): number {
  return Math.max(0, order.subtotalCents + order.shippingCents + order.taxCents - order.totalCents);
}
