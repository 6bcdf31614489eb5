import { useState, type FormEvent } from 'react';
import {
  adminReplaceProductVariants, adminUpdateProduct, type FieldError, type Product, type ProductImage, type VariantInput,
} from '../../api/generated';
import { ErrorAlert, Notice, SubmitButton } from '../../components/ui';
import { parseMoney, toMajorString } from '../../lib/money';
import { useSubmit } from '../../lib/useSubmit';

type OptionRow = { name: string; values: string };
type VariantRow = {
  key: string; id?: string; sku: string; options: Record<string, string>; price: string; stock: string; active: boolean;
};

const MAX_OPTIONS = 3;

function optionRows(product: Product): OptionRow[] {
  return product.options.map((o) => ({ name: o.name, values: o.values.join(', ') }));
}

function variantRows(product: Product): VariantRow[] {
  return product.variants.map((v) => ({
    key: v.id, id: v.id, sku: v.sku, options: v.options, price: toMajorString(v.priceCents, product.currency),
    stock: String(v.stock), active: v.active,
  }));
}

/** The options as the server takes them: trimmed names, comma-separated values, empty ones left out. */
function parsedOptions(options: OptionRow[]) {
  return options.filter((o) => o.name.trim())
    .map((o) => ({ name: o.name.trim(), values: o.values.split(',').map((v) => v.trim()).filter(Boolean) }));
}

function comboKey(options: Record<string, string>, names: string[]): string {
  return names.map((n) => options[n] ?? '').join('\u0000');
}

/** Every combination of the options' values, in option order. */
export function combinations(options: { name: string; values: string[] }[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const option of options) {
    out = out.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.name]: value })));
  }
  return out;
}

