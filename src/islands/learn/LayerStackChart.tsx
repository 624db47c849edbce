import { ChartFrame } from '../../components/learn/ChartFrame';
import { layerStack } from '../../lib/learn/charts/layerStack';

/** Island: host memory per instance by layer (article: layers of abstraction). */
export default function LayerStackChart() {
  return <ChartFrame def={layerStack} />;
}
