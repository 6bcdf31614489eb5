import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { adminListOrders } from '../../api/generated';
import { fieldErrorsOf } from '../../api/problem';
import {
  EmptyState, ErrorAlert, Field, Loading, Notice, Pager, Price, SelectField, StatusBadge, formatDate, usePageTitle,
} from '../../components/ui';
import { ORDER_STATUSES, PAGE_SIZE, isOrderStatus, orderStatusLabel, pageParam, paramsFrom } from './adminCommon';
import { useLoad } from '../../lib/useLoad';

const FILTERS = ['status', 'from', 'to', 'email', 'q', 'userId'] as const;

export default function AdminOrdersPage() {
  usePageTitle('Orders');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const email = params.get('email') ?? '';
  const q = params.get('q') ?? '';
  const userId = params.get('userId') ?? '';
  const page = pageParam(params);

  const list = useLoad(async () => {
    const { data } = await adminListOrders({
      query: {
        status: isOrderStatus(status) ? status : undefined,
        from: from || undefined,
        to: to || undefined,
        email: email || undefined,
        q: q || undefined,
        userId: userId || undefined,
        page,
        size: PAGE_SIZE,
      },
      throwOnError: true,
    });
    return data;
  }, [FILTERS.map((f) => params.get(f) ?? '').join('|') + `|${page}`]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    // userId is not a field of the form: it stays until "Show all".
    setParams(paramsFrom({
      status: value('status'), from: value('from'), to: value('to'), email: value('email'), q: value('q'), userId,
    }));
  }

  function goTo(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('page', String(next)); else copy.delete('page');
    setParams(copy);
  }

  const withoutUser = new URLSearchParams(params);
  withoutUser.delete('userId');
  withoutUser.delete('page');
  const showAll = `/admin/orders${withoutUser.toString() ? `?${withoutUser.toString()}` : ''}`;

  const fieldErrors = fieldErrorsOf(list.problem);
  const items = list.data?.items ?? [];

  return (
    <>
      <h1>Orders</h1>
      {/* key: the inputs start again from the URL when it changes (back button, links) */}
      <form key={params.toString()} className="toolbar" style={{ maxWidth: 'none' }} role="search"
        aria-label="Filter orders" onSubmit={apply}>
        <SelectField label="Status" name="status" defaultValue={isOrderStatus(status) ? status : ''}
          error={fieldErrors.status}>
          <option value="">Any status</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={s}>{orderStatusLabel(s)}</option>)}
        </SelectField>
        <Field label="From" name="from" type="date" defaultValue={from} error={fieldErrors.from} />
        <Field label="To" name="to" type="date" defaultValue={to} error={fieldErrors.to} />
        <Field label="Customer email" name="email" type="email" defaultValue={email} error={fieldErrors.email} />
        <Field label="Order number" name="q" defaultValue={q} error={fieldErrors.q} />
        <button type="submit">Apply filters</button>
      </form>

      {userId ? (
        <Notice>Showing orders of one customer. <Link to={showAll}>Show all</Link></Notice>
      ) : null}
      <ErrorAlert problem={list.problem} />

      {list.loading && !list.data ? <Loading label="Loading orders…" /> : null}
      {list.data && items.length === 0 ? <EmptyState title="No orders match" /> : null}
      {items.length > 0 ? (
        <div className="table-wrap" aria-busy={list.loading || undefined}>
          <table>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <td><Link to={`/admin/orders/${o.id}`}>{o.number}</Link></td>
                  <td>{formatDate(o.createdAt)}</td>
                  <td>{o.email}</td>
                  <td><StatusBadge status={o.status} /></td>
                  <td className="num"><Price cents={o.totalCents} currency={o.currency} /></td>
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
