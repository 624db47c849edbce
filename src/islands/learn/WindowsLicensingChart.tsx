import { ChartFrame } from '../../components/learn/ChartFrame';
import { windowsLicensing } from '../../lib/learn/charts/windowsLicensing';

/** Island: Windows Server licence cost for one host by number of VMs (article: Windows licensing). */
export default function WindowsLicensingChart() {
  return <ChartFrame def={windowsLicensing} />;
}
