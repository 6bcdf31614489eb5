import { Link, useParams } from 'react-router';
import { trackOrder } from '../../api/generated';
import { EmptyState, ErrorAlert, Loading, usePageTitle } from '../../components/ui';
import TrackedOrderView from './TrackedOrderView';
import { useLoad } from '../../lib/useLoad';

/** The tracking link from the confirmation email. */
export default function TrackPage() {
  usePageTitle('Your order');
  const { token = '' } = useParams();
  const { data: order, problem, loading } = useLoad(async () => {
    const { data } = await trackOrder({ path: { token }, throwOnError: true });
    return data;
  }, [token]);

  let body;
  if (problem?.status === 404 || problem?.code === 'invalid_token') {
    body = (
      <EmptyState title="This tracking link is invalid or has expired">
        <p><Link to="/track">Look up your order</Link> with its number and your email instead.</p>
      </EmptyState>
    );
  } else if (problem) {
    body = <ErrorAlert problem={problem} />;
  } else if (loading || !order) {
    body = <Loading label="Loading your order…" />;
  } else {
    body = <TrackedOrderView order={order} />;
  }
  return (
    <>
      <h1>Your order</h1>
      {body}
    </>
  );
}
