import { ChartFrame } from '../../components/learn/ChartFrame';
import { imageStorage } from '../../lib/learn/charts/imageStorage';

/** Island: disk for a fleet as VM system disks vs shared image layers (article: images and runtimes). */
export default function ImageStorageChart() {
  return <ChartFrame def={imageStorage} />;
}
