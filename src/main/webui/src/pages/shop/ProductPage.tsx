import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { getProductBySlug, type Problem, type Product } from '../../api/generated';
import { problemOf } from '../../api/problem';
import { useCart } from '../../cart/CartContext';
import { EmptyState, ErrorAlert, Field, Loading, Notice, Price, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';

export default function ProductPage() {
  const { slug = '' } = useParams();
  const { data: product, problem, loading } = useLoad(async () => {
    const { data } = await getProductBySlug({ path: { slug }, throwOnError: true });
    return data;
  }, [slug]);
  const current = product?.slug === slug ? product : null;
  usePageTitle(current?.name ?? (problem?.status === 404 ? 'Product not found' : 'Product'));

  if (problem?.status === 404) {
    return (
      <>
        <h1>Not found</h1>
        <EmptyState title="Product not found">
          <p>It may have been removed. <Link to="/">Browse products</Link></p>
        </EmptyState>
      </>
    );
  }
  if (problem) {
    return (
      <>
        <h1>Product</h1>
        <ErrorAlert problem={problem} />
      </>
    );
  }
  if (loading || !current) return <Loading label="Loading product…" />;
  return <ProductDetails key={current.id} product={current} />;
}

function stockText(stock: number): string {
  if (stock <= 0) return 'Out of stock';
  if (stock <= 5) return `Only ${stock} left`;
  return 'In stock';
}

function ProductDetails({ product }: { product: Product }) {
  const { add } = useCart();
  const max = Math.min(99, product.stock);
  const out = max < 1;
  const [quantity, setQuantity] = useState('1');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(quantity);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      setError(`Enter a quantity from 1 to ${max}.`);
      return;
    }
    setError(undefined);
    setProblem(null);
    setAdded(false);
    setAdding(true);
    try {
      await add(product.id, n);
      setAdded(true);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setAdding(false);
    }
  }

  return (
    <article className="two-col">
      <div>
        {product.imageUrl ? <img src={product.imageUrl} alt={product.name} /> : null}
      </div>
      <div>
        <h1>{product.name}</h1>
        <p><Price cents={product.priceCents} currency={product.currency} /></p>
        <p>{stockText(product.stock)}</p>
        {product.description ? <p style={{ whiteSpace: 'pre-line' }}>{product.description}</p> : null}
        {added ? <Notice><span>Added to cart</span> <Link to="/cart">View cart</Link></Notice> : null}
        <ErrorAlert problem={problem} />
        <form onSubmit={submit} noValidate>
          <Field label="Quantity" type="number" inputMode="numeric" min={1} max={Math.max(1, max)} step={1}
            value={quantity} disabled={out} error={error}
            onChange={(e) => setQuantity(e.target.value)} />
          <div>
            <button type="submit" disabled={out || adding}>{adding ? 'Adding…' : 'Add to cart'}</button>
          </div>
        </form>
      </div>
    </article>
  );
}
