import { ChartFrame } from '../../components/learn/ChartFrame';
import { fleetPayoff } from '../../lib/learn/charts/fleetPayoff';

/** Island: cost per instance-month on each platform as the fleet grows (article: FAQ). */
export default function FleetPayoffChart() {
  return <ChartFrame def={fleetPayoff} />;
}
