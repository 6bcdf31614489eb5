import { Link } from 'react-router';
import { listMyOrders, type Order } from '../../api/generated';
import { DataTable, type Column } from '../../components/DataTable';
import { ListView } from '../../components/ListView';
import { StatusBadge } from '../../components/order/status';
import { EmptyState, Price, formatDate, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';
import { usePageParams } from '../../lib/usePageParams';

const PAGE_SIZE = 20;

const COLUMNS: Array<Column<Order>> = [
  { header: 'Order', cell: (o) => <Link to={`/account/orders/${o.id}`}>{o.number}</Link> },
  { header: 'Placed', cell: (o) => formatDate(o.createdAt) },
  { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
  { header: 'Total', num: true, cell: (o) => <Price cents={o.totalCents} currency={o.currency} /> },
];

export default function MyOrdersPage() {
  usePageTitle('My orders');
  const { page } = usePageParams();
  const list = useLoad(async () => {
    const { data } = await listMyOrders({ query: { page, size: PAGE_SIZE }, throwOnError: true });
    return data;
  }, [page]);

  // a page past the end (an old link) shows an empty table and the pager, not "no orders yet"
  const empty = page === 0 ? (
    <EmptyState title="You have no orders yet">
      <p><Link to="/">Browse products</Link></p>
    </EmptyState>
  ) : undefined;
  return (
    <>
      <h1>My orders</h1>
      <ListView state={list} loadingLabel="Loading your orders…" empty={empty}>
        {(orders) => (
          <DataTable caption="Your orders, newest first" columns={COLUMNS} rows={orders} rowKey={(o) => o.id}
            busy={list.loading} />
        )}
      </ListView>
    </>
  );
}
