import type { Product, Variant } from '../../api/generated';

export type Choice = Record<string, string>;

/** The active variants a shopper can choose from. */
export function activeVariants(product: Product): Variant[] {
  return product.variants.filter((v) => v.active);
}

/** The variant with exactly these options, if the product has one. */
export function variantFor(product: Product, choice: Choice): Variant | undefined {
  return activeVariants(product).find((v) => product.options.every((o) => v.options[o.name] === choice[o.name]));
}

/** The first variant in stock (else the first one): what the picker starts with. */
export function initialChoice(product: Product): Choice {
  const variants = activeVariants(product);
  const start = variants.find((v) => v.stock > 0) ?? variants[0];
  return start ? { ...start.options } : {};
}

/** The variants that keep the choices of the options before `index` and have `value` for option `index`. */
function reachable(product: Product, choice: Choice, index: number, value: string): Variant[] {
  const earlier = product.options.slice(0, index).map((o) => o.name);
  const name = product.options[index].name;
  return activeVariants(product)
    .filter((v) => v.options[name] === value && earlier.every((n) => v.options[n] === choice[n]));
}

/**
 * Whether a value can be chosen, given the choices of the options before it: 'ok' (some variant in stock has it),
 * 'sold-out' (the variants that have it have no stock) or 'impossible' (no variant has it). Options are chosen in
 * order, so a shopper can always reach every variant in stock.
 */
export function availability(product: Product, choice: Choice, index: number, value: string): 'ok' | 'sold-out' | 'impossible' {
  const variants = reachable(product, choice, index, value);
  if (variants.length === 0) return 'impossible';
  return variants.some((v) => v.stock > 0) ? 'ok' : 'sold-out';
}

/**
 * The choice after picking `value` for option `index`: the later options keep their values when that variant is in
 * stock, otherwise they move to the first variant in stock with the new value.
 */
export function choose(product: Product, choice: Choice, index: number, value: string): Choice {
  const next = { ...choice, [product.options[index].name]: value };
  const kept = variantFor(product, next);
  if (kept && kept.stock > 0) return next;
  const variants = reachable(product, choice, index, value);
  const target = variants.find((v) => v.stock > 0) ?? variants[0];
  return target ? { ...target.options } : next;
}
