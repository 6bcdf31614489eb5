const formats = new Map<string, Intl.NumberFormat>();

function format(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, f);
  }
  return f;
}

/** Minor units of the currency (2 for USD, 0 for JPY, 3 for BHD). */
export function minorDigits(currency: string): number {
  return format(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units to a localised price: `formatMoney(1999, 'USD')` gives "$19.99". */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  return format(currency, locale).format(cents / 10 ** minorDigits(currency));
}

/**
 * A price typed in major units ("12.34", "12", "12.5") to integer minor units by string arithmetic, so
 * binary floating point never rounds a price. Returns null for anything that is not a non-negative amount
 * with at most the currency's decimals.
 */
export function parseMoney(input: string, currency = 'USD'): number | null {
  const digits = minorDigits(currency);
  const text = input.trim();
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const cents = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Minor units back to the plain major-unit string an input shows ("12.30"). */
export function toMajorString(cents: number, currency = 'USD'): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(cents);
  const s = String(Math.abs(cents)).padStart(digits + 1, '0');
  return `${cents < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
