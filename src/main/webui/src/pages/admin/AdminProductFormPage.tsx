import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  adminArchiveProduct, adminCreateProduct, adminGetProduct, adminUpdateProduct, listCategories,
  type Problem, type Product, type ProductCreate, type ProductPatch,
} from '../../api/generated';
import { problemOf } from '../../api/problem';
import { serverFieldErrors } from './adminCommon';
import { CategoryPicker } from '../../components/CategoryPicker';
import { LoadGate } from '../../components/LoadGate';
import { Checkbox, ErrorAlert, Field, Notice, SubmitButton, TextAreaField, formatDate, usePageTitle } from '../../components/ui';
import { parseMoney, toMajorString } from '../../lib/money';
import { useLoad } from '../../lib/useLoad';
import { useSubmit, type Submit } from '../../lib/useSubmit';
import { useStoreCurrency } from '../../cart/CartContext';
import { ProductImagesEditor, ProductVariantsEditor } from './ProductVariantsEditor';

type Values = {
  name: string;
  sku: string;
  slug: string;
  description: string;
  price: string;
  stock: string;
  imageUrl: string;
  active: boolean;
  categoryIds: string[];
};

type FieldName = keyof Values;
type Errors = Partial<Record<FieldName, string>>;

const EMPTY: Values = { name: '', sku: '', slug: '', description: '', price: '', stock: '0', imageUrl: '', active: true, categoryIds: [] };

/** The form's field for each field name the server reports. */
const SERVER_FIELDS: Record<string, FieldName> = {
  name: 'name', sku: 'sku', slug: 'slug', description: 'description', priceCents: 'price', stock: 'stock',
  imageUrl: 'imageUrl', active: 'active', categoryIds: 'categoryIds',
};

