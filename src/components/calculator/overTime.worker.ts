/**
 * The "Costs over time" worker: runs the package's `project` (5-40 ms, more on a slow phone) off
 * the page's main thread and sends back plain tables, chart data and sentences (lib/overTime.ts).
 * Requests that arrive while one is running are coalesced: only the newest is computed.
 */
import { computeOverTime, type OverTimeRequest, type OverTimeResponse } from '../../lib/overTime';

const scope = self as unknown as { postMessage(m: OverTimeResponse): void; addEventListener(type: 'message', f: (ev: MessageEvent<OverTimeRequest>) => void): void };

let next: OverTimeRequest | null = null;
let scheduled = false;

function run() {
  scheduled = false;
  const req = next;
  next = null;
  if (!req) return;
  try {
    scope.postMessage({ ...computeOverTime(req.scenario, req.today), id: req.id });
  } catch (e) {
    scope.postMessage({ ok: false, issues: [{ path: '', message: e instanceof Error ? e.message : String(e) }], ms: 0, id: req.id });
  }
}

scope.addEventListener('message', (ev) => {
  next = ev.data;
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
});
