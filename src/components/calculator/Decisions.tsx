/**
 * The Decisions panel (loaded when first opened): for two platforms, the value of one input at which
 * the cheaper one changes (break-even, with a chart of both costs across the range and the licence
 * break-evens), and which inputs move the difference most (sensitivity, a tornado). The package
 * runs in a worker (decisions.worker.ts), after a short pause in editing, only while the panel is
 * open; a newer scenario replaces a run still going.
 */
import type { Evaluation } from 'kernelcount';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import { defaultPair, parseRange, parseShare, type DecisionsRequest, type DecisionsResponse, type InputOption, type BreakEvenView, type SensitivityView } from '../../lib/decisions';
import { OKABE_ITO, PLATFORM_COLOURS } from '../../lib/palette';
import { DecisionsChart, ScrollTable } from './DecisionsChart';
import './decisions.css';

interface Props {
  e: Evaluation;
  /** The scenario the results were computed from (always valid). */
  draft: Draft;
  today: string;
  /** The panel is open: compute; closed: keep what was computed, start nothing. */
  open: boolean;
}

/** Pause after the last change before a run starts. */
const DEBOUNCE_MS = 250;

interface BreakEvenState {
  status: 'waiting' | 'computing' | 'done' | 'error';
  inputs: InputOption[];
  input: string | null;
  view: BreakEvenView | null;
  error: string | null;
  licences: string[];
  ms: number | null;
}

interface SensitivityState {
  status: 'idle' | 'computing' | 'done' | 'error';
  done: number;
  total: number;
  view: SensitivityView | null;
  error: string | null;
  ms: number | null;
}

declare global {
  interface Window {
    /** Milliseconds of each decisions run in the worker, by kind (read by the browser tests). */
    __kernelcountDecisions?: Array<{ kind: 'break-even' | 'sensitivity'; ms: number }>;
  }
}

function groupOptions(inputs: readonly InputOption[]): Array<[string, InputOption[]]> {
  const groups = new Map<string, InputOption[]>();
  for (const o of inputs) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
  return [...groups.entries()];
}

