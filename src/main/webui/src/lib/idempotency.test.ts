import { describe, expect, it } from 'vitest';
import { finishAttempt, keyForAttempt } from './idempotency';

const body = { paymentMethod: 'manual', shippingAddress: { city: 'Oslo', country: 'NO' }, expectedTotalCents: 1600 };

describe('checkout idempotency keys', () => {
  it('reuses the key when the same attempt is sent again, whatever the property order', () => {
    const first = keyForAttempt(body);
    const again = keyForAttempt({ expectedTotalCents: 1600, shippingAddress: { country: 'NO', city: 'Oslo' }, paymentMethod: 'manual' });
    expect(first).toMatch(/^checkout-.{8,}/);
    expect(again).toBe(first);
  });

  it('starts a new attempt when the body changes, and after the order is placed', () => {
    const first = keyForAttempt(body);
    const changed = keyForAttempt({ ...body, shippingAddress: { city: 'Bergen', country: 'NO' } });
    expect(changed).not.toBe(first);
    finishAttempt();
    expect(keyForAttempt({ ...body, shippingAddress: { city: 'Bergen', country: 'NO' } })).not.toBe(changed);
  });

  it('keys are 8 to 255 characters, as the API requires', () => {
    const key = keyForAttempt(body);
    expect(key.length).toBeGreaterThanOrEqual(8);
    expect(key.length).toBeLessThanOrEqual(255);
  });
});
