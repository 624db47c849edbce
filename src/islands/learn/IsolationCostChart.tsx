import { ChartFrame } from '../../components/learn/ChartFrame';
import { isolationCost } from '../../lib/learn/charts/isolationCost';

/** Island: a year of one fleet's cost at each level of isolation (article: security and isolation). */
export default function IsolationCostChart() {
  return <ChartFrame def={isolationCost} />;
}