function skuPart(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * The options and variant matrix of a product: options with their values, "Generate combinations" (one row per
 * combination, existing rows kept), sku, price and stock edited inline, a row unticked is archived. Saved as the
 * whole set (PUT .../variants); a refused row shows its problem.
 */
export function ProductVariantsEditor({ product, onSaved }: { product: Product; onSaved(product: Product): void }) {
  const [options, setOptions] = useState<OptionRow[]>(() => optionRows(product));
  const [rows, setRows] = useState<VariantRow[]>(() => variantRows(product));
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();
  const names = parsedOptions(options).map((o) => o.name);

  function setOption(i: number, change: Partial<OptionRow>) {
    setOptions((all) => all.map((o, j) => (j === i ? { ...o, ...change } : o)));
  }

  function setRow(key: string, change: Partial<VariantRow>) {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  }

  function generate() {
    const parsed = parsedOptions(options);
    const wanted = combinations(parsed);
    const byCombo = new Map(rows.map((r) => [comboKey(r.options, parsed.map((o) => o.name)), r]));
    const price = toMajorString(product.priceCents, product.currency);
    const kept = new Set<string>();
    const next: VariantRow[] = wanted.map((combo, i) => {
      const existing = byCombo.get(comboKey(combo, parsed.map((o) => o.name)));
      if (existing && !kept.has(existing.key)) {
        kept.add(existing.key);
        return { ...existing, options: combo, active: true };
      }
      const suffix = Object.values(combo).map(skuPart).join('-');
      return {
        key: `new-${Date.now()}-${i}`, sku: suffix ? `${product.sku}-${suffix}`.slice(0, 64) : product.sku,
        options: combo, price, stock: '0', active: true,
      };
    });
    // rows of combinations no longer offered stay listed, archived, so nothing vanishes unseen
    const archived = rows.filter((r) => r.id && !kept.has(r.key)).map((r) => ({ ...r, active: false }));
    setRows([...next, ...archived]);
    setNotice(`${wanted.length} combinations`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const sent = rows.filter((r) => r.active);
    const errors: Record<string, string> = {};
    const variants: VariantInput[] = [];
    for (const row of sent) {
      const priceCents = parseMoney(row.price, product.currency);
      const stock = Number(row.stock.trim());
      if (!row.sku.trim()) errors[row.key] = 'Enter a SKU';
      else if (priceCents === null) errors[row.key] = 'Enter a price like 12.34';
      else if (!/^\d+$/.test(row.stock.trim())) errors[row.key] = 'Enter a stock: a whole number, 0 or more';
      const options: Record<string, string> = {};
      names.forEach((n) => { options[n] = row.options[n] ?? ''; });
      variants.push({ ...(row.id ? { id: row.id } : {}), sku: row.sku.trim(), options, priceCents: priceCents ?? 0, stock, active: true });
    }
    setRowErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void save.run(async () => {
      const { data } = await adminReplaceProductVariants({
        path: { id: product.id }, body: { version: product.version, options: parsedOptions(options), variants },
        throwOnError: true,
      });
      setRows(variantRows(data));
      setOptions(optionRows(data));
      onSaved(data);
      setNotice('Variants saved');
    }, {
      onProblem: (problem) => {
        const byRow: Record<string, string> = {};
        for (const e of (problem.errors ?? []) as FieldError[]) {
          const row = e.index != null ? sent[e.index] : undefined;
          if (row && !byRow[row.key]) byRow[row.key] = `${e.field}: ${e.message}`;
        }
        setRowErrors(byRow);
      },
    });
  }

  return (
    <section aria-labelledby="variants-heading">
      <h2 id="variants-heading">Options and variants</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={save.problem} message={save.message} />
      <form onSubmit={submit} noValidate aria-label="Options and variants">
        {options.map((option, i) => (
          <div className="form-row" key={i}>
            <label>Option {i + 1} name
              <input value={option.name} onChange={(e) => setOption(i, { name: e.target.value })} />
            </label>
            <label>Option {i + 1} values
              <input value={option.values} placeholder="S, M, L" onChange={(e) => setOption(i, { values: e.target.value })} />
            </label>
            <button type="button" className="secondary" onClick={() => setOptions((all) => all.filter((_, j) => j !== i))}>
              Remove option {i + 1}
            </button>
          </div>
        ))}
        <div className="toolbar">
          <button type="button" className="secondary" disabled={options.length >= MAX_OPTIONS}
            onClick={() => setOptions((all) => [...all, { name: '', values: '' }])}>Add option</button>
          <button type="button" className="secondary" onClick={generate}>Generate combinations</button>
        </div>
        <div className="table-wrap">
          <table className="variant-matrix">
            <caption>Variants</caption>
            <thead>
              <tr>
                {names.map((n) => <th scope="col" key={n}>{n}</th>)}
                <th scope="col">SKU</th>
                <th scope="col">Price</th>
                <th scope="col">Stock</th>
                <th scope="col">Offered</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const label = names.map((n) => row.options[n]).filter(Boolean).join(' / ') || 'Default';
                return (
                  <tr key={row.key} className={row.active ? undefined : 'muted'}>
                    {names.map((n) => <td key={n}>{row.options[n] ?? '—'}</td>)}
                    <td>
                      <input aria-label={`SKU of ${label}`} value={row.sku} aria-invalid={rowErrors[row.key] ? true : undefined}
                        onChange={(e) => setRow(row.key, { sku: e.target.value })} />
                      {rowErrors[row.key] ? <div className="field-error">{rowErrors[row.key]}</div> : null}
                    </td>
                    <td><input aria-label={`Price of ${label}`} inputMode="decimal" value={row.price}
                      onChange={(e) => setRow(row.key, { price: e.target.value })} /></td>
                    <td><input aria-label={`Stock of ${label}`} type="number" min={0} step={1} value={row.stock}
                      onChange={(e) => setRow(row.key, { stock: e.target.value })} /></td>
                    <td><input type="checkbox" aria-label={`Offer ${label}`} checked={row.active}
                      onChange={(e) => setRow(row.key, { active: e.target.checked })} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted">Unticked variants are archived (kept for past orders, no longer sold).</p>
        <SubmitButton busy={save.busy}>Save variants</SubmitButton>
      </form>
    </section>
  );
}

/** A product's pictures: URLs with alt text, reordered, removed and added; saved together (PATCH images). */
export function ProductImagesEditor({ product, onSaved }: { product: Product; onSaved(product: Product): void }) {
  const [images, setImages] = useState<ProductImage[]>(product.images);
  const [url, setUrl] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();

  function move(i: number, by: number) {
    setImages((all) => {
      const next = [...all];
      const [image] = next.splice(i, 1);
      next.splice(i + by, 0, image);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    void save.run(async () => {
      const { data } = await adminUpdateProduct({
        path: { id: product.id }, body: { images, version: product.version }, throwOnError: true,
      });
      setImages(data.images);
      onSaved(data);
      setNotice('Pictures saved');
    });
  }

  return (
    <section aria-labelledby="images-heading">
      <h2 id="images-heading">Pictures</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={save.problem} message={save.message} />
      <form onSubmit={submit} noValidate aria-label="Pictures">
        <ol>
          {images.map((image, i) => (
            <li key={`${image.url}-${i}`}>
              <img src={image.url} alt="" width={48} /> {image.url}
              <input aria-label={`Alt text of picture ${i + 1}`} value={image.alt ?? ''}
                onChange={(e) => setImages((all) => all.map((im, j) => (j === i ? { ...im, alt: e.target.value || null } : im)))} />
              <button type="button" className="secondary" disabled={i === 0} onClick={() => move(i, -1)}
                aria-label={`Move picture ${i + 1} up`}>Up</button>
              <button type="button" className="secondary" disabled={i === images.length - 1} onClick={() => move(i, 1)}
                aria-label={`Move picture ${i + 1} down`}>Down</button>
              <button type="button" className="secondary" onClick={() => setImages((all) => all.filter((_, j) => j !== i))}
                aria-label={`Remove picture ${i + 1}`}>Remove</button>
            </li>
          ))}
        </ol>
        <div className="form-row">
          <label>Picture URL
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
          </label>
          <button type="button" className="secondary" disabled={!/^https?:\/\/\S+$/.test(url.trim())}
            onClick={() => { setImages((all) => [...all, { url: url.trim(), alt: null }]); setUrl(''); }}>Add picture</button>
        </div>
        <SubmitButton busy={save.busy}>Save pictures</SubmitButton>
      </form>
    </section>
  );
}
