import type { CheckoutResponse } from '../../api/generated';

/**
 * The order checkout just placed, kept for the confirmation page in this tab's sessionStorage (guests
 * cannot read an order back from the API by id).
 */
const keyOf = (orderId: string) => `shop.order.${orderId}`;

export function saveOrder(response: CheckoutResponse): void {
  try {
    sessionStorage.setItem(keyOf(response.order.id), JSON.stringify(response));
  } catch {
    // storage full or disabled: the confirmation page falls back to the API or the email
  }
}

export function loadOrder(orderId: string): CheckoutResponse | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(keyOf(orderId)) ?? 'null') as CheckoutResponse | null;
    return value && typeof value === 'object' && value.order?.id === orderId ? value : null;
  } catch {
    return null;
  }
}
