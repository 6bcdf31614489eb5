import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { adminArchiveProduct, adminListProducts, type Problem, type Product } from '../../api/generated';
import { problemOf } from '../../api/problem';
import { EmptyState, ErrorAlert, Field, Loading, Notice, Pager, Price, SelectField, usePageTitle } from '../../components/ui';
import { PAGE_SIZE, pageParam, paramsFrom } from './adminCommon';
import { useLoad } from '../../lib/useLoad';

type StatusFilter = '' | 'active' | 'archived';

function statusFilter(value: string | null): StatusFilter {
  return value === 'active' || value === 'archived' ? value : '';
}

export default function AdminProductsPage() {
  usePageTitle('Products');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = statusFilter(params.get('status'));
  const page = pageParam(params);

  const list = useLoad(async () => {
    const { data } = await adminListProducts({
      query: {
        q: q || undefined,
        active: status === 'active' ? true : status === 'archived' ? false : undefined,
        page,
        size: PAGE_SIZE,
      },
      throwOnError: true,
    });
    return data;
  }, [`${q}|${status}|${page}`]);

  const [notice, setNotice] = useState<string | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [archiving, setArchiving] = useState<string | null>(null);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setNotice(null);
    setParams(paramsFrom({ q: String(form.get('q') ?? ''), status: String(form.get('status') ?? '') }));
  }

  function goTo(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('page', String(next)); else copy.delete('page');
    setParams(copy);
  }

  async function archive(product: Product) {
    setArchiving(product.id);
    setNotice(null);
    setActionProblem(null);
    try {
      await adminArchiveProduct({ path: { id: product.id }, throwOnError: true });
      setNotice(`Archived ${product.name}`);
      list.reload();
    } catch (error) {
      setActionProblem(problemOf(error));
    } finally {
      setArchiving(null);
    }
  }

  const items = list.data?.items ?? [];

  return (
    <>
      <h1>Products</h1>
      <div className="toolbar">
        <Link className="button" to="/admin/products/new">New product</Link>
        <Link className="button secondary" to="/admin/products/import">Import CSV</Link>
      </div>
      {/* key: the inputs start again from the URL when it changes (back button, links) */}
      <form key={params.toString()} className="toolbar" role="search" aria-label="Filter products" onSubmit={apply}>
        <Field label="Search" name="q" defaultValue={q} hint="SKU or name" />
        <SelectField label="Status" name="status" defaultValue={status}>
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
        </SelectField>
        <button type="submit">Apply</button>
      </form>

      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={actionProblem} />
      <ErrorAlert problem={list.problem} />

      {list.loading && !list.data ? <Loading label="Loading products…" /> : null}
      {list.data && items.length === 0 ? <EmptyState title="No products match" /> : null}
      {items.length > 0 ? (
        <div className="table-wrap" aria-busy={list.loading || undefined}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">SKU</th>
                <th scope="col" className="num">Price</th>
                <th scope="col" className="num">Stock</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="muted">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td><Link to={`/admin/products/${p.id}`}>{p.name}</Link></td>
                  <td>{p.sku}</td>
                  <td className="num"><Price cents={p.priceCents} currency={p.currency} /></td>
                  <td className="num">{p.stock}</td>
                  <td><span className="badge">{p.active ? 'Active' : 'Archived'}</span></td>
                  <td>
                    {p.active ? (
                      <button type="button" className="secondary" aria-label={`Archive ${p.name}`}
                        disabled={archiving === p.id} onClick={() => archive(p)}>
                        Archive
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pager page={page} totalPages={list.data.totalPages ?? 0} onPage={goTo} /> : null}
    </>
  );
}
