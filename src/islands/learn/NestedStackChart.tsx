import { ChartFrame } from '../../components/learn/ChartFrame';
import { nestedStack } from '../../lib/learn/charts/nestedStack';

/** Island: memory of an average host by layer, containers in VMs against VMs and bare metal (article: hybrid and migration). */
export default function NestedStackChart() {
  return <ChartFrame def={nestedStack} />;
}
