import { useState } from 'react';
import { Link } from 'react-router';
import { adminArchiveProduct, adminListProducts, listCategories, type Product } from '../../api/generated';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterForm, ListView } from '../../components/ListView';
import { EmptyState, ErrorAlert, Field, Notice, Price, SelectField, usePageTitle } from '../../components/ui';
import { PAGE_SIZE } from './adminCommon';
import { flatten, indented } from '../../lib/categories';
import { useLoad } from '../../lib/useLoad';
import { usePageParams } from '../../lib/usePageParams';
import { useSubmit } from '../../lib/useSubmit';
import { OPTION_PREFIX } from '../shop/ProductFilters';

type StatusFilter = '' | 'active' | 'archived';

function statusFilter(value: string | null): StatusFilter {
  return value === 'active' || value === 'archived' ? value : '';
}

/** The URL's option filters, as the API takes them: `option.<name>` -> value (e.g. `option.Size` -> `M`). */
function optionFiltersOf(params: URLSearchParams): Record<string, string> {
  const options: Record<string, string> = {};
  params.forEach((value, key) => {
    const name = key.slice(OPTION_PREFIX.length).trim();
    if (key.startsWith(OPTION_PREFIX) && name && value.trim()) options[OPTION_PREFIX + name] = value.trim();
  });
  return options;
}

export default function AdminProductsPage() {
  usePageTitle('Products');
  const { params, page, update } = usePageParams();
  const q = params.get('q') ?? '';
  const status = statusFilter(params.get('status'));
  const category = params.get('category') ?? '';
  const options = optionFiltersOf(params);
  const optionKey = JSON.stringify(options);

  const list = useLoad(async () => {
    const { data } = await adminListProducts({
      query: {
        q: q || undefined,
        active: status === 'active' ? true : status === 'archived' ? false : undefined,
        category: category || undefined,
        page,
        size: PAGE_SIZE,
        // option.<name> parameters have names of the catalog's choosing, which the spec cannot list.
        ...options,
      },
      throwOnError: true,
    });
    return data;
  }, [`${q}|${status}|${category}|${page}|${optionKey}`]);
  const categories = useLoad(async () => (await listCategories({ throwOnError: true })).data, []);
  const tree = categories.data ?? [];

  const [notice, setNotice] = useState<string | null>(null);
  const action = useSubmit();

  function archive(product: Product) {
    setNotice(null);
    void action.run(() => adminArchiveProduct({ path: { id: product.id }, throwOnError: true }), {
      target: product.id,
      onSuccess: () => {
        setNotice(`Archived ${product.name}`);
        list.reload();
      },
    });
  }

  const columns: Array<Column<Product>> = [
    { header: 'Name', cell: (p) => <Link to={`/admin/products/${p.id}`}>{p.name}</Link> },
    { header: 'SKU', cell: (p) => p.sku },
    { header: 'Price', num: true, cell: (p) => <Price cents={p.priceCents} currency={p.currency} /> },
    { header: 'Stock', num: true, cell: (p) => p.stock },
    { header: 'Status', cell: (p) => <span className="badge">{p.active ? 'Active' : 'Archived'}</span> },
    {
      header: <span className="muted">Actions</span>,
      cell: (p) => (p.active ? (
        <button type="button" className="secondary" aria-label={`Archive ${p.name}`}
          disabled={action.busy && action.target === p.id} onClick={() => archive(p)}>
          Archive
        </button>
      ) : null),
    },
  ];

  return (
    <>
      <h1>Products</h1>
      <div className="toolbar">
        <Link className="button" to="/admin/products/new">New product</Link>
        <Link className="button secondary" to="/admin/products/import">Import CSV</Link>
      </div>
      <FilterForm label="Filter products" submitLabel="Apply" onApply={() => setNotice(null)}>
        <Field label="Search" name="q" defaultValue={q} hint="SKU or name" />
        <SelectField label="Status" name="status" defaultValue={status}>
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
        </SelectField>
        {tree.length ? (
          <SelectField label="Category" name="category" defaultValue={category} hint="With its sub-categories">
            <option value="">All</option>
            {flatten(tree).map((c) => <option key={c.node.id} value={c.node.slug}>{indented(c)}</option>)}
          </SelectField>
        ) : null}
        <OptionFilter options={options} onRemove={(key) => update({ [key]: null })} />
      </FilterForm>

      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={action.problem} message={action.message} />
      <ListView state={list} loadingLabel="Loading products…" empty={<EmptyState title="No products match" />}>
        {(products) => <DataTable columns={columns} rows={products} rowKey={(p) => p.id} busy={list.loading} />}
      </ListView>
    </>
  );
}

/**
 * The option filter inside the filter form: the option filters in force (kept on apply, each removable at once),
 * and an option name with a value to add one (the same name again replaces its value). The value's input is named
 * `option.<name>`, so the form puts it in the URL as the API takes it.
 */
function OptionFilter({ options, onRemove }: { options: Record<string, string>; onRemove(key: string): void }) {
  const [name, setName] = useState('');
  const key = name.trim() ? OPTION_PREFIX + name.trim() : undefined;
  return (
    <>
      {Object.entries(options).map(([k, value]) => (
        <span key={k}>
          <input type="hidden" name={k} value={value} />
          <button type="button" className="secondary" aria-label={`Remove ${k.slice(OPTION_PREFIX.length)}: ${value}`}
            onClick={() => onRemove(k)}>
            {k.slice(OPTION_PREFIX.length)}: {value} ×
          </button>
        </span>
      ))}
      <Field label="Option" value={name} onChange={(e) => setName(e.target.value)} placeholder="Size"
        hint="An option's name, as the product spells it" />
      <Field label="Value" name={key} placeholder="M" hint="Products with an active variant of this value" />
    </>
  );
}