export default function Decisions({ e, draft, today, open }: Props) {
  const ids = useId();
  const names = e.platforms.map((p) => p.name);
  const [pair, setPair] = useState<[string, string] | null>(() => defaultPair(e));
  const [input, setInput] = useState<string | null>(null);
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [shareText, setShareText] = useState('20');
  const [wantSensitivity, setWantSensitivity] = useState(false);
  const [be, setBe] = useState<BreakEvenState>({ status: 'waiting', inputs: [], input: null, view: null, error: null, licences: [], ms: null });
  const [sens, setSens] = useState<SensitivityState>({ status: 'idle', done: 0, total: 0, view: null, error: null, ms: null });
  const [workerError, setWorkerError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const beId = useRef(0);
  const sensId = useRef(0);
  /** What the last request of each kind was for, to skip asking again for the same. */
  const beSent = useRef<{ draft: Draft; key: string } | null>(null);
  const sensSent = useRef<{ draft: Draft; key: string } | null>(null);

  // A pair whose platforms are gone (renamed, removed) falls back to the default one.
  const pairValid = pair !== null && names.includes(pair[0]) && names.includes(pair[1]);
  useEffect(() => {
    if (!pairValid) setPair(defaultPair(e));
  }, [pairValid, e]);

  const colours = useMemo(() => {
    const out: Record<string, string> = {};
    const used = new Set<string>();
    for (const p of e.platforms) {
      let c = PLATFORM_COLOURS[p.type];
      if (used.has(c)) c = [OKABE_ITO.vermillion, OKABE_ITO.skyBlue, OKABE_ITO.grey, OKABE_ITO.yellow].find((x) => !used.has(x)) ?? c;
      used.add(c);
      out[p.name] = c;
    }
    return out;
  }, [e]);

  // One worker for the panel's life.
  useEffect(() => {
    let w: Worker;
    try {
      w = new Worker(new URL('./decisions.worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      setWorkerError(`The decision tools could not start in this browser (${(err as Error).message}).`);
      return;
    }
    worker.current = w;
    w.onmessage = (ev: MessageEvent<DecisionsResponse>) => {
      const m = ev.data;
      if (m.type === 'break-even') {
        if (m.id !== beId.current) return;
        (window.__kernelcountDecisions ??= []).push({ kind: 'break-even', ms: m.ms });
        setBe({ status: m.error ? 'error' : 'done', inputs: m.inputs, input: m.input, view: m.view, error: m.error, licences: m.licences, ms: m.ms });
      } else if (m.type === 'progress') {
        if (m.id !== sensId.current) return;
        setSens((s) => ({ ...s, status: 'computing', done: m.done, total: m.total }));
      } else if (m.type === 'sensitivity') {
        if (m.id !== sensId.current) return;
        (window.__kernelcountDecisions ??= []).push({ kind: 'sensitivity', ms: m.ms });
        setSens((s) => ({ ...s, status: 'done', view: m.view, error: null, ms: m.ms, done: s.total }));
      } else if (m.kind === 'break-even') {
        if (m.id !== beId.current) return;
        setBe((s) => ({ ...s, status: 'error', view: null, error: m.message }));
      } else {
        if (m.id !== sensId.current) return;
        setSens((s) => ({ ...s, status: 'error', error: m.message }));
      }
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      setWorkerError(`The decision tools stopped: ${ev.message || 'the worker could not be loaded'}.`);
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const post = (req: DecisionsRequest) => worker.current?.postMessage(req);
  const range = parseRange(low, high);
  const rangeKey = range.ok ? JSON.stringify(range.range) : `bad:${low}|${high}`;
  const share = parseShare(shareText);
  const pairKey = pairValid && pair ? JSON.stringify(pair) : '';
  const samePlatform = pair !== null && pair[0] === pair[1];

  // Break-even: after a pause, whenever the scenario, the pair, the input or the range changes.
  useEffect(() => {
    if (!open || !pairValid || !pair || samePlatform || !range.ok) return;
    // Reopening the panel on the same scenario and choices asks for nothing again.
    const key = JSON.stringify([today, pairKey, input, rangeKey]);
    if (beSent.current?.draft === draft && beSent.current.key === key) return;
    const id = nextId.current++;
    beId.current = id;
    setBe((s) => ({ ...s, status: 'computing' }));
    const t = setTimeout(() => {
      beSent.current = { draft, key };
      post({ type: 'break-even', id, scenario: draft, today, currency: e.scenario.currency, between: pair, input, range: range.range });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, draft, today, pairKey, input, rangeKey]);

  // Sensitivity: once asked for, again after a pause whenever the scenario, the pair or the share changes.
  useEffect(() => {
    if (!open || !wantSensitivity || !pairValid || !pair || samePlatform || !share.ok) return;
    const key = JSON.stringify([today, pairKey, share.share]);
    if (sensSent.current?.draft === draft && sensSent.current.key === key) return;
    const previous = sensId.current;
    const id = nextId.current++;
    sensId.current = id;
    // The run still going (if any) is for an older scenario or pair: stop it.
    if (previous) post({ type: 'cancel', id: previous });
    setSens((s) => ({ ...s, status: 'computing', done: 0, error: null }));
    const t = setTimeout(() => {
      sensSent.current = { draft, key };
      post({ type: 'sensitivity', id, scenario: draft, today, between: pair, share: share.share });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, wantSensitivity, draft, today, pairKey, share.ok ? share.share : `bad:${shareText}`]);

  if (e.platforms.length < 2) return <p className="notice info">The decision tools compare two platforms; this scenario has one.</p>;

  const shownInput = be.input ?? input ?? '';
  const chosen = be.inputs.find((o) => o.path === shownInput);
  const beBusy = be.status === 'computing' || be.status === 'waiting';
  const choosePair = (k: 0 | 1, name: string) => {
    if (!pair) return;
    const next: [string, string] = k === 0 ? [name, pair[1]] : [pair[0], name];
    setPair(next);
  };

  return (
    <div className="decisions" data-testid="decisions">
      {workerError && (
        <p className="notice error" role="alert">
          {workerError}
        </p>
      )}
      <div className="decisions-controls no-print" role="group" aria-label="Platforms to compare">
        <label className="field">
          <span>Compare</span>
          <select value={pair?.[0] ?? ''} onChange={(ev) => choosePair(0, ev.target.value)} data-testid="decisions-a">
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>with</span>
          <select value={pair?.[1] ?? ''} onChange={(ev) => choosePair(1, ev.target.value)} data-testid="decisions-b">
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {pair && (
          <button type="button" onClick={() => setPair([pair[1], pair[0]])} title="Swap the two platforms">
            Swap
          </button>
        )}
      </div>
      {samePlatform && (
        <p className="notice warn" role="alert">
          Pick two different platforms to compare.
        </p>
      )}

      <section className="decision" aria-labelledby={`${ids}-be`} aria-busy={beBusy}>
        <h3 id={`${ids}-be`}>Break-even</h3>
        <p className="muted small no-print">The value of one input at which the cheaper of the two platforms changes, searched across a range (by default from 0 to ten times its value).</p>
        <div className="decisions-controls no-print">
          <label className="field decisions-input">
            <span>Input to vary</span>
            <select value={shownInput} disabled={be.inputs.length === 0} onChange={(ev) => {
                // A range belongs to one input: a new input starts on its default range.
                setInput(ev.target.value);
                setLow('');
                setHigh('');
              }}
              data-testid="decisions-input">
              {be.inputs.length === 0 && <option value="">Reading the inputs…</option>}
              {groupOptions(be.inputs).map(([group, opts]) => (
                <optgroup key={group} label={group}>
                  {opts.map((o) => (
                    <option key={o.path} value={o.path}>
                      {o.text}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <fieldset className="decisions-range">
            <legend>
              Range <span className="muted">(optional{chosen?.unit && chosen.unit !== 'ratio' && chosen.unit !== 'fraction' ? `, ${chosen.unit}` : ''})</span>
            </legend>
            <label>
              <span className="visually-hidden">Range </span>from{' '}
              <input inputMode="decimal" value={low} onChange={(ev) => setLow(ev.target.value)} placeholder={be.view && range.ok && !range.range ? be.view.range.low : 'default'} size={9} aria-invalid={!range.ok || undefined} data-testid="decisions-low" />
            </label>
            <label>
              to <input inputMode="decimal" value={high} onChange={(ev) => setHigh(ev.target.value)} placeholder={be.view && range.ok && !range.range ? be.view.range.high : 'default'} size={9} aria-invalid={!range.ok || undefined} data-testid="decisions-high" />
            </label>
          </fieldset>
        </div>
        {chosen && <p className="muted small print-only">Input: {chosen.text}; path <code>{chosen.path}</code>.</p>}
        <div aria-live="polite" className="decision-answer">
          {!range.ok ? (
            <p className="field-error" role="alert">
              Range: {range.message}.
            </p>
          ) : be.status === 'error' ? (
            <p className="notice error" data-testid="break-even-error">
              {be.error}
            </p>
          ) : be.view ? (
            <>
              <p className={`decision-sentence${beBusy ? ' stale' : ''}`} data-testid="break-even-sentence">
                {be.view.sentence}
              </p>
              {be.view.detail && <p className="small">{be.view.detail}</p>}
            </>
          ) : (
            <p className="muted">Finding the break-even…</p>
          )}
          {beBusy && be.view && <p className="muted small no-print">Updating…</p>}
        </div>
        {be.view && be.status !== 'error' && range.ok && (
          <>
            {be.view.notes.length > 0 && (
              <ul className="small decision-notes">
                {be.view.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            )}
            <DecisionsChart data={be.view.chart} colours={colours} />
            <details className="small no-print">
              <summary>The package's own answer</summary>
              <p>{be.view.packageText}</p>
            </details>
          </>
        )}
        {be.licences.length > 0 && (
          <div className="licence-break-evens" data-testid="licence-break-evens">
            <h4>Licence break-evens (guests per host)</h4>
            <ul>
              {be.licences.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="decision" aria-labelledby={`${ids}-sens`} aria-busy={sens.status === 'computing'}>
        <h3 id={`${ids}-sens`}>Sensitivity</h3>
        <p className="muted small no-print">
          Each input moves down and up by a share of its value, one at a time with the others as entered; the inputs are ranked by how far that moves the difference between the two platforms. About two evaluations per input, in the background.
        </p>
        <div className="decisions-controls no-print">
          <label className="field decisions-share">
            <span>Vary each input by ± (%)</span>
            <input inputMode="decimal" value={shareText} onChange={(ev) => setShareText(ev.target.value)} size={5} aria-invalid={!share.ok || undefined} data-testid="decisions-share" />
          </label>
          {!wantSensitivity ? (
            <button type="button" className="primary" onClick={() => setWantSensitivity(true)} disabled={!share.ok || samePlatform} data-testid="run-sensitivity">
              Run sensitivity
            </button>
          ) : (
            <span className="muted small">Runs again after each change while this panel is open.</span>
          )}
        </div>
        {!share.ok && (
          <p className="field-error" role="alert">
            Share: {share.message}.
          </p>
        )}
        <div aria-live="polite">
          {sens.status === 'computing' && (
            <p className="decision-progress no-print" data-testid="sensitivity-progress">
              <label>
                Computing… {sens.total ? `${sens.done} of ${sens.total} inputs` : ''}
                <progress max={sens.total || 1} value={sens.total ? sens.done : undefined} />
              </label>
            </p>
          )}
          {sens.status === 'error' && (
            <p className="notice error" data-testid="sensitivity-error">
              {sens.error}
            </p>
          )}
          {sens.view && (
            <>
              <p className={`decision-sentence${sens.status === 'computing' ? ' stale' : ''}`} data-testid="sensitivity-sentence">
                {sens.view.sentence}
              </p>
              <p className="small">{sens.view.detail}</p>
            </>
          )}
        </div>
        {sens.view && (
          <>
            <DecisionsChart data={sens.view.chart} />
            {sens.view.failures.length > 0 && (
              <div className="notice warn" data-testid="sensitivity-failures">
                <p>
                  {sens.view.failures.length === 1 ? 'One value' : `${sens.view.failures.length} values`} made the scenario invalid, so {sens.view.failures.length === 1 ? 'that side has' : 'those sides have'} no bar:
                </p>
                <ul>
                  {sens.view.failures.map((f, i) => (
                    <li key={i}>
                      {f.words} at {f.value} ({f.side}): {f.messages.join('; ')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <details className="decisions-all no-print">
              <summary>
                All {sens.view.inputs} inputs, with notes ({sens.view.evaluations} evaluations{sens.ms !== null ? `, ${Math.round(sens.ms)} ms` : ''})
              </summary>
              <ScrollTable table={sens.view.all} />
            </details>
          </>
        )}
      </section>
    </div>
  );
}
