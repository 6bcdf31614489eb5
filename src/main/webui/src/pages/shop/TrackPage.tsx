import { Link, useParams } from 'react-router';
import { trackOrder, type Problem } from '../../api/generated';
import { LoadGate } from '../../components/LoadGate';
import { usePageTitle } from '../../components/ui';
import TrackedOrderView from './TrackedOrderView';
import { useLoad } from '../../lib/useLoad';

const expired = (problem: Problem) => problem.status === 404 || problem.code === 'invalid_token';

/** The tracking link from the confirmation email. */
export default function TrackPage() {
  usePageTitle('Your order');
  const { token = '' } = useParams();
  const loaded = useLoad(async () => (await trackOrder({ path: { token }, throwOnError: true })).data, [token]);
  return (
    <>
      <h1>Your order</h1>
      <LoadGate state={loaded} loadingLabel="Loading your order…" isNotFound={expired}
        notFound="This tracking link is invalid or has expired"
        notFoundBody={<p><Link to="/track">Look up your order</Link> with its number and your email instead.</p>}>
        {(order) => <TrackedOrderView order={order} />}
      </LoadGate>
    </>
  );
}
