/**
 * The uncertainty worker: runs the package's Monte Carlo (`startMonteCarlo`) off the page's main
 * thread, a slice of about 40 ms at a time. Between slices it reports progress and reads its
 * messages, so a newer scenario (or a cancel) stops a stale run at once; the page only posts the
 * scenario and draws what comes back. Results cross as plain data (exact decimal strings).
 */
import { isKernelcountError, startMonteCarlo, type MonteCarloRun } from 'kernelcount';
import { errorMessage, summarize, type UncertaintyRequest, type UncertaintyResponse } from '../../lib/uncertaintyView';

/** Longest a slice of samples runs before the worker reports and looks at its messages. */
const SLICE_MS = 40;
/** Samples between two looks at the clock. */
const STEP = 25;

const scope = self as unknown as { postMessage(m: UncertaintyResponse): void; addEventListener(type: 'message', f: (ev: MessageEvent<UncertaintyRequest>) => void): void };
const post = (m: UncertaintyResponse) => scope.postMessage(m);

/** Id of the run allowed to continue (0: none). */
let active = 0;

function fail(id: number, e: unknown) {
  if (isKernelcountError(e)) post({ type: 'error', id, ...errorMessage(e.issues) });
  else post({ type: 'error', id, message: e instanceof Error ? e.message : String(e), inputs: [] });
}

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(req: Extract<UncertaintyRequest, { type: 'run' }>) {
  const start = performance.now();
  let r: MonteCarloRun;
  try {
    r = startMonteCarlo(req.scenario, { samples: req.samples, seed: req.seed, today: req.today });
  } catch (e) {
    if (active === req.id) fail(req.id, e);
    return;
  }
  post({ type: 'progress', id: req.id, done: 0, total: r.total });
  try {
    while (r.done < r.total) {
      const t0 = performance.now();
      do r.step(STEP);
      while (r.done < r.total && performance.now() - t0 < SLICE_MS);
      post({ type: 'progress', id: req.id, done: r.done, total: r.total });
      await yieldToMessages();
      if (active !== req.id) return; // a newer scenario or a cancel replaced this run
    }
    post({ type: 'result', id: req.id, summary: summarize(r.result()), ms: performance.now() - start });
  } catch (e) {
    if (active === req.id) fail(req.id, e);
  } finally {
    if (active === req.id) active = 0;
  }
}

scope.addEventListener('message', (ev) => {
  const req = ev.data;
  if (req.type === 'cancel') {
    if (active === req.id) active = 0;
    return;
  }
  active = req.id;
  void run(req);
});
