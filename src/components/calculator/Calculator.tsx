/**
 * The calculator island: owns the scenario being edited, evaluates it with `kernelcount` as you
 * type (debounced, in a transition so typing never waits), keeps it in the URL and in local
 * storage, and offers export, import and print. The last valid results stay on screen while an
 * edit is invalid; the error shows at the field.
 */
import { safeEvaluate, type Evaluation, type Issue } from 'kernelcount';
import { lazy, startTransition, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { issuesByPath, setAt, type Draft, type Path } from '../../lib/calculatorModel';
import { decodeScenario, encodeScenario, scenarioParam } from '../../lib/urlState';
import { Editor } from './Editor';
import { followEdit, hasRanges } from './UncertaintyRange';
import type { FieldContext } from './fields';
import type { ImportPlan } from '../../lib/inventory';
import type { InventoryPlan } from './ImportDialog';
import { Results } from './Results';
import './calculator.css';

// File reading, the import dialog and the importers and workbook writer they load come only when a
// file is dropped or picked, or a workbook asked for.
const loadImportDialog = () => import('./ImportDialog');
const ImportDialog = lazy(loadImportDialog);
const inventoryModule = () => import('../../lib/inventory');
/** The range checker, loaded with the first range. */
const rangeCheck = () => import('../../lib/rangeCheck');

export interface Preset {
  id: string;
  name: string;
  description: string;
  scenario: Draft;
}

interface Props {
  presets: Preset[];
  /** Version of the kernelcount package the page was built with. */
  version: string;
  /** Date (YYYY-MM-DD) used to flag stale defaults; the build date, refreshed in the browser. */
  today: string;
}

const STORAGE_KEY = 'kernelcount.calculator.v1';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

declare global {
  interface Window {
    /** Milliseconds from each evaluation to React committing its results (read by the browser tests). */
    __kernelcountTimings?: number[];
    /** Milliseconds from each evaluation to the next frame (adds chart redraws and the refresh wait). */
    __kernelcountFrames?: number[];
  }
}

function evaluateDraft(draft: Draft, today: string): { ok: true; value: Evaluation } | { ok: false; issues: readonly Issue[] } {
  const r = safeEvaluate(draft, { today });
  return r.ok ? r : { ok: false, issues: r.error.issues };
}

function download(name: string, text: string | Blob, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'scenario';
}

/** Reads a scenario file's text: JSON, or YAML through the yaml package loaded on demand. */
async function readScenarioText(text: string, fileName: string): Promise<unknown> {
  const trimmed = text.trimStart();
  if (/\.json$/i.test(fileName) || trimmed.startsWith('{')) return JSON.parse(text);
  const YAML = await import('yaml');
  return YAML.parse(text, { uniqueKeys: true, maxAliasCount: 100, prettyErrors: true });
}

/** A value as plain words for the report: objects as `key value, key value`, lists joined. */
function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => (x !== null && typeof x === 'object' ? `${k}: ${cellText(x)}` : `${k} ${String(x)}`))
      .join(', ');
  }
  return String(v);
}

