import { ChartFrame } from '../../components/learn/ChartFrame';
import { tcoBreakdown } from '../../lib/learn/charts/tcoCost';

/** Island: a year's cost by category per platform for a calculator preset (article: TCO). */
export default function TcoBreakdownChart() {
  return <ChartFrame def={tcoBreakdown} />;
}
