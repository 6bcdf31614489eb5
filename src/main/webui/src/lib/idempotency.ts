/**
 * One Idempotency-Key per checkout attempt. An attempt is a particular request body: retrying it (a timeout,
 * a double click, a reload after a network error) resends the same key, so the server answers with the
 * order it already placed instead of placing a second one. Changing the body (a corrected address, another
 * payment method) starts a new attempt with a new key. The key survives reloads in sessionStorage and is
 * dropped once the order is placed.
 */
const STORAGE_KEY = 'shop.checkoutAttempt';

type Attempt = { fingerprint: string; key: string };

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return `checkout-${crypto.randomUUID()}`;
  // randomUUID needs a secure context (HTTPS or localhost); getRandomValues does not
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `checkout-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The key for sending this body: the stored one when the body is the same attempt, else a fresh one. */
export function keyForAttempt(body: unknown, storage: Storage = sessionStorage): string {
  const fingerprint = stableStringify(body);
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Attempt | null;
    if (stored && stored.fingerprint === fingerprint && typeof stored.key === 'string') return stored.key;
  } catch {
    // unreadable: start a new attempt
  }
  const attempt: Attempt = { fingerprint, key: newKey() };
  storage.setItem(STORAGE_KEY, JSON.stringify(attempt));
  return attempt.key;
}

/** The attempt is over (the order exists): the next checkout is a new attempt. */
export function finishAttempt(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}
