/**
 * The import dialog: an RVTools or kubectl inventory read by the package's importers (loaded on
 * demand), the options that change what is imported, and the import report (rows skipped with
 * row, column and reason, values adjusted, workloads made, totals) shown before anything replaces
 * the current scenario. Loaded on demand itself (React.lazy in the calculator).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import {
  DEFAULT_CHOICES,
  appliedMessage,
  currentHosts,
  describeFile,
  fileStem,
  importSummary,
  readFiles,
  reportTables,
  runImport,
  browserWords,
  nameList,
  planForWorker,
  sizeWarning,
  type ImportChoices,
  type ImportOutcome,
  type ImportPlan,
  type ReportTable,
} from '../../lib/inventory';
import { DataTable } from '../charts/ChartPanel';
import type { ImportAnswer, ImportRequest } from './ImportWorker';
import './inventory.css';

export type InventoryPlan = Extract<ImportPlan, { kind: 'rvtools' | 'kubectl' }>;

interface Props {
  plan: InventoryPlan;
  /** The scenario on screen (its hosts may be kept). */
  draft: Draft;
  /** Replace the scenario with the imported one; `message` says what was imported. */
  onApply: (scenario: Draft, file: string, message: string) => void;
  onClose: () => void;
}

function ReportTableView({ t, testId }: { t: ReportTable; testId: string }) {
  if (t.rows.length === 0) return null;
  return (
    <>
      <DataTable table={t} region className="report-table" testId={testId} />
      {t.more > 0 && <p className="muted small">… and {t.more} more rows: the downloaded report lists every one.</p>}
    </>
  );
}

/**
 * Runs an import in a module worker (ImportWorker.ts), so that reading a large workbook never
 * freezes the page; on the main thread where a worker cannot start. The worker lives as long as
 * the dialog.
 */
function useImporter(): (plan: InventoryPlan, choices: ImportChoices, draft: Draft) => Promise<ImportOutcome> {
  const worker = useRef<Worker | null | undefined>(undefined);
  const seq = useRef(0);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = undefined;
    },
    [],
  );
  return useCallback((plan, choices, draft) => {
    const id = ++seq.current;
    if (worker.current === undefined) {
      try {
        worker.current = typeof Worker === 'function' ? new Worker(new URL('./ImportWorker.ts', import.meta.url), { type: 'module' }) : null;
      } catch {
        worker.current = null;
      }
    }
    const w = worker.current;
    if (!w) return runImport(plan, choices, draft);
    return new Promise<ImportOutcome>((resolve) => {
      const done = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      const onMessage = (ev: MessageEvent<ImportAnswer>) => {
        if (ev.data.id !== id) return;
        done();
        resolve(ev.data.outcome);
      };
      // The worker could not start (or died): do the same work here.
      const onError = (ev: ErrorEvent) => {
        ev.preventDefault();
        done();
        w.terminate();
        if (worker.current === w) worker.current = null;
        resolve(runImport(plan, choices, draft));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const request: ImportRequest = { id, plan: planForWorker(plan), choices, draft };
      w.postMessage(request);
    });
  }, []);
}

