import { useState, type FormEvent } from 'react';
import { Link, type To } from 'react-router';
import { listCategories, listProducts, type ListProductsData, type Product } from '../../api/generated';
import { useCart } from '../../cart/CartContext';
import { CategoryNav } from '../../components/CategoryNav';
import { PlaceholderPicture } from '../../components/catalog/ProductPicture';
import { ListView } from '../../components/ListView';
import { EmptyState, ErrorAlert, Field, Notice, Price, SelectField, usePageTitle } from '../../components/ui';
import { findBySlug } from '../../lib/categories';
import { useLoad } from '../../lib/useLoad';
import { usePageParams } from '../../lib/usePageParams';
import { useSubmit } from '../../lib/useSubmit';
import { filtersOf, ProductFilters } from './ProductFilters';

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

export default function ProductListPage() {
  const { params, page, update } = usePageParams();
  const q = params.get('q')?.trim() ?? '';
  const sort = sortOf(params.get('sort'));
  const category = params.get('category')?.trim() || null;
  const filters = filtersOf(params);
  const filterKey = JSON.stringify(filters);

  const list = useLoad(async () => {
    const query: ListProductsData['query'] = {
      q: q || undefined, category: category ?? undefined, sort, page, size: PAGE_SIZE,
      minPriceCents: filters.minPriceCents ? Number(filters.minPriceCents) : undefined,
      maxPriceCents: filters.maxPriceCents ? Number(filters.maxPriceCents) : undefined,
      inStock: filters.inStock ? true : undefined,
      facets: true,
    };
    // option.<name> parameters have names of the catalog's choosing, which the spec cannot list.
    const { data } = await listProducts({ query: { ...query, ...filters.options }, throwOnError: true });
    return data;
  }, [q, category, sort, page, filterKey]);

  // Navigation is a help, not the page: without categories (none yet, or they failed to load) the list stands alone.
  const categories = useLoad(async () => (await listCategories({ throwOnError: true })).data, []);
  const tree = categories.data ?? [];
  const current = category ? findBySlug(tree, category) : null;
  const title = current?.name ?? 'Products';
  usePageTitle(title);

  /** The list in another category (null: all), keeping the search and sort, from the first page. */
  function hrefFor(slug: string | null): To {
    const next = new URLSearchParams(params);
    next.delete('page');
    if (slug) next.set('category', slug);
    else next.delete('category');
    const search = next.toString();
    return { search: search ? `?${search}` : '' };
  }

  return (
    <>
      <h1>{title}</h1>
      <CategoryNav tree={tree} current={category} hrefFor={hrefFor} />
      <div className="toolbar">
        <SearchForm key={q} initial={q} onSearch={(text) => update({ q: text })} />
        <SelectField label="Sort by" value={sort}
          onChange={(e) => update({ sort: e.target.value === 'newest' ? null : e.target.value })}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </SelectField>
      </div>

      <ProductFilters key={filterKey} facets={list.data?.facets} filters={filters} onChange={update} />

      <ListView state={list} loadingLabel="Loading products…" empty={(
        <EmptyState title="No products found">
          {q ? <p>Nothing matches “{q}”. Try another search.</p>
            : category ? <p>Nothing in this category yet.</p> : <p>Please check back soon.</p>}
        </EmptyState>
      )}>
        {(products) => <ProductGrid products={products} busy={list.loading} />}
      </ListView>
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
  const [added, setAdded] = useState<string | null>(null);
  const action = useSubmit();

  function addToCart(product: Product) {
    setAdded(null);
    void action.run(() => add(product.id, 1), {
      target: product.id,
      onSuccess: () => setAdded(`Added ${product.name} to cart`),
    });
  }

  return (
    <>
      {added ? <Notice>{added}</Notice> : null}
      <ErrorAlert problem={action.problem} message={action.message} />
      <ul className="grid" aria-busy={busy || undefined}>
        {products.map((product) => (
          <ProductCard key={product.id} product={product} adding={action.busy && action.target === product.id}
            onAdd={() => addToCart(product)} />
        ))}
      </ul>
    </>
  );
}

function ProductCard({ product, adding, onAdd }: { product: Product; adding: boolean; onAdd(): void }) {
  const out = product.stock <= 0;
  return (
    <li className="card">
      {product.imageUrl ? <img src={product.imageUrl} alt={product.name} loading="lazy" />
        : <PlaceholderPicture name={product.name} />}
      <h2><Link to={`/products/${product.slug}`}>{product.name}</Link></h2>
      <Price cents={product.priceCents} currency={product.currency} />
      {out ? <span className="muted">Out of stock</span>
        : product.stock <= 5 ? <span className="muted">Only {product.stock} left</span> : null}
      {product.options.length > 0 ? (
        <Link className="button" to={`/products/${product.slug}`} aria-label={`Choose options of ${product.name}`}>
          Choose options
        </Link>
      ) : (
        <button type="button" aria-label={`Add ${product.name} to cart`} disabled={out || adding} onClick={onAdd}>
          {adding ? 'Adding…' : 'Add to cart'}
        </button>
      )}
    </li>
  );
}
