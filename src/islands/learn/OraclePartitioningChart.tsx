import { ChartFrame } from '../../components/learn/ChartFrame';
import { oraclePartitioning } from '../../lib/learn/charts/oraclePartitioning';

/** Island: one Oracle Database VM licensed across a cluster (article: licensing beyond Windows). */
export default function OraclePartitioningChart() {
  return <ChartFrame def={oraclePartitioning} />;
}
