import { ChartFrame } from '../../components/learn/ChartFrame';
import { opsLabour } from '../../lib/learn/charts/opsLabour';

/** Island: operations labour per year by fleet size and platform (article: operations). */
export default function OpsLabourChart() {
  return <ChartFrame def={opsLabour} />;
}
