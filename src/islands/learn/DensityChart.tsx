import { ChartFrame } from '../../components/learn/ChartFrame';
import { density } from '../../lib/learn/charts/density';

/** Island: instances per host by instance size, with the binding resource (article: density). */
export default function DensityChart() {
  return <ChartFrame def={density} />;
}
