import type { OrderPayment } from '../../api/generated';

/** How shoppers and admins read a payment method (the checkout's choices use the same words). */
export const PAYMENT_PROVIDER_LABELS: Record<OrderPayment['provider'], string> = {
  stripe: 'Card payment (Stripe)',
  manual: 'Manual payment (bank transfer)',
};

const PAYMENT_STATUS_LABELS: Record<OrderPayment['status'], string> = {
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Failed',
  refunded: 'Refunded',
  partially_refunded: 'Partially refunded',
};

/** "Card payment (Stripe): Paid". */
export function paymentLabel({ provider, status }: Pick<OrderPayment, 'provider' | 'status'>): string {
  return `${PAYMENT_PROVIDER_LABELS[provider] ?? provider}: ${PAYMENT_STATUS_LABELS[status] ?? status}`;
}
