import { Link, useSearchParams } from 'react-router';
import { listMyOrders } from '../../api/generated';
import { EmptyState, ErrorAlert, Loading, Pager, Price, StatusBadge, formatDate, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';

const PAGE_SIZE = 20;

export default function MyOrdersPage() {
  usePageTitle('My orders');
  const [params, setParams] = useSearchParams();
  const n = Number(params.get('page'));
  const page = Number.isInteger(n) && n >= 1 ? n - 1 : 0; // ?page= is 1-based, the API's 0-based

  const { data, problem, loading } = useLoad(async () => {
    const { data } = await listMyOrders({ query: { page, size: PAGE_SIZE }, throwOnError: true });
    return data;
  }, [page]);
  const orders = data?.items ?? [];

  let body;
  if (problem) {
    body = <ErrorAlert problem={problem} />;
  } else if (!data) {
    body = <Loading label="Loading your orders…" />;
  } else if (orders.length === 0 && page === 0) {
    body = (
      <EmptyState title="You have no orders yet">
        <p><Link to="/">Browse products</Link></p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="table-wrap">
        <table aria-busy={loading || undefined}>
          <caption>Your orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td><Link to={`/account/orders/${order.id}`}>{order.number}</Link></td>
                <td>{formatDate(order.createdAt)}</td>
                <td><StatusBadge status={order.status} /></td>
                <td className="num"><Price cents={order.totalCents} currency={order.currency} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <>
      <h1>My orders</h1>
      {body}
      <Pager page={page} totalPages={data?.totalPages ?? 0}
        onPage={(p) => setParams(p > 0 ? { page: String(p + 1) } : {})} />
    </>
  );
}