/** The scenario's inputs as the report's first section: hosts, workloads and platforms as entered. */
function PrintInputs({ draft }: { draft: Draft }) {
  const tables: Array<{ caption: string; key: string; cols: string[] }> = [
    { caption: 'Hosts', key: 'hosts', cols: ['name', 'sockets', 'coresPerSocket', 'threadsPerCore', 'memoryGiB', 'diskGiB', 'price', 'powerIdleW', 'powerMaxW'] },
    { caption: 'Workloads', key: 'workloads', cols: ['name', 'instances', 'os', 'vcpus', 'memoryGiB', 'storageGiB', 'imageMiB', 'needsOwnKernel', 'licences'] },
  ];
  const platforms = Array.isArray(draft['platforms']) ? (draft['platforms'] as Array<Record<string, unknown>>) : [];
  return (
    <section className="print-inputs" aria-label="Scenario inputs">
      <h2>Scenario inputs</h2>
      {tables.map((t) => {
        const rows = Array.isArray(draft[t.key]) ? (draft[t.key] as Array<Record<string, unknown>>) : [];
        return (
          <table key={t.key}>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                {t.cols.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {t.cols.map((c) => (
                    <td key={c}>{cellText(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <p>
        Platforms:{' '}
        {platforms.length
          ? platforms.map((p) => `${cellText(p['name'] ?? p['type'])} (${Object.entries(p).filter(([k]) => k !== 'name').map(([k, v]) => `${k} ${cellText(v)}`).join(', ')})`).join('; ')
          : 'all four types with their defaults'}
        . Policy: {cellText(draft['policy']) || 'defaults'}. Prices: {cellText(draft['prices']) || 'defaults'}
        {draft['catalog'] ? `. Catalog overrides: ${cellText(draft['catalog'])}` : ''}.
      </p>
    </section>
  );
}

export default function Calculator({ presets, version, today: buildDay }: Props) {
  const first = presets[0]!;
  const [presetId, setPresetId] = useState(first.id);
  const [draft, setDraft] = useState<Draft>(first.scenario);
  // The build day first, as the server rendered it (a different day in the first render breaks
  // hydration: the page says "computed ... on <day>"), then the visitor's day once hydrated.
  const [today, setToday] = useState(buildDay);
  useEffect(() => {
    const day = new Date().toISOString().slice(0, 10);
    if (day !== buildDay) setToday(day);
  }, [buildDay]);
  const initial = useMemo(() => evaluateDraft(first.scenario, buildDay), [first, buildDay]);
  const [evaluation, setEvaluation] = useState<Evaluation | null>(initial.ok ? initial.value : null);
  // The scenario the shown results were computed from (the draft may be ahead of it, and invalid).
  const [evaluatedDraft, setEvaluatedDraft] = useState<Draft>(first.scenario);
  const [scenarioIssues, setIssues] = useState<readonly Issue[]>([]);
  // The draft last checked by the evaluation (valid or not) and the one last written to the link and
  // the autosave. While the draft is ahead of either, the page says so: aria-busy on the results
  // for assistive technology, data-pending on the calculator for anything that must wait for a
  // settled page (the browser tests) instead of guessing a delay.
  const [checkedDraft, setCheckedDraft] = useState<Draft>(first.scenario);
  const [savedDraft, setSavedDraft] = useState<Draft | null>(null);
  // Range problems evaluate does not check (lib/rangeCheck.ts), found after each edit of a ranged draft.
  const [rangeIssues, setRangeIssues] = useState<readonly Issue[]>([]);
  const issues = useMemo(() => (rangeIssues.length ? [...scenarioIssues, ...rangeIssues] : scenarioIssues), [scenarioIssues, rangeIssues]);
  const [banner, setBanner] = useState<{ kind: 'error' | 'info'; text: string; details?: string[]; action?: { label: string; run: () => void } } | null>(null);
  const [inventory, setInventory] = useState<InventoryPlan | null>(null);
  const [copied, setCopied] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [ready, setReady] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pendingTiming = useRef<number | null>(null);
  const lastHash = useRef<string>('');

  // On arrival: a scenario link wins, then the autosaved scenario, then the first preset. A link
  // pasted into the address bar later (a hash change we did not make) loads the same way.
  useEffect(() => {
    let live = true;
    const onHash = () => {
      if (window.location.hash !== lastHash.current && scenarioParam(window.location.hash) !== null) void arrive(true);
    };
    const arrive = async (fromHashChange: boolean) => {
      const hash = window.location.hash;
      if (scenarioParam(hash) !== null) {
        lastHash.current = hash;
        const d = await decodeScenario(hash);
        if (!live) return;
        if (!d.ok) {
          setBanner({ kind: 'error', text: `This link could not be read: ${d.reason}. Showing the ${first.name} example instead.` });
          history.replaceState(null, '', window.location.pathname);
        } else {
          const r = evaluateDraft(d.scenario as Draft, today);
          if (r.ok) {
            setDraft(d.scenario as Draft);
            setCheckedDraft(d.scenario as Draft);
            setEvaluation(r.value);
            setEvaluatedDraft(d.scenario as Draft);
            setPresetId('');
            setBanner({ kind: 'info', text: 'Showing the scenario from the link.' });
          } else {
            setBanner({
              kind: 'error',
              text: `The scenario in this link is not valid, so the ${first.name} example is shown instead.`,
              details: r.issues.slice(0, 8).map((i) => `${i.path ? i.path + ': ' : ''}${i.message}`),
            });
            history.replaceState(null, '', window.location.pathname);
          }
        }
      } else if (!fromHashChange) {
        try {
          const saved = localStorage.getItem(STORAGE_KEY);
          if (saved) {
            const s = JSON.parse(saved) as { draft: Draft; presetId: string };
            if (s && typeof s === 'object' && s.draft && typeof s.draft === 'object') {
              // Evaluate now, so the restored results show with the message, not 150 ms later.
              const r = evaluateDraft(s.draft, today);
              if (r.ok) {
                setEvaluation(r.value);
                setEvaluatedDraft(s.draft);
              } else setIssues(r.issues);
              setDraft(s.draft);
              setCheckedDraft(s.draft);
              setPresetId(typeof s.presetId === 'string' ? s.presetId : '');
              setBanner({ kind: 'info', text: 'Restored the scenario you were working on. Use “Reset to preset” to start again.' });
            }
          }
        } catch {
          /* storage unavailable or damaged: start from the preset */
        }
      }
      // In a transition: `ready` re-renders the whole calculator (editor and results), which as an
      // urgent update would be one long task on the main thread while the page loads.
      if (live) startTransition(() => setReady(true));
    };
    void arrive(false);
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHash);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Evaluate 150 ms after the last edit; keep the last valid results when the edit is invalid.
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => {
      // Measured from the evaluation (after the debounce) to the next frame: evaluate + render.
      const start = performance.now();
      const r = evaluateDraft(draft, today);
      startTransition(() => {
        if (r.ok) {
          setEvaluation(r.value);
          setEvaluatedDraft(draft);
          setIssues([]);
        } else setIssues(r.issues);
        setCheckedDraft(draft);
      });
      pendingTiming.current = start;
    }, 150);
    return () => clearTimeout(t);
  }, [draft, today, ready]);

  // The ranges are checked 150 ms after the last edit too, like the evaluation, not on every keystroke.
  useEffect(() => {
    if (!hasRanges(draft)) return setRangeIssues((x) => (x.length ? [] : x));
    let live = true;
    const t = setTimeout(() => void rangeCheck().then((m) => live && setRangeIssues(m.rangeIssues(draft, today))), 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [draft, today]);

  // Evaluate + render: from the evaluation to React having committed the new results (layout
  // effect); and, separately, to the next frame, which adds the charts' redraw and the wait for
  // the display's refresh.
  useLayoutEffect(() => {
    const start = pendingTiming.current;
    if (start === null) return;
    pendingTiming.current = null;
    (window.__kernelcountTimings ??= []).push(performance.now() - start);
    requestAnimationFrame(() => (window.__kernelcountFrames ??= []).push(performance.now() - start));
  }, [evaluation, issues]);

  // Keep the link and the autosave current (after the evaluation settles).
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => {
      void encodeScenario(draft).then((hash) => {
        // A link pasted since the last write has not been read yet: leave it for the hashchange
        // handler instead of overwriting it with the scenario it is about to replace.
        if (scenarioParam(window.location.hash) === null || window.location.hash === lastHash.current) {
          lastHash.current = hash;
          history.replaceState(null, '', `${window.location.pathname}${hash}`);
        }
        startTransition(() => setSavedDraft(draft));
      });
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ draft, presetId }));
      } catch {
        /* private mode or full: the link still carries the scenario */
      }
    }, 400);
    return () => clearTimeout(t);
  }, [draft, presetId, ready]);

  // Every edit keeps the ranges (uncertainty:) in step: renamed items re-key them, removed ones drop
  // them, likely values follow their fields (code loaded with the first range).
  const set = useCallback((path: Path, value: unknown) => {
    setDraft((d) => followEdit(d, setAt(d, path, value), setDraft));
  }, []);
  const ctx: FieldContext = useMemo(() => ({ draft, set, issues: issuesByPath(issues) }), [draft, set, issues]);

  const loadPreset = (id: string) => {
    const p = presets.find((x) => x.id === id);
    if (!p) return;
    setPresetId(p.id);
    setDraft(p.scenario);
    setIssues([]);
    setBanner(null);
  };

  const importText = async (text: string, name: string) => {
    if (text.length > MAX_IMPORT_BYTES) {
      setBanner({ kind: 'error', text: `${name} is larger than 5 MiB; a scenario file is a few KB.` });
      return;
    }
    let parsed: unknown;
    try {
      parsed = await readScenarioText(text, name);
    } catch (err) {
      setBanner({ kind: 'error', text: `${name} could not be read as JSON or YAML: ${(err as Error).message.split('\n')[0]}` });
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setBanner({ kind: 'error', text: `${name} does not hold a scenario (an object with hosts and workloads).` });
      return;
    }
    replaceScenario(parsed as Draft, name, `Loaded ${name}.`);
  };

  /** Puts a scenario in the editor and evaluates it at once; `done` is the message (and its undo). */
  const replaceScenario = (next: Draft, name: string, done: string, action?: { label: string; run: () => void }) => {
    const r = evaluateDraft(next, today);
    setDraft(next);
    setPresetId('');
    const problems = `Loaded ${name}, but it has problems; they are marked at their fields and listed above the editor.`;
    if (r.ok) {
      setEvaluation(r.value);
      setEvaluatedDraft(next);
      setIssues([]);
      setBanner({ kind: 'info', text: done, ...(action ? { action } : {}) });
      if (hasRanges(next)) void rangeCheck().then((m) => m.rangeIssues(next, today).length > 0 && setBanner({ kind: 'error', text: `${problems} The results are priced without the ranges.`, ...(action ? { action } : {}) }));
    } else {
      setIssues(r.issues);
      setBanner({ kind: 'error', text: `${problems} The results below are from before.`, ...(action ? { action } : {}) });
    }
  };

  // A scenario file loads at once; an inventory (RVTools, kubectl) opens the import dialog first.
  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    let plan: ImportPlan;
    try {
      const { planImport, readFiles } = await inventoryModule();
      plan = planImport(await readFiles(Array.from(files)));
      // Load the dialog before showing it, so a failed load is a message here, not a broken page.
      if (plan.kind === 'rvtools' || plan.kind === 'kubectl') await loadImportDialog();
    } catch (err) {
      setBanner({ kind: 'error', text: `The file could not be read: ${(err as Error).message}` });
      return;
    }
    if (plan.kind === 'error') {
      setBanner({ kind: 'error', text: plan.message, details: plan.details });
    } else if (plan.kind === 'scenario') {
      if (plan.file.size > MAX_IMPORT_BYTES) {
        setBanner({ kind: 'error', text: `${plan.file.name} is larger than 5 MiB; a scenario file is a few KB.` });
        return;
      }
      await importText(plan.file.text ?? '', plan.file.name);
    } else setInventory(plan);
  };

  const applyInventory = (scenario: Draft, file: string, message: string) => {
    const before = { draft, presetId };
    setInventory(null);
    replaceScenario(scenario, file, message, {
      label: 'Undo the import',
      run: () => {
        replaceScenario(before.draft, 'the previous scenario', 'Put back the scenario you had before the import.');
        setPresetId(before.presetId);
      },
    });
  };

  const closeInventory = useCallback(() => setInventory(null), []);

  const exportXlsx = async () => {
    try {
      const { buildWorkbook } = await inventoryModule();
      const r = await buildWorkbook(evaluatedDraft, today);
      if (r.ok) download(r.fileName, r.blob, r.blob.type);
      else setBanner({ kind: 'error', text: r.message, details: r.details });
    } catch (err) {
      setBanner({ kind: 'error', text: `The workbook could not be made: ${(err as Error).message}. Check the connection and try again.` });
    }
  };

  const copyLink = async () => {
    const hash = await encodeScenario(draft);
    lastHash.current = hash;
    const url = `${window.location.origin}${window.location.pathname}${hash}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      setBanner({ kind: 'info', text: 'The address bar now holds the link to this scenario; copy it from there.' });
    }
  };

  const name = String(draft['name'] ?? evaluation?.scenario.name ?? 'scenario');

  return (
    <div
      className={`calculator${dragging ? ' dragging' : ''}`}
      data-pending={[draft !== checkedDraft && 'evaluate', ready && draft !== savedDraft && 'link'].filter(Boolean).join(' ')}
      onDragOver={(ev) => {
        if (ev.dataTransfer.types.includes('Files')) {
          ev.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(ev) => {
        ev.preventDefault();
        setDragging(false);
        void onFiles(ev.dataTransfer.files);
      }}
    >
      <header className="print-only print-header">
        <h1>kernelcount report: {name}</h1>
        <p>
          {evaluation?.scenario.description} Prices in {evaluation?.scenario.currency}, {evaluation?.scenario.horizonYears} years. Computed with kernelcount {version} on {today}.
        </p>
        <PrintInputs draft={evaluatedDraft} />
      </header>

      <div className="toolbar no-print" role="group" aria-label="Scenario">
        <label>
          <span>Preset</span>{' '}
          <select value={presetId} onChange={(ev) => loadPreset(ev.target.value)} aria-describedby="preset-help">
            {presetId === '' && <option value="">your scenario</option>}
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => loadPreset(presetId || first.id)} title="Discard your edits and load the preset again">
          Reset to preset
        </button>
        <span id="preset-help" className="visually-hidden">
          Choosing a preset replaces the scenario; your current one stays only in the link if you copied it.
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void copyLink()}>
          {copied ? 'Link copied' : 'Copy link'}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import file
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".json,.yaml,.yml,.csv,.tsv,.xlsx,application/json,text/yaml,text/csv"
          hidden
          onChange={(ev) => {
            void onFiles(ev.target.files).finally(() => {
              ev.target.value = '';
            });
          }}
          aria-label="Import a scenario file, an RVTools export or kubectl JSON"
        />
        <details className="export-menu">
          <summary>Export</summary>
          <div className="menu">
            <button type="button" onClick={() => download(`${slug(name)}.json`, JSON.stringify(draft, null, 2) + '\n', 'application/json')}>
              Scenario as JSON
            </button>
            <button
              type="button"
              onClick={() =>
                void import('yaml').then((YAML) =>
                  download(`${slug(name)}.yaml`, `# kernelcount scenario: run  kernelcount evaluate ${slug(name)}.yaml\n${YAML.stringify(draft)}`, 'text/yaml'),
                )
              }
            >
              Scenario as YAML
            </button>
            <button type="button" disabled={!evaluation} onClick={() => evaluation && void import('../../lib/reportFiles').then((m) => download(`${slug(name)}-line-items.csv`, m.formatCsv(evaluation), 'text/csv'))}>
              Results as CSV
            </button>
            <button type="button" disabled={!evaluation} onClick={() => evaluation && void import('../../lib/reportFiles').then((m) => download(`${slug(name)}-report.md`, m.formatMarkdown(evaluation), 'text/markdown'))}>
              Results as Markdown
            </button>
            <button type="button" disabled={!evaluation} onClick={() => void exportXlsx()}>
              Workbook (.xlsx)
            </button>
          </div>
        </details>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>

      {banner && (
        <div className={`notice ${banner.kind === 'error' ? 'error' : 'info'} no-print`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="banner">
          <p>{banner.text}</p>
          {banner.details && (
            <ul>
              {banner.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {banner.action && (
            <button type="button" onClick={banner.action.run}>
              {banner.action.label}
            </button>
          )}{' '}
          <button type="button" onClick={() => setBanner(null)} aria-label="Dismiss this message">
            Dismiss
          </button>
        </div>
      )}

      <div className="layout">
        <section className="edit-pane no-print" aria-labelledby="edit-h" id="editor">
          <h2 id="edit-h">Scenario</h2>
          <p className="muted small">
            Drop a scenario file (JSON or YAML), an RVTools export (vInfo .csv or the .xlsx) or kubectl JSON (pods, with nodes if you have them) anywhere on this page to load it.
          </p>
          {issues.length > 0 && (
            <div className="notice error" role="alert" data-testid="issues">
              <p>
                {issues.length === 1 ? 'One problem' : `${issues.length} problems`} in the scenario; {scenarioIssues.length ? 'the results show the last valid version.' : 'the results are priced without the ranges.'}
              </p>
              <ul>
                {issues.slice(0, 12).map((i, k) => (
                  <li key={k}>
                    <code>{i.path || 'scenario'}</code>: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Editor ctx={ctx} />
        </section>
        <section className="result-pane" aria-labelledby="results-h" aria-busy={draft !== checkedDraft}>
          <h2 id="results-h" className="visually-hidden">
            Results
          </h2>
          <a className="jump-to-editor no-print" href="#editor">
            Edit the scenario
          </a>
          {evaluation ? <Results e={evaluation} draft={evaluatedDraft} today={today} /> : <p className="notice error">No valid scenario yet: fix the problems listed on the left.</p>}
        </section>
      </div>
      {inventory && (
        <Suspense fallback={<p role="status">Opening the import…</p>}>
          <ImportDialog plan={inventory} draft={draft} onApply={applyInventory} onClose={closeInventory} />
        </Suspense>
      )}
    </div>
  );
}
