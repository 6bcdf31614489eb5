import { Link, useParams } from 'react-router';
import { adminGetUser } from '../../api/generated';
import { EmptyState, ErrorAlert, Loading, Price, usePageTitle } from '../../components/ui';
import { useStoreCurrency } from '../../cart/CartContext';
import { DetailList, formatDay, roleLabel } from './adminCommon';
import { useLoad } from '../../lib/useLoad';

export default function AdminUserPage() {
  const { id = '' } = useParams();
  const currency = useStoreCurrency();
  const user = useLoad(async () => (await adminGetUser({ path: { id }, throwOnError: true })).data, [id]);
  usePageTitle(user.data ? user.data.name : 'User');

  if (!user.data) {
    return (
      <>
        <h1>User</h1>
        {user.loading ? <Loading label="Loading user…" /> : null}
        {!user.loading && user.problem?.status === 404 ? (
          <EmptyState title="User not found">
            <p><Link to="/admin/users">Back to users</Link></p>
          </EmptyState>
        ) : null}
        {!user.loading && user.problem && user.problem.status !== 404 ? (
          <>
            <ErrorAlert problem={user.problem} />
            <button type="button" onClick={user.reload}>Try again</button>
          </>
        ) : null}
      </>
    );
  }

  const u = user.data;
  return (
    <>
      <p><Link to="/admin/users">Back to users</Link></p>
      <h1>{u.name}</h1>
      <DetailList items={[
        ['Email', u.email],
        ['Role', roleLabel(u.role)],
        ['Joined', formatDay(u.createdAt)],
        ['Orders', String(u.orderCount)],
        // AdminUser carries no currency: the store has one (API.md), USD unless configured otherwise.
        ['Total spent', <Price cents={u.totalSpentCents} currency={currency} />],
      ]} />
      <p><Link className="button" to={`/admin/orders?userId=${encodeURIComponent(u.id)}`}>View orders</Link></p>
    </>
  );
}
