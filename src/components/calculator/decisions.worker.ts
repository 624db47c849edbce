/**
 * The Decisions panel's worker: runs the package's break-even and sensitivity off the page's main
 * thread, so typing never waits for them, and sends back plain results (sentences, chart data,
 * tables) shaped by src/lib/decisions.ts. A sensitivity run goes through the inputs in batches; between
 * batches it reports progress and reads its messages, so a newer request (the scenario changed)
 * stops a stale run at once.
 */
import { breakEven, isKernelcountError, licenceBreakEvens, listInputs, sensitivity, type SensitivityResult } from 'kernelcount';
import {
  batches,
  breakEvenView,
  defaultInput,
  inputOptions,
  licenceSentences,
  mergeSensitivity,
  sensitivityView,
  type DecisionsRequest,
  type DecisionsResponse,
} from '../../lib/decisions';

/** Inputs per sensitivity batch: about 17 evaluations, a few tens of milliseconds. */
const BATCH = 8;

const scope = self as unknown as { postMessage(m: DecisionsResponse): void; addEventListener(type: 'message', f: (ev: MessageEvent<DecisionsRequest>) => void): void };
const post = (m: DecisionsResponse) => scope.postMessage(m);

/** Id of the sensitivity run allowed to continue (0: none). */
let active = 0;

function message(e: unknown): string {
  if (isKernelcountError(e)) return e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return e instanceof Error ? e.message : String(e);
}

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function runBreakEven(req: Extract<DecisionsRequest, { type: 'break-even' }>) {
  const start = performance.now();
  const options = { today: req.today };
  let inputs;
  try {
    inputs = listInputs(req.scenario, options);
  } catch (e) {
    post({ type: 'error', id: req.id, kind: 'break-even', message: message(e) });
    return;
  }
  let licences: string[] = [];
  try {
    licences = licenceSentences(licenceBreakEvens(req.scenario, options));
  } catch {
    licences = []; // the break-even below reports what is wrong with the scenario
  }
  const options2 = inputOptions(inputs, req.currency);
  const path = req.input && inputs.some((i) => i.path === req.input) ? req.input : defaultInput(inputs);
  if (!path) {
    post({ type: 'break-even', id: req.id, inputs: options2, input: null, view: null, error: 'This scenario has no numeric input to vary.', licences, ms: performance.now() - start });
    return;
  }
  const input = inputs.find((i) => i.path === path)!;
  try {
    const r = breakEven(req.scenario, { ...options, input: path, between: req.between, ...(req.range ? { range: req.range } : {}) });
    post({ type: 'break-even', id: req.id, inputs: options2, input: path, view: breakEvenView(r, input), error: null, licences, ms: performance.now() - start });
  } catch (e) {
    post({ type: 'break-even', id: req.id, inputs: options2, input: path, view: null, error: message(e), licences, ms: performance.now() - start });
  }
}

async function runSensitivity(req: Extract<DecisionsRequest, { type: 'sensitivity' }>) {
  const start = performance.now();
  const options = { today: req.today };
  try {
    const paths = listInputs(req.scenario, options).map((i) => i.path);
    const parts: SensitivityResult[] = [];
    const groups = batches(paths, BATCH);
    let done = 0;
    post({ type: 'progress', id: req.id, done, total: paths.length });
    for (const group of groups) {
      await yieldToMessages();
      if (active !== req.id) return; // a newer request or a cancel replaced this run
      parts.push(sensitivity(req.scenario, { ...options, between: req.between, range: req.share, inputs: group }));
      done += group.length;
      post({ type: 'progress', id: req.id, done, total: paths.length });
    }
    if (active !== req.id) return;
    const merged = paths.length ? mergeSensitivity(parts) : sensitivity(req.scenario, { ...options, between: req.between, range: req.share, inputs: [] });
    post({ type: 'sensitivity', id: req.id, view: sensitivityView(merged), ms: performance.now() - start });
  } catch (e) {
    if (active === req.id) post({ type: 'error', id: req.id, kind: 'sensitivity', message: message(e) });
  } finally {
    if (active === req.id) active = 0;
  }
}

scope.addEventListener('message', (ev) => {
  const req = ev.data;
  if (req.type === 'cancel') {
    if (active === req.id) active = 0;
  } else if (req.type === 'sensitivity') {
    active = req.id;
    void runSensitivity(req);
  } else runBreakEven(req);
});
