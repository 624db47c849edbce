import { ChartFrame } from '../../components/learn/ChartFrame';
import { podShare } from '../../lib/learn/charts/podShare';

/** Island: one pod's share of its node's overhead by pods per node (article: containers). */
export default function PodShareChart() {
  return <ChartFrame def={podShare} />;
}
