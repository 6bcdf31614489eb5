import { Link, useParams } from 'react-router';
import { adminGetUser } from '../../api/generated';
import { Facts } from '../../components/Facts';
import { LoadGate } from '../../components/LoadGate';
import { Price, formatDay, usePageTitle } from '../../components/ui';
import { useStoreCurrency } from '../../cart/CartContext';
import { roleLabel } from './adminCommon';
import { useLoad } from '../../lib/useLoad';

const BACK = <p><Link to="/admin/users">Back to users</Link></p>;

export default function AdminUserPage() {
  const { id = '' } = useParams();
  const currency = useStoreCurrency();
  const user = useLoad(async () => (await adminGetUser({ path: { id }, throwOnError: true })).data, [id]);
  usePageTitle(user.data ? user.data.name : 'User');

  return (
    <LoadGate state={user} title="User" loadingLabel="Loading user…" notFound="User not found" notFoundBody={BACK}>
      {(u) => (
        <>
          {BACK}
          <h1>{u.name}</h1>
          <Facts items={[
            ['Email', u.email],
            ['Role', roleLabel(u.role)],
            ['Joined', formatDay(u.createdAt)],
            ['Orders', String(u.orderCount)],
            // AdminUser carries no currency: the store has one (API.md), USD unless configured otherwise.
            ['Total spent', <Price cents={u.totalSpentCents} currency={currency} />],
          ]} />
          <p><Link className="button" to={`/admin/orders?userId=${encodeURIComponent(u.id)}`}>View orders</Link></p>
        </>
      )}
    </LoadGate>
  );
}
