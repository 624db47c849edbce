import { ChartFrame } from '../../components/learn/ChartFrame';
import { tcoPerInstance } from '../../lib/learn/charts/tcoCost';

/** Island: cost per instance-month by fleet size and platform (article: TCO). */
export default function TcoPerInstanceChart() {
  return <ChartFrame def={tcoPerInstance} />;
}
