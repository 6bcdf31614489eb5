import { describe, expect, it } from 'vitest';
import { PRESETS, addDays, daysBetween, monthStart, previousOf, todayUtc } from './overviewPeriod';

describe('overview periods', () => {
  it('counts UTC days across months, leap days and years', () => {
    expect(todayUtc(new Date('2026-03-15T23:30:00-05:00'))).toBe('2026-03-16');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(monthStart('2026-03-15', 11)).toBe('2025-04-01');
    expect(monthStart('2026-01-31', 1)).toBe('2025-12-01');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(31);
    expect(daysBetween('2026-03-15', '2026-03-15')).toBe(1);
  });

  it('compares with the period of equal length just before, as the API does', () => {
    expect(previousOf('2026-03-15', '2026-03-15')).toEqual({ from: '2026-03-14', to: '2026-03-14' });
    expect(previousOf('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });

  it('offers the presets for a given today', () => {
    expect(PRESETS.map((p) => [p.label, p.period('2026-03-15')])).toEqual([
      ['Today', { from: '2026-03-15', to: '2026-03-15', interval: 'day' }],
      ['Last 7 days', { from: '2026-03-09', to: '2026-03-15', interval: 'day' }],
      ['Last 30 days', { from: '2026-02-14', to: '2026-03-15', interval: 'day' }],
      ['This month', { from: '2026-03-01', to: '2026-03-15', interval: 'day' }],
      ['Last 12 months', { from: '2025-04-01', to: '2026-03-15', interval: 'month' }],
    ]);
  });
});
