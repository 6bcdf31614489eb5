import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listProducts, type ListProductsData, type Problem, type Product } from '../../api/generated';
import { problemOf } from '../../api/problem';
import { useCart } from '../../cart/CartContext';
import { EmptyState, ErrorAlert, Field, Loading, Notice, Pager, Price, SelectField, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';

type Sort = NonNullable<NonNullable<ListProductsData['query']>['sort']>;

const SORTS: Array<{ value: Sort; label: string }> = [
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'name', label: 'Name' },
];
const PAGE_SIZE = 12;

function sortOf(value: string | null): Sort {
  return SORTS.find((s) => s.value === value)?.value ?? 'newest';
}

/** `?page=` is 1-based for people; the API's page is 0-based. */
function pageOf(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}

export default function ProductListPage() {
  usePageTitle('Products');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const sort = sortOf(params.get('sort'));
  const page = pageOf(params.get('page'));

  const { data, problem, loading } = useLoad(async () => {
    const { data } = await listProducts({
      query: { q: q || undefined, sort, page, size: PAGE_SIZE },
      throwOnError: true,
    });
    return data;
  }, [q, sort, page]);

  /** Changes the query in the URL; a new search or sort starts again at the first page. */
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  }

  const products = data?.items ?? [];
  return (
    <>
      <h1>Products</h1>
      <div className="toolbar">
        <SearchForm key={q} initial={q} onSearch={(text) => update({ q: text.trim() || null, page: null })} />
        <SelectField label="Sort by" value={sort}
          onChange={(e) => update({ sort: e.target.value === 'newest' ? null : e.target.value, page: null })}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </SelectField>
      </div>

      {problem ? <ErrorAlert problem={problem} /> : null}
      {loading && !data ? <Loading label="Loading products…" /> : null}
      {data && products.length === 0 && !loading ? (
        <EmptyState title="No products found">
          {q ? <p>Nothing matches “{q}”. Try another search.</p> : <p>Please check back soon.</p>}
        </EmptyState>
      ) : null}
      {products.length > 0 ? (
        <ProductGrid products={products} busy={loading} />
      ) : null}
      <Pager page={page} totalPages={data?.totalPages ?? 0}
        onPage={(p) => update({ page: p > 0 ? String(p + 1) : null })} />
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch(text: string): void }) {
  const [text, setText] = useState(initial);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch(text);
  }
  return (
    <form role="search" onSubmit={submit} className="toolbar" style={{ margin: 0 }}>
      <Field label="Search products" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

function ProductGrid({ products, busy }: { products: Product[]; busy: boolean }) {
  const { add } = useCart();
  const [adding, setAdding] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function addToCart(product: Product) {
    setAdding(product.id);
    setAdded(null);
    setProblem(null);
    try {
      await add(product.id, 1);
      setAdded(`Added ${product.name} to cart`);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setAdding(null);
    }
  }

  return (
    <>
      {added ? <Notice>{added}</Notice> : null}
      <ErrorAlert problem={problem} />
      <ul className="grid" aria-busy={busy || undefined}>
        {products.map((product) => (
          <ProductCard key={product.id} product={product} adding={adding === product.id}
            onAdd={() => void addToCart(product)} />
        ))}
      </ul>
    </>
  );
}

function ProductCard({ product, adding, onAdd }: { product: Product; adding: boolean; onAdd(): void }) {
  const out = product.stock <= 0;
  return (
    <li className="card">
      {product.imageUrl ? <img src={product.imageUrl} alt={product.name} loading="lazy" /> : null}
      <h2><Link to={`/products/${product.slug}`}>{product.name}</Link></h2>
      <Price cents={product.priceCents} currency={product.currency} />
      {out ? <span className="muted">Out of stock</span>
        : product.stock <= 5 ? <span className="muted">Only {product.stock} left</span> : null}
      <button type="button" aria-label={`Add ${product.name} to cart`} disabled={out || adding} onClick={onAdd}>
        {adding ? 'Adding…' : 'Add to cart'}
      </button>
    </li>
  );
}
