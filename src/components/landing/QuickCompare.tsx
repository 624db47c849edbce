/**
 * "How many fit on this server?": a host, an instance size and a fleet size in; for each platform
 * type, instances per host, hosts for the fleet, what binds and the cost per instance-month out.
 * Every figure is computed by the kernelcount package in the browser (src/lib/quickCompare.ts).
 *
 * Inputs are uncontrolled so typing is never held up; the evaluation runs 150 ms after the last
 * keystroke. Invalid input shows its error at the field and the table keeps the last valid result.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { OsFamily } from 'kernelcount';
import { formatCurrency, formatInt } from '../../lib/format';
import { PLATFORM_COLOURS } from '../../lib/palette';
import {
  BINDING_WORDS,
  DEFAULT_INPUTS,
  FIELDS,
  NUMERIC_FIELDS,
  OS_LABELS,
  PLATFORM_LABELS,
  quickCompare,
  type FieldErrors,
  type FieldId,
  type NumericField,
  type QuickInputs,
  type QuickResult,
} from '../../lib/quickCompare';
import { encodeScenario } from '../../lib/urlState';
import styles from './QuickCompare.module.css';

const DEBOUNCE_MS = 150;

interface Shown {
  /** The last valid result; null only if the defaults themselves were refused. */
  result: QuickResult | null;
  fields: FieldErrors;
  form: string[];
}

function initialState(): Shown {
  const o = quickCompare(DEFAULT_INPUTS);
  return o.ok ? { result: o.result, fields: {}, form: [] } : { result: null, fields: o.fields, form: o.form };
}

const HOST_FIELDS: NumericField[] = ['sockets', 'coresPerSocket', 'hostMemoryGiB', 'hostDiskGiB', 'hostPrice'];
const INSTANCE_FIELDS: NumericField[] = ['vcpus', 'memoryGiB', 'storageGiB'];

