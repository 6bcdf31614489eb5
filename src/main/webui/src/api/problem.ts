import { isAxiosError } from 'axios';
import type { FieldError, Problem } from './generated';

/** The RFC 9457 problem behind a failed call, or a stand-in for network failures and non-problem answers. */
export function problemOf(error: unknown): Problem {
  if (isAxiosError(error)) {
    const body = error.response?.data as Partial<Problem> | undefined;
    if (body && typeof body === 'object' && typeof body.code === 'string') {
      return body as Problem;
    }
    if (!error.response) {
      return { type: 'about:blank', title: 'Network error', status: 0, code: 'network_error',
        detail: 'The shop could not be reached. Check your connection and try again.' };
    }
    return { type: 'about:blank', title: error.response.statusText || 'Error', status: error.response.status,
      code: 'http_error' };
  }
  return { type: 'about:blank', title: 'Unexpected error', status: 0, code: 'client_error',
    detail: error instanceof Error ? error.message : String(error) };
}

const MESSAGES: Record<string, string> = {
  network_error: 'The shop could not be reached. Check your connection and try again.',
  unauthorized: 'Please sign in to continue.',
  forbidden: 'You do not have access to this page.',
  not_found: 'We could not find that.',
  email_taken: 'An account with this email already exists. Sign in instead?',
  invalid_credentials: 'Email or password is incorrect.',
  mfa_required: 'Enter the code your authenticator app shows now.',
  invalid_token: 'This link is invalid or has expired.',
  rate_limited: 'Too many attempts. Please wait a moment and try again.',
  slug_taken: 'Another product already uses this slug.',
  sku_taken: 'Another product already uses this SKU.',
  version_conflict: 'Someone else changed this in the meantime. Reload to see their changes.',
  insufficient_stock: 'Some items are no longer available in the quantity you asked for.',
  cart_empty: 'Your cart is empty.',
  request_in_progress: 'Your order is still being placed. Please wait a moment.',
  idempotency_key_reused: 'This checkout attempt changed while it was being sent. Please submit again.',
  invalid_transition: 'That status change is not allowed for this order.',
  payment_unavailable: 'Card payments are not available right now. Choose another payment method.',
  refund_exceeds_total: 'The refund is more than what is left to refund on this order.',
  price_changed: 'Prices changed since you opened checkout. Review the new total and place the order again.',
  validation_failed: 'Please correct the highlighted fields.',
  bulk_validation_failed: 'Some rows are invalid; nothing was saved.',
  code_taken: 'Another promotion already uses this code (codes are case-insensitive).',
};

/** A sentence for people: the server's detail when it has one, else a message per stable code. */
export function messageOf(problem: Problem): string {
  if (problem.code === 'validation_failed' && problem.errors?.length) return MESSAGES.validation_failed;
  return MESSAGES[problem.code] ?? problem.detail ?? problem.title ?? 'Something went wrong.';
}

/**
 * Field errors keyed by the dotted path the server reports (`shippingAddress.country`), first message per
 * field. `prefix` strips a leading object name so a form can key by its own field names.
 */
export function fieldErrorsOf(problem: Problem | null | undefined, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of (problem?.errors ?? []) as FieldError[]) {
    if (!e.field) continue;
    const key = prefix && e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
    if (!(key in out)) out[key] = e.message;
  }
  return out;
}
