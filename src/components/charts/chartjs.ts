// Chart.js, tree-shaken to what the calculator draws, in its own chunk: the page loads it after
// the results are on screen, so it does not count against the up-front JavaScript.
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);

export { Chart };