function downloadText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ImportDialog({ plan: initialPlan, draft, onApply, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const nodesInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const [plan, setPlan] = useState<InventoryPlan>(initialPlan);
  const [choices, setChoices] = useState<ImportChoices>(DEFAULT_CHOICES);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [running, setRunning] = useState(true);
  const [nodesError, setNodesError] = useState<string | null>(null);
  const hostsNow = currentHosts(draft);
  const importInWorker = useImporter();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const onCancel = () => onClose();
    d?.addEventListener('close', onCancel);
    return () => d?.removeEventListener('close', onCancel);
  }, [onClose]);

  // Runs the importer again whenever a choice or a file changes; a late answer to an older run is dropped.
  useEffect(() => {
    let live = true;
    setRunning(true);
    void importInWorker(plan, choices, draft).then((o) => {
      if (!live) return;
      setOutcome(o);
      setRunning(false);
    });
    return () => {
      live = false;
    };
    // The draft is read when the choices change (keep hosts), not on every edit behind the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan, choices]);

  const set = <K extends keyof ImportChoices>(k: K, v: ImportChoices[K]) => setChoices((c) => ({ ...c, [k]: v }));
  const file = plan.kind === 'rvtools' ? plan.file : plan.pods;
  const what = plan.kind === 'rvtools' ? (plan.file.kind === 'rvtools-xlsx' ? 'RVTools workbook' : 'RVTools vInfo export') : 'Kubernetes pods';
  const ok = outcome?.ok ? outcome : null;
  const report = ok?.result.report;
  const tables = report ? reportTables(report) : null;
  const tooMany = report ? sizeWarning(report, choices) : null;

  const addNodes = async (files: FileList | null) => {
    if (plan.kind !== 'kubectl' || !files?.[0]) return;
    const [f] = await readFiles([files[0]]);
    if (nodesInput.current) nodesInput.current.value = '';
    if (!f) return;
    if (f.kind !== 'kubectl-nodes') {
      setNodesError(`${describeFile(f)} is not a node list: expected the output of kubectl get nodes -o json.`);
      return;
    }
    setNodesError(null);
    setPlan({ ...plan, nodes: f });
  };

  return (
    <dialog ref={ref} className="import-dialog" aria-labelledby={`${id}-h`} aria-describedby={`${id}-lead`} data-testid="import-dialog">
      <h2 id={`${id}-h`}>
        Import {what}: {file.name}
      </h2>
      <p id={`${id}-lead`} className="muted small">
        Check what was read. Your current scenario stays as it is until you choose “Replace the current scenario”, and you can undo that too.
      </p>
      {plan.ignored.length > 0 && (
        <p className="small">
          Not used: {plan.ignored.map(describeFile).join('; ')}.
        </p>
      )}

      <fieldset className="group import-options">
        <legend>Options</legend>
        {plan.kind === 'rvtools' ? (
          <>
            <div className="choice-row" role="radiogroup" aria-labelledby={`${id}-storage`}>
              <span id={`${id}-storage`} className="choice-label">
                Storage per VM
              </span>
              <label>
                <input type="radio" name={`${id}-storage`} checked={choices.storage === 'provisioned'} onChange={() => set('storage', 'provisioned')} /> provisioned
              </label>
              <label>
                <input type="radio" name={`${id}-storage`} checked={choices.storage === 'in-use'} onChange={() => set('storage', 'in-use')} /> in use
              </label>
            </div>
            <label className="check">
              <input type="checkbox" checked={choices.includePoweredOff} onChange={(e) => set('includePoweredOff', e.target.checked)} /> Include powered-off and suspended VMs
            </label>
            <label className="check">
              <input type="checkbox" checked={choices.includeTemplates} onChange={(e) => set('includeTemplates', e.target.checked)} /> Include templates
            </label>
            <label className="check">
              <input type="checkbox" checked={choices.group === 'vm'} onChange={(e) => set('group', e.target.checked ? 'vm' : 'shape')} /> One workload per VM (instead of one per OS, vCPU and memory size)
            </label>
          </>
        ) : (
          <>
            <div className="choice-row" role="radiogroup" aria-labelledby={`${id}-res`}>
              <span id={`${id}-res`} className="choice-label">
                Size pods by their
              </span>
              <label>
                <input type="radio" name={`${id}-res`} checked={choices.resources === 'requests'} onChange={() => set('resources', 'requests')} /> requests
              </label>
              <label>
                <input type="radio" name={`${id}-res`} checked={choices.resources === 'limits'} onChange={() => set('resources', 'limits')} /> limits
              </label>
            </div>
            <label className="check">
              <input type="checkbox" checked={choices.excludeKubeSystem} onChange={(e) => set('excludeKubeSystem', e.target.checked)} /> Leave out kube-system (cluster add-ons the new platform brings its own of)
            </label>
            <div className="choice-row">
              <span className="choice-label">Nodes</span>
              <span data-testid="nodes-file">{plan.nodes ? plan.nodes.name : 'none (the hosts will be a placeholder)'}</span>
              <button type="button" onClick={() => nodesInput.current?.click()}>
                {plan.nodes ? 'Use another nodes file' : 'Add a nodes file'}
              </button>
              {plan.nodes && (
                <button type="button" onClick={() => setPlan({ ...plan, nodes: undefined } as InventoryPlan)}>
                  Leave the nodes out
                </button>
              )}
              <input ref={nodesInput} type="file" hidden accept=".json,.yaml,.yml,application/json" aria-label="Nodes file (kubectl get nodes -o json)" onChange={(e) => void addNodes(e.target.files)} />
            </div>
            {nodesError && (
              <p className="field-error" role="alert">
                {nodesError}
              </p>
            )}
          </>
        )}
        <label className="check">
          <input type="checkbox" disabled={!hostsNow} checked={choices.keepHosts && !!hostsNow} onChange={(e) => set('keepHosts', e.target.checked)} /> Use the hosts of the current scenario
          {hostsNow ? ` (${nameList(hostsNow.map((h) => String((h as { name?: unknown })?.name ?? 'unnamed')))})` : ''} instead of{' '}
          {plan.kind === 'kubectl' ? (plan.nodes ? 'the node shapes' : 'the placeholder host') : plan.file.kind === 'rvtools-xlsx' ? 'the workbook’s vHost hosts (or the placeholder host)' : 'the placeholder host'}
        </label>
      </fieldset>

      <div role="status" aria-live="polite" data-testid="import-status" className="import-status">
        {running ? 'Reading the file…' : report ? importSummary(report) : ''}
      </div>

      {outcome && !outcome.ok && !running && (
        <div className="notice error" role="alert" data-testid="import-error">
          <p>{outcome.message}</p>
          {outcome.details.length > 0 && (
            <ul>
              {outcome.details.map((d, i) => (
                <li key={i}>{browserWords(d)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {report && tables && (
        <div className={`import-report${running ? ' stale' : ''}`} data-testid="import-report">
          {(report.warnings.length > 0 || tooMany) && (
            <div className="notice warn" role="note">
              <strong>Before you rely on it:</strong>
              <ul>
                {tooMany && <li data-testid="import-size-warning">{tooMany}</li>}
                {report.warnings.map((w, i) => (
                  <li key={i}>{browserWords(w)}</li>
                ))}
              </ul>
            </div>
          )}
          <ReportTableView t={tables.totals} testId="import-totals" />
          {report.skipped.length > 0 ? <ReportTableView t={tables.skipped} testId="import-skipped" /> : <p className="small">Nothing was skipped.</p>}
          {report.adjusted.length > 0 && <ReportTableView t={tables.adjusted} testId="import-adjusted" />}
          <ReportTableView t={tables.workloads} testId="import-workloads" />
          {report.hosts.length > 0 && (
            <p className="small">
              Hosts:{' '}
              {report.hosts.map((h) => (h.placeholder ? `${h.name} (a placeholder)` : `${h.name}: ${h.count} node${h.count === 1 ? '' : 's'} (${nameList(h.from)})`)).join('; ')}
              .
            </p>
          )}
          {report.notes.length > 0 && (
            <details className="import-notes">
              <summary>Notes ({report.notes.length})</summary>
              <ul>
                {report.notes.map((n, i) => (
                  <li key={i}>{browserWords(n)}</li>
                ))}
              </ul>
            </details>
          )}
          <p>
            <button type="button" onClick={() => ok && downloadText(`${fileStem(file.name.replace(/\.[^.]+$/, ''))}-import-report.txt`, ok.text)}>
              Download the report (.txt)
            </button>
          </p>
        </div>
      )}

      <div className="dialog-actions">
        <button type="button" className="primary" disabled={!ok || running} onClick={() => {
            if (!ok) return;
            // Closing first gives the focus back to where it was before the dialog opened.
            ref.current?.close();
            onApply(ok.result.scenario as unknown as Draft, ok.result.report.file, appliedMessage(ok.result.report));
          }}>
          Replace the current scenario
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
