import { ChartFrame } from '../../components/learn/ChartFrame';
import { vmOverhead } from '../../lib/learn/charts/vmOverhead';

/** Island: memory and disk that N VMs of one app cost beyond the app (article: vm-overhead). */
export default function VmOverheadChart() {
  return <ChartFrame def={vmOverhead} />;
}
