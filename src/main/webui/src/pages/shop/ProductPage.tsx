import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { getProductBySlug, type Product } from '../../api/generated';
import { useCart } from '../../cart/CartContext';
import { LoadGate } from '../../components/LoadGate';
import { ErrorAlert, Field, Notice, Price, SubmitButton, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { Gallery } from '../../components/catalog/ProductPicture';
import { availability, choose, initialChoice, variantFor, type Choice } from '../../components/catalog/variants';

export default function ProductPage() {
  const { slug = '' } = useParams();
  const loaded = useLoad(async () => (await getProductBySlug({ path: { slug }, throwOnError: true })).data, [slug]);
  const current = loaded.data?.slug === slug ? loaded.data : null;
  usePageTitle(current?.name ?? (loaded.problem?.status === 404 ? 'Product not found' : 'Product'));

  return (
    <LoadGate state={{ ...loaded, data: current }} title="Product" loadingLabel="Loading product…"
      notFound="Product not found" notFoundBody={<p>It may have been removed. <Link to="/">Browse products</Link></p>}>
      {(product) => <ProductDetails key={product.id} product={product} />}
    </LoadGate>
  );
}

function stockText(stock: number): string {
  if (stock <= 0) return 'Out of stock';
  if (stock <= 5) return `Only ${stock} left`;
  return 'In stock';
}

function ProductDetails({ product }: { product: Product }) {
  const { add } = useCart();
  const hasOptions = product.options.length > 0;
  const [choice, setChoice] = useState<Choice>(() => initialChoice(product));
  const variant = hasOptions ? variantFor(product, choice) : undefined;
  const stock = hasOptions ? (variant?.stock ?? 0) : product.stock;
  const priceCents = hasOptions && variant ? variant.priceCents : product.priceCents;
  const max = Math.min(99, stock);
  const out = max < 1;
  const [quantity, setQuantity] = useState('1');
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState(false);
  const form = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(quantity);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      setError(`Enter a quantity from 1 to ${max}.`);
      return;
    }
    setError(undefined);
    setAdded(false);
    void form.run(() => add(product.id, n, variant?.id), { onSuccess: () => setAdded(true) });
  }

  return (
    <article className="two-col">
      <div>
        <Gallery images={variant?.imageUrl ? [{ url: variant.imageUrl, alt: product.name }, ...product.images]
          : product.images} name={product.name} />
      </div>
      <div>
        <h1>{product.name}</h1>
        {product.categories.length ? (
          <p className="muted">In {product.categories.map((c, i) => (
            <span key={c.id}>{i > 0 ? ', ' : null}<Link to={`/?category=${encodeURIComponent(c.slug)}`}>{c.name}</Link></span>
          ))}</p>
        ) : null}
        <p><Price cents={priceCents} currency={product.currency} /></p>
        <p aria-live="polite">{hasOptions && !variant ? 'This combination is not available' : stockText(stock)}</p>
        {product.description ? <p style={{ whiteSpace: 'pre-line' }}>{product.description}</p> : null}
        {added ? <Notice><span>Added to cart</span> <Link to="/cart">View cart</Link></Notice> : null}
        <ErrorAlert problem={form.problem} message={form.message} />
        <form onSubmit={submit} noValidate>
          {product.options.map((option, index) => (
            <fieldset key={option.name} className="variant-option">
              <legend>{option.name}</legend>
              {option.values.map((value) => {
                const state = availability(product, choice, index, value);
                return (
                  <label key={value} className={state !== 'ok' ? 'muted' : undefined}>
                    <input type="radio" name={`option-${option.name}`} value={value}
                      checked={choice[option.name] === value} disabled={state !== 'ok'}
                      onChange={() => { setChoice((c) => choose(product, c, index, value)); setAdded(false); }} />
                    {value}{state === 'sold-out' ? ' (sold out)' : state === 'impossible' ? ' (not available)' : ''}
                  </label>
                );
              })}
            </fieldset>
          ))}
          <Field label="Quantity" type="number" inputMode="numeric" min={1} max={Math.max(1, max)} step={1}
            value={quantity} disabled={out} error={error}
            onChange={(e) => setQuantity(e.target.value)} />
          <SubmitButton busy={form.busy} busyLabel="Adding…" disabled={out}>Add to cart</SubmitButton>
        </form>
      </div>
    </article>
  );
}
