import { ChartFrame } from '../../components/learn/ChartFrame';
import { hypervisorOverhead } from '../../lib/learn/charts/hypervisorOverhead';

/** Island: per-VM hypervisor overhead memory by configured VM memory (article: hypervisors). */
export default function HypervisorOverheadChart() {
  return <ChartFrame def={hypervisorOverhead} />;
}
