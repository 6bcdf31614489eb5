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

type StatusFilter = '' | 'active' | 'archived';

function statusFilter(value: string | null): StatusFilter {
  return value === 'active' || value === 'archived' ? value : '';
}

export default function AdminProductsPage() {
  usePageTitle('Products');
  const { params, page } = usePageParams();
  const q = params.get('q') ?? '';
  const status = statusFilter(params.get('status'));
  const category = params.get('category') ?? '';

  const list = useLoad(async () => {
    const { data } = await adminListProducts({
      query: {
        q: q || undefined,
        active: status === 'active' ? true : status === 'archived' ? false : undefined,
        category: category || undefined,
        page,
        size: PAGE_SIZE,
      },
      throwOnError: true,
    });
    return data;
  }, [`${q}|${status}|${category}|${page}`]);
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
      </FilterForm>

      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={action.problem} message={action.message} />
      <ListView state={list} loadingLabel="Loading products…" empty={<EmptyState title="No products match" />}>
        {(products) => <DataTable columns={columns} rows={products} rowKey={(p) => p.id} busy={list.loading} />}
      </ListView>
    </>
  );
}
