import { ChartFrame } from '../../components/learn/ChartFrame';
import { warmSpare } from '../../lib/learn/charts/warmSpare';

/** Island: warm spare instances a traffic spike needs, by platform start time (article: startup and scaling). */
export default function WarmSpareChart() {
  return <ChartFrame def={warmSpare} />;
}
