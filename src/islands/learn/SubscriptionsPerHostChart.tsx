import { ChartFrame } from '../../components/learn/ChartFrame';
import { subscriptionsPerHost } from '../../lib/learn/charts/subscriptionsPerHost';

/** Island: yearly subscriptions for one host, product by product (article: licensing beyond Windows). */
export default function SubscriptionsPerHostChart() {
  return <ChartFrame def={subscriptionsPerHost} />;
}
