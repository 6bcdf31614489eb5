import { Link } from 'react-router';
import { adminListOrders, type Order } from '../../api/generated';
import { fieldErrorsOf } from '../../api/problem';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterForm, ListView } from '../../components/ListView';
import { ORDER_STATUSES, StatusBadge, isOrderStatus, orderStatusLabel } from '../../components/order/status';
import { EmptyState, Field, Notice, Price, SelectField, formatDate, usePageTitle } from '../../components/ui';
import { PAGE_SIZE } from './adminCommon';
import { useLoad } from '../../lib/useLoad';
import { usePageParams } from '../../lib/usePageParams';

const FILTERS = ['status', 'from', 'to', 'email', 'q', 'userId'] as const;

const COLUMNS: Array<Column<Order>> = [
  { header: 'Order', cell: (o) => <Link to={`/admin/orders/${o.id}`}>{o.number}</Link> },
  { header: 'Placed', cell: (o) => formatDate(o.createdAt) },
  { header: 'Customer', cell: (o) => o.email },
  { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
  { header: 'Total', num: true, cell: (o) => <Price cents={o.totalCents} currency={o.currency} /> },
];

export default function AdminOrdersPage() {
  usePageTitle('Orders');
  const { params, page } = usePageParams();
  const status = params.get('status') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const email = params.get('email') ?? '';
  const q = params.get('q') ?? '';
  const userId = params.get('userId') ?? '';

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

  const withoutUser = new URLSearchParams(params);
  withoutUser.delete('userId');
  withoutUser.delete('page');
  const showAll = `/admin/orders${withoutUser.toString() ? `?${withoutUser.toString()}` : ''}`;

  const fieldErrors = fieldErrorsOf(list.problem);

  return (
    <>
      <h1>Orders</h1>
      {/* userId is not a field of the form: it stays until "Show all" */}
      <FilterForm label="Filter orders" submitLabel="Apply filters" keep={{ userId }} style={{ maxWidth: 'none' }}>
        <SelectField label="Status" name="status" defaultValue={isOrderStatus(status) ? status : ''}
          error={fieldErrors.status}>
          <option value="">Any status</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={s}>{orderStatusLabel(s)}</option>)}
        </SelectField>
        <Field label="From" name="from" type="date" defaultValue={from} error={fieldErrors.from} />
        <Field label="To" name="to" type="date" defaultValue={to} error={fieldErrors.to} />
        <Field label="Customer email" name="email" type="email" defaultValue={email} error={fieldErrors.email} />
        <Field label="Order number" name="q" defaultValue={q} error={fieldErrors.q} />
      </FilterForm>

      {userId ? (
        <Notice>Showing orders of one customer. <Link to={showAll}>Show all</Link></Notice>
      ) : null}
      <ListView state={list} loadingLabel="Loading orders…" empty={<EmptyState title="No orders match" />}>
        {(orders) => <DataTable columns={COLUMNS} rows={orders} rowKey={(o) => o.id} busy={list.loading} />}
      </ListView>
    </>
  );
}
