import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, toMajorString } from './money';

describe('money', () => {
  it('formats minor units with the currency', () => {
    expect(formatMoney(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(123456, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('1.234,56 €');
  });

  it('parses major units by string arithmetic, never through a float', () => {
    expect(parseMoney('12.34')).toBe(1234);
    expect(parseMoney('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in binary floating point
    expect(parseMoney('19.9')).toBe(1990);
    expect(parseMoney(' 7 ')).toBe(700);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-1', '1.234', '1,50', '1e3', '.5', '12.3x']) {
      expect(parseMoney(bad), bad).toBeNull();
    }
    expect(parseMoney('1.5', 'JPY')).toBeNull();
  });

  it('shows minor units back as an input value', () => {
    expect(toMajorString(1230)).toBe('12.30');
    expect(toMajorString(5)).toBe('0.05');
    expect(toMajorString(1500, 'JPY')).toBe('1500');
  });
});
