/**
 * Runs the importers off the main thread: reading a workbook of thousands of VMs or a kubectl list
 * of thousands of pods takes from a few hundred milliseconds to over a second, and the page stays
 * responsive meanwhile (the dialog can be cancelled). The same `runImport` the page would run; the
 * answer carries the request's id so that a late answer to an older request is dropped.
 */
import { runImport, type ImportChoices, type ImportOutcome, type ImportPlan } from '../../lib/inventory';
import type { Draft } from '../../lib/calculatorModel';

export interface ImportRequest {
  id: number;
  plan: ImportPlan;
  choices: ImportChoices;
  draft: Draft;
}

export interface ImportAnswer {
  id: number;
  outcome: ImportOutcome;
}

const scope = self as unknown as { onmessage: ((ev: MessageEvent<ImportRequest>) => void) | null; postMessage: (m: ImportAnswer) => void };

scope.onmessage = (ev) => {
  const { id, plan, choices, draft } = ev.data;
  void runImport(plan, choices, draft).then(
    (outcome) => scope.postMessage({ id, outcome }),
    (err: unknown) => scope.postMessage({ id, outcome: { ok: false, message: 'The import failed.', details: [err instanceof Error ? err.message : String(err)] } }),
  );
};