function NumberField({ id, field, error, onInput }: { id: string; field: NumericField; error: string | undefined; onInput: (field: NumericField, e: ChangeEvent<HTMLInputElement>) => void }) {
  const spec = FIELDS[field];
  const inputId = `${id}-${field}`;
  const describedBy = [spec.hint ? `${inputId}-hint` : '', error ? `${inputId}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={inputId}>
        {spec.label} <span className={styles.unit}>({spec.unit})</span>
      </label>
      <input
        id={inputId}
        name={field}
        type="number"
        inputMode="decimal"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        defaultValue={DEFAULT_INPUTS[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onInput(field, e)}
      />
      <span className={styles.after}>
        {spec.hint && (
          <span className={styles.hint} id={`${inputId}-hint`}>
            {spec.hint}
          </span>
        )}
        {error && (
          <span className={styles.error} id={`${inputId}-err`}>
            {error}
          </span>
        )}
      </span>
    </div>
  );
}

function caption(r: QuickResult): string {
  const v = r.values;
  return (
    `${formatInt(v.instances)} instances of ${v.vcpus} vCPU, ${v.memoryGiB} GiB memory and ${v.storageGiB} GiB data disk (${OS_LABELS[v.os]}) ` +
    `on servers of ${v.sockets} × ${v.coresPerSocket} cores, ${formatInt(v.hostMemoryGiB)} GiB memory and ${formatInt(v.hostDiskGiB)} GiB disk ` +
    `at ${formatCurrency(v.hostPrice, r.currency)} each, ${v.spareHost ? 'with one spare host per cluster' : 'with no spare hosts'}`
  );
}

export default function QuickCompare() {
  const id = useId().replace(/:/g, '');
  const formRef = useRef<HTMLFormElement>(null);
  const [inputs, setInputs] = useState<QuickInputs>(DEFAULT_INPUTS);
  const [shown, setShown] = useState<Shown>(initialState);
  const [calculatorHref, setCalculatorHref] = useState('/calculator/');
  const first = useRef(true);

  // Text typed before the island hydrated is in the inputs but not in the state yet.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const read: Partial<QuickInputs> = {};
    for (const f of NUMERIC_FIELDS) {
      const el = form.elements.namedItem(f);
      if (el instanceof HTMLInputElement && el.value !== DEFAULT_INPUTS[f]) read[f] = el.value;
    }
    if (Object.keys(read).length > 0) setInputs((prev) => ({ ...prev, ...read }));
  }, []);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const o = quickCompare(inputs);
      setShown((prev) => (o.ok ? { result: o.result, fields: {}, form: [] } : { result: prev.result, fields: o.fields, form: o.form }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [inputs]);

  // The calculator opens with the same host and workload, carried in the link's hash.
  const scenario = shown.result?.scenario;
  useEffect(() => {
    if (!scenario) return;
    let live = true;
    encodeScenario(scenario).then(
      (hash) => live && setCalculatorHref(`/calculator/${hash}`),
      () => live && setCalculatorHref('/calculator/'),
    );
    return () => {
      live = false;
    };
  }, [scenario]);

  const onInput = (field: NumericField, e: ChangeEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    // A number input reports '' for text it cannot read ("1e", "--"); say so rather than "required".
    const value = el.value === '' && el.validity.badInput ? 'not a number' : el.value;
    setInputs((prev) => ({ ...prev, [field]: value }));
  };

  const { result, fields, form } = shown;
  const stale = Object.keys(fields).length > 0 || form.length > 0;
  const err = (f: FieldId) => fields[f];
  const maxPerHost = result ? Math.max(1, ...result.rows.map((r) => (r.fits ? r.perHost : 0))) : 1;

  return (
    <div className={styles.quick}>
      <form ref={formRef} className={styles.form} onSubmit={(e) => e.preventDefault()} noValidate aria-describedby={`${id}-how`}>
        <fieldset className={`${styles.group} ${styles.host}`}>
          <legend>Host: one server</legend>
          <div className={styles.fields}>
            {HOST_FIELDS.map((f) => (
              <NumberField key={f} id={id} field={f} error={err(f)} onInput={onInput} />
            ))}
          </div>
        </fieldset>
        <fieldset className={styles.group} aria-describedby={fields.instance ? `${id}-instance-err` : undefined}>
          <legend>Instance: one copy of your workload</legend>
          <div className={styles.fields}>
            {INSTANCE_FIELDS.map((f) => (
              <NumberField key={f} id={id} field={f} error={err(f)} onInput={onInput} />
            ))}
            <div className={styles.field}>
              <label htmlFor={`${id}-os`}>
                Guest OS <span className={styles.unit}>(family)</span>
              </label>
              <select
                id={`${id}-os`}
                name="os"
                value={inputs.os}
                aria-invalid={err('os') ? true : undefined}
                aria-describedby={err('os') ? `${id}-os-err` : undefined}
                onChange={(e) => {
                  const os = e.currentTarget.value as OsFamily;
                  setInputs((prev) => ({ ...prev, os }));
                }}
              >
                {(Object.keys(OS_LABELS) as OsFamily[]).map((os) => (
                  <option key={os} value={os}>
                    {OS_LABELS[os]}
                  </option>
                ))}
              </select>
              <span className={styles.after}>
                {err('os') && (
                  <span className={styles.error} id={`${id}-os-err`}>
                    {err('os')}
                  </span>
                )}
              </span>
            </div>
          </div>
          {fields.instance && (
            <p className={styles.error} id={`${id}-instance-err`}>
              {fields.instance}
            </p>
          )}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>Fleet</legend>
          <div className={styles.fields}>
            <NumberField id={id} field="instances" error={err('instances')} onInput={onInput} />
            <div className={styles.check}>
              <input
                id={`${id}-spare`}
                name="spareHost"
                type="checkbox"
                checked={inputs.spareHost}
                aria-describedby={err('spareHost') ? `${id}-spare-err` : undefined}
                onChange={(e) => {
                  const spareHost = e.currentTarget.checked;
                  setInputs((prev) => ({ ...prev, spareHost }));
                }}
              />
              <label htmlFor={`${id}-spare`}>
                One spare host per cluster <span className={styles.unit}>(N+1)</span>
              </label>
              {err('spareHost') && (
                <span className={styles.error} id={`${id}-spare-err`}>
                  {err('spareHost')}
                </span>
              )}
            </div>
          </div>
        </fieldset>
        <p className={`${styles.how} muted`} id={`${id}-how`}>
          Results update as you type. Everything is computed in this page by the <code>kernelcount</code> package.
        </p>
      </form>

      <section className={styles.results} aria-labelledby={`${id}-results`}>
        <h3 id={`${id}-results`} className="visually-hidden">
          Results
        </h3>
        {form.length > 0 && (
          <div className="notice error" role="alert">
            {form.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        {stale && result && (
          <p className={`notice warn ${styles.stale}`}>These results are for the last valid inputs; fix the marked fields to update them.</p>
        )}
        {result ? (
          <>
            <p className={styles.summary} aria-live="polite" data-testid="quick-summary">
              {result.summary}
            </p>
            <div className="table-scroll">
              {/* Roles restated: the phone layout changes the table's display, which can drop its semantics. */}
              <table role="table" className={`${styles.table} ${stale ? styles.staleTable : ''}`}>
                <caption>{caption(result)}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th role="columnheader" scope="col">Platform</th>
                    <th role="columnheader" scope="col" className="num">
                      Fit on one host<sup><a href={`#${id}-note-fit`} aria-label="note 1">1</a></sup>
                    </th>
                    <th role="columnheader" scope="col" className="num">
                      Hosts for {formatInt(result.values.instances)}
                      <sup><a href={`#${id}-note-hosts`} aria-label="note 2">2</a></sup>
                    </th>
                    <th role="columnheader" scope="col">
                      Bound by<sup><a href={`#${id}-note-bound`} aria-label="note 3">3</a></sup>
                    </th>
                    <th role="columnheader" scope="col" className="num">
                      Cost per instance-month<sup><a href={`#${id}-note-cost`} aria-label="note 4">4</a></sup>
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {result.rows.map((r) => (
                    <tr role="row" key={r.type} data-platform={r.type}>
                      <th role="rowheader" scope="row" className={styles.platform}>
                        <span className={styles.swatch} style={{ background: PLATFORM_COLOURS[r.type] }} aria-hidden="true" />
                        {PLATFORM_LABELS[r.type].title}
                      </th>
                      {r.fits ? (
                        <>
                          <td role="cell" className="num" data-label="Fit on one host">
                            <span className={styles.figure}>{formatInt(r.perHost)}</span>
                            <span className={styles.bar} aria-hidden="true">
                              <span style={{ width: `${(100 * r.perHost) / maxPerHost}%`, background: PLATFORM_COLOURS[r.type] }} />
                            </span>
                          </td>
                          <td role="cell" className="num" data-label={`Hosts for ${formatInt(result.values.instances)}`}>
                            <span className={styles.figure}>{formatInt(r.hosts)}</span>
                            {r.spareHosts > 0 && (
                              <span className={styles.sub}>
                                {formatInt(r.loadHosts)} + {formatInt(r.spareHosts)} spare
                              </span>
                            )}
                            {r.addedHosts > 0 && <span className={styles.sub}>{formatInt(r.addedHosts)} added for licences</span>}
                          </td>
                          <td role="cell" data-label="Bound by">
                            {BINDING_WORDS[r.binding]}
                            {r.perHostBinding !== r.binding && <span className={styles.sub}>one host: {BINDING_WORDS[r.perHostBinding]}</span>}
                          </td>
                          <td role="cell" className="num" data-label="Cost per instance-month">
                            <span className={styles.figure}>{formatCurrency(r.costPerInstanceMonth, result.currency, 2)}</span>
                          </td>
                        </>
                      ) : (
                        <td role="cell" colSpan={4} className={styles.misfit}>
                          Does not fit: {r.reason}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ol className={styles.notes}>
              <li id={`${id}-note-fit`}>
                The most instances of this size on one server after the platform&rsquo;s own overheads and reservations, planned to the
                default target utilisation (the package&rsquo;s <code>maxPerHost</code>). For containers in VMs it is pods per node VM
                times the node VMs on the fullest host of this fleet, so a small fleet shows fewer.
              </li>
              <li id={`${id}-note-hosts`}>
                Hosts to buy for the whole fleet, {result.values.spareHost ? 'one spare per cluster included (a Windows fleet on Kubernetes has a Linux cluster for the control plane too)' : 'no spares'}.
              </li>
              <li id={`${id}-note-bound`}>
                What runs out first across the fleet; &ldquo;one host&rdquo; says what stops one more instance on a server when that differs.
              </li>
              <li id={`${id}-note-cost`}>
                {result.horizonYears}-year cost of ownership (hardware, power, space, licences, control plane, operations) divided by
                instances and months, in {result.currency}, with the package&rsquo;s default prices.
              </li>
            </ol>
          </>
        ) : (
          <p className="notice error">The comparison could not be computed; fix the marked fields.</p>
        )}
        <p className={styles.next}>
          <a className="button primary" href={calculatorHref} data-testid="quick-to-calculator">
            Open these inputs in the calculator
          </a>
        </p>
      </section>
    </div>
  );
}
