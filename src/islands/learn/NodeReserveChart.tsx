import { ChartFrame } from '../../components/learn/ChartFrame';
import { nodeReserve } from '../../lib/learn/charts/nodeReserve';

/** Island: share of a node held back by each provider's reservation, by node size (article: node reservations). */
export default function NodeReserveChart() {
  return <ChartFrame def={nodeReserve} />;
}
