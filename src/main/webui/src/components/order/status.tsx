import type { OrderStatus } from '../../api/generated';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED',
];

const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
};

/** The one wording of a status, for badges, selects and messages. */
export function orderStatusLabel(status: OrderStatus): string {
  return ORDER_STATUS_LABELS[status] ?? status;
}

export function isOrderStatus(value: string | null | undefined): value is OrderStatus {
  return !!value && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{orderStatusLabel(status)}</span>;
}

/**
 * The moves an admin can ask for from each status (API.md, "Statuses"), mirroring the server's OrderStatus
 * table. The server is the authority: it refuses anything else with 409 invalid_transition, so this table
 * only keeps impossible choices out of the menu. REFUNDED is listed for completeness but offered only
 * through the refund form, which moves the money.
 */
export const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

/** The statuses a refund can start from: those with a move to REFUNDED. */
export function isRefundable(status: OrderStatus): boolean {
  return NEXT_STATUSES[status].includes('REFUNDED');
}

/** No further move at all: the order is closed. */
export function isClosed(status: OrderStatus): boolean {
  return NEXT_STATUSES[status].length === 0;
}
