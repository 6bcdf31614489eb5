import { useState, type FormEvent } from 'react';
import type { ProductFacets } from '../../api/generated';
import { Checkbox, Field } from '../../components/ui';

export const OPTION_PREFIX = 'option.';

/** The list's filters as the URL keeps them and the API takes them (option.<name>=<value>, prices in cents). */
export function filtersOf(params: URLSearchParams) {
  const options: Record<string, string> = {};
  params.forEach((value, key) => {
    if (key.startsWith(OPTION_PREFIX) && key.length > OPTION_PREFIX.length && value.trim()) options[key] = value.trim();
  });
  const cents = (key: string) => (/^\d{1,15}$/.test(params.get(key) ?? '') ? params.get(key)! : undefined);
  return {
    minPriceCents: cents('minPriceCents'),
    maxPriceCents: cents('maxPriceCents'),
    inStock: params.get('inStock') === 'true' ? 'true' : undefined,
    options,
  };
}

type Filters = ReturnType<typeof filtersOf>;

/** Whole cents from a price typed in major units ("12.5" -> "1250"); empty or unreadable: no bound. */
function toCents(text: string): string | null {
  const n = Number(text.trim());
  return text.trim() && Number.isFinite(n) && n >= 0 ? String(Math.round(n * 100)) : null;
}

function toMajor(cents: string | undefined): string {
  return cents ? (Number(cents) / 100).toString() : '';
}

/**
 * The filter panel beside the list: in stock, a price range, and a value per option with how many products of the
 * current result have it (the facets). Every change goes to the URL through `onChange`.
 */
export function ProductFilters({ facets, filters, onChange }: {
  facets?: ProductFacets;
  filters: Filters;
  onChange(changes: Record<string, string | null>): void;
}) {
  const [min, setMin] = useState(toMajor(filters.minPriceCents));
  const [max, setMax] = useState(toMajor(filters.maxPriceCents));

  function applyPrice(e: FormEvent) {
    e.preventDefault();
    onChange({ minPriceCents: toCents(min), maxPriceCents: toCents(max) });
  }

  const chosen = Object.entries(filters.options);
  return (
    <aside aria-label="Filters" className="filters">
      <Checkbox label="In stock only" checked={filters.inStock === 'true'}
        onChange={(e) => onChange({ inStock: e.target.checked ? 'true' : null })} />
      <form onSubmit={applyPrice} aria-label="Price">
        <Field label="Min price" name="minPrice" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)}
          placeholder={facets?.price.minCents != null ? toMajor(String(facets.price.minCents)) : undefined} />
        <Field label="Max price" name="maxPrice" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)}
          placeholder={facets?.price.maxCents != null ? toMajor(String(facets.price.maxCents)) : undefined} />
        <button type="submit">Apply price</button>
      </form>
      {chosen.map(([key, value]) => (
        <button key={key} type="button" aria-label={`Remove ${key.slice(OPTION_PREFIX.length)}: ${value}`}
          onClick={() => onChange({ [key]: null })}>
          {key.slice(OPTION_PREFIX.length)}: {value} ×
        </button>
      ))}
      {(facets?.options ?? []).map((option) => (
        <fieldset key={option.name}>
          <legend>{option.name}</legend>
          {option.values.map((v) => {
            const key = OPTION_PREFIX + option.name;
            const pressed = filters.options[key] === v.value;
            return (
              <button key={v.value} type="button" aria-pressed={pressed}
                onClick={() => onChange({ [key]: pressed ? null : v.value })}>
                {v.value} ({v.count})
              </button>
            );
          })}
        </fieldset>
      ))}
    </aside>
  );
}
