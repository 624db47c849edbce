import { ChartFrame } from '../../components/learn/ChartFrame';
import { migrationPhases } from '../../lib/learn/charts/migrationPhases';

/** Island: cost per year at each phase of a VMware-to-Kubernetes migration (article: hybrid and migration). */
export default function MigrationPhasesChart() {
  return <ChartFrame def={migrationPhases} />;
}