function valuesOf(p: Product): Values {
  return {
    name: p.name,
    sku: p.sku,
    slug: p.slug,
    description: p.description ?? '',
    price: toMajorString(p.priceCents, p.currency),
    stock: String(p.stock),
    imageUrl: p.imageUrl ?? '',
    active: p.active,
    categoryIds: p.categories.map((c) => c.id),
  };
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function validate(v: Values, currency: string): Errors {
  const errors: Errors = {};
  if (!v.name.trim()) errors.name = 'Enter a name';
  if (!v.sku.trim()) errors.sku = 'Enter a SKU';
  if (parseMoney(v.price, currency) === null) errors.price = 'Enter a price like 12.34';
  if (!/^\d+$/.test(v.stock.trim()) || !Number.isSafeInteger(Number(v.stock.trim()))) {
    errors.stock = 'Enter a whole number, 0 or more';
  }
  return errors;
}

/** Field errors from a failed save, keyed by the form's field names. */
function serverErrors(form: Submit): Errors {
  return serverFieldErrors(form, SERVER_FIELDS, { sku_taken: 'sku', slug_taken: 'slug' });
}

const BACK = <p><Link to="/admin/products">Back to products</Link></p>;

export default function AdminProductFormPage() {
  const { id } = useParams();
  // A new instance per product, so nothing carries over from /new to the created product's page.
  return <ProductForm key={id ?? 'new'} id={id} />;
}

function ProductForm({ id }: { id?: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);

  const [product, setProduct] = useState<Product | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(!!id);
  const [values, setValues] = useState<Values>(EMPTY);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const form = useSubmit();
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as { notice?: string } | null)?.notice ?? null);
  const [attempt, setAttempt] = useState(0);

  usePageTitle(id ? (product ? `Edit ${product.name}` : 'Edit product') : 'New product');

  // The "Product created" notice came in the router state: drop it from history so a reload does not repeat it.
  useEffect(() => {
    if ((location.state as { notice?: string } | null)?.notice) {
      navigate(location.pathname + location.search, { replace: true, state: null });
    }
  }, []); // once, on arrival

  const latest = useRef(0);
  const load = useCallback(async () => {
    if (!id) return;
    const request = ++latest.current;
    setLoading(true);
    try {
      const { data } = await adminGetProduct({ path: { id }, throwOnError: true });
      if (request !== latest.current) return;
      setProduct(data);
      setValues(valuesOf(data));
      setLoadProblem(null);
      form.reset();
      setClientErrors({});
    } catch (error) {
      if (request === latest.current) setLoadProblem(problemOf(error));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [id, form.reset]);

  useEffect(() => {
    void load();
    return () => { latest.current++; };
  }, [load]);

  // After a refused submit, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const categoryTree = useLoad(async () => (await listCategories({ throwOnError: true })).data, []);
  const storeCurrency = useStoreCurrency();
  const currency = product?.currency ?? storeCurrency;
  const errors: Errors = { ...serverErrors(form), ...clientErrors };

  function set<K extends keyof Values>(name: K, value: Values[K]) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    form.reset();
    const found = validate(values, currency);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const name = values.name.trim();
    const sku = values.sku.trim();
    const slug = values.slug.trim();
    const imageUrl = values.imageUrl.trim();
    const priceCents = parseMoney(values.price, currency)!;
    const stock = Number(values.stock.trim());

    void form.run(async () => {
      if (!product) {
        const body: ProductCreate = { name, sku, priceCents, stock, active: values.active };
        if (slug) body.slug = slug;
        if (values.description.trim()) body.description = values.description;
        if (imageUrl) body.imageUrl = imageUrl;
        if (values.categoryIds.length) body.categoryIds = values.categoryIds;
        const { data } = await adminCreateProduct({ body, throwOnError: true });
        navigate(`/admin/products/${data.id}`, { state: { notice: 'Product created' } });
        return;
      }
      const patch: ProductPatch = {};
      if (name !== product.name) patch.name = name;
      if (sku !== product.sku) patch.sku = sku;
      // An emptied slug keeps the current one: a product always has a slug.
      if (slug && slug !== product.slug) patch.slug = slug;
      if (values.description !== (product.description ?? '')) patch.description = values.description;
      if (priceCents !== product.priceCents) patch.priceCents = priceCents;
      if (stock !== product.stock) patch.stock = stock;
      if (imageUrl !== (product.imageUrl ?? '')) patch.imageUrl = imageUrl;
      if (values.active !== product.active) patch.active = values.active;
      if (!sameIds(values.categoryIds, product.categories.map((c) => c.id))) patch.categoryIds = values.categoryIds;
      if (Object.keys(patch).length === 0) {
        setNotice('Nothing to save: no field was changed.');
        return;
      }
      const { data } = await adminUpdateProduct({
        path: { id: product.id },
        body: { ...patch, version: product.version },
        throwOnError: true,
      });
      setProduct(data);
      setValues(valuesOf(data));
      setNotice('Changes saved');
    }, { onProblem: () => { setAttempt((n) => n + 1); } });
  }

  function archive() {
    if (!product) return;
    setNotice(null);
    void form.run(async () => {
      await adminArchiveProduct({ path: { id: product.id }, throwOnError: true });
      const { data } = await adminGetProduct({ path: { id: product.id }, throwOnError: true });
      setProduct(data);
      // Keep whatever else is being edited; only the saved state (and its version) moved on.
      setValues((v) => ({ ...v, active: data.active }));
      setNotice(`Archived ${data.name}`);
    });
  }

  async function reload() {
    await load();
    setNotice('Loaded the latest version. Make your changes again if they are still needed.');
  }

  const hasClientErrors = Object.keys(clientErrors).length > 0;
  // A product with options (or several variants) has no one price or stock: its variants have them.
  const perVariant = !!product && (product.options.length > 0 || product.variants.filter((v) => v.active).length > 1);

  function saved(data: Product) {
    setProduct(data);
    setValues(valuesOf(data));
  }

  const page = () => (
    <>
      {BACK}
      <h1>{product ? `Edit ${product.name}` : 'New product'}</h1>
      {product ? (
        <div className="toolbar">
          {product.active ? <Link className="button secondary" to={`/products/${product.slug}`}>View in shop</Link> : null}
          {product.active ? (
            <button type="button" className="secondary" onClick={archive} disabled={form.busy}>Archive</button>
          ) : <span className="badge">Archived</span>}
          <span className="muted">Last changed {formatDate(product.updatedAt)}</span>
        </div>
      ) : null}

      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={loadProblem} />
      {hasClientErrors ? <ErrorAlert message="Please correct the highlighted fields." />
        : <ErrorAlert problem={form.problem} message={form.message} />}
      {form.problem?.code === 'version_conflict' ? (
        <p><button type="button" onClick={() => void reload()} disabled={loading}>Reload</button></p>
      ) : null}

      <form ref={formRef} onSubmit={submit} noValidate aria-label={product ? 'Edit product' : 'New product'}>
        <Field label="Name" name="name" required value={values.name} error={errors.name}
          onChange={(e) => set('name', e.target.value)} />
        <div className="form-row">
          <Field label="SKU" name="sku" required value={values.sku} error={errors.sku} autoComplete="off"
            onChange={(e) => set('sku', e.target.value)} />
          <Field label="Slug (optional)" name="slug" value={values.slug} error={errors.slug}
            hint="Derived from the name when empty" autoComplete="off"
            onChange={(e) => set('slug', e.target.value)} />
        </div>
        <TextAreaField label="Description" name="description" value={values.description} error={errors.description}
          onChange={(e) => set('description', e.target.value)} />
        {perVariant ? <p className="muted">Price and stock are set per variant, below.</p> : <div className="form-row">
          <Field label="Price" name="price" type="text" inputMode="decimal" required value={values.price}
            error={errors.price} hint={`In ${currency}, e.g. 12.34`} autoComplete="off"
            onChange={(e) => set('price', e.target.value)} />
          <Field label="Stock" name="stock" type="number" min={0} step={1} required value={values.stock}
            error={errors.stock} onChange={(e) => set('stock', e.target.value)} />
        </div>}
        <Field label="Image URL (optional)" name="imageUrl" type="url" value={values.imageUrl} error={errors.imageUrl}
          onChange={(e) => set('imageUrl', e.target.value)} />
        <CategoryPicker tree={categoryTree.data ?? []} selected={values.categoryIds} error={errors.categoryIds}
          onChange={(ids) => set('categoryIds', ids)} />
        <Checkbox label="Active" name="active" checked={values.active} error={errors.active}
          hint="Active products are listed in the shop" onChange={(e) => set('active', e.target.checked)} />
        <SubmitButton busy={form.busy}>{product ? 'Save changes' : 'Create product'}</SubmitButton>
      </form>
      {product ? (
        <>
          <ProductVariantsEditor product={product} onSaved={saved} />
          <ProductImagesEditor product={product} onSaved={saved} />
        </>
      ) : null}
    </>
  );

  if (!id) return page();
  return (
    <LoadGate state={{ data: product, problem: loadProblem, loading, reload: load }} title="Edit product"
      loadingLabel="Loading product…" notFound="Product not found" notFoundBody={BACK}>
      {page}
    </LoadGate>
  );
}
