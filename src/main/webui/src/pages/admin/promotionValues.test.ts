import { describe, expect, it } from 'vitest';
import { aPromotion } from '../../test/fixtures';
import {
  basisPointsToPercent, fromLocalInput, limitsText, percentToBasisPoints, promotionValueText, toLocalInput, usageText,
} from './promotionValues';

describe('promotion values', () => {
  it('turns a typed percent into basis points exactly', () => {
    expect(percentToBasisPoints('12.5')).toBe(1250);
    expect(percentToBasisPoints('10')).toBe(1000);
    expect(percentToBasisPoints(' 0.01 ')).toBe(1);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('33.33')).toBe(3333);
    // 0.29 * 100 is 28.999999999999996 in floating point: string arithmetic gives the 29 typed
    expect(percentToBasisPoints('0.29')).toBe(29);
    expect(percentToBasisPoints('1.')).toBe(100);
  });

  it('refuses what is not a percent with at most two decimals', () => {
    for (const bad of ['', '12.345', '-5', '1,5', 'ten', '.5', '5 %']) {
      expect(percentToBasisPoints(bad), bad).toBeNull();
    }
  });

  it('shows basis points as the percent an admin would type', () => {
    expect(basisPointsToPercent(1250)).toBe('12.5');
    expect(basisPointsToPercent(1000)).toBe('10');
    expect(basisPointsToPercent(5)).toBe('0.05');
    expect(basisPointsToPercent(3333)).toBe('33.33');
    expect(basisPointsToPercent(10_000)).toBe('100');
    for (const points of [1, 29, 1250, 9999]) expect(percentToBasisPoints(basisPointsToPercent(points))).toBe(points);
  });

  it('describes value, limits and usage', () => {
    expect(promotionValueText(aPromotion({ value: 1250 }), 'USD')).toBe('12.5 %');
    expect(promotionValueText(aPromotion({ type: 'fixed', value: 500 }), 'USD')).toBe('$5.00');
    expect(promotionValueText(aPromotion({ type: 'free_shipping', value: 0 }), 'USD')).toBe('Free shipping');
    expect(limitsText(aPromotion(), 'USD')).toBe('None');
    expect(limitsText(aPromotion({ usageLimit: 100, perCustomerLimit: 1, minSubtotalCents: 5000 }), 'USD'))
      .toBe('100 uses, 1 per customer, subtotal from $50.00');
    expect(usageText(aPromotion({ usedCount: 3, usageLimit: 100 }))).toBe('3 / 100');
    expect(usageText(aPromotion({ usedCount: 3 }))).toBe('3 / no limit');
  });

  it('round-trips an instant through the datetime-local input', () => {
    const local = toLocalInput('2026-12-24T18:30:00Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2026-12-24T18:30:00.000Z');
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
