/**
 * The comparison of A (the kept scenario) with B (the one on screen): the inputs that differ, the
 * total per platform with its change, and per platform the line items whose totals moved. Every
 * delta is the package's exact decimal (`diffScenarios`), rounded for display; the exact figure is
 * in each cell's <data value>. The difference comes right after the name, so that a phone shows it
 * without scrolling sideways. Loaded on demand by CompareSection.
 */
import { diffScenarios } from 'kernelcount';
import { useMemo } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import { compareScenarios, type PlatformBlock } from '../../lib/compare';

const deltaClass = (sign: -1 | 0 | 1) => `num${sign > 0 ? ' delta-up' : sign < 0 ? ' delta-down' : ''}`;

function Delta({ exact, shown, sign }: { exact: string; shown: string; sign: -1 | 0 | 1 }) {
  return (
    <td className={deltaClass(sign)}>
      <data value={exact}>{shown}</data>
    </td>
  );
}

function LineItemsTable({ p, years }: { p: PlatformBlock; years: [number, number] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${p.name}: line items that differ`}>
      <table data-testid={`compare-lines-${p.name}`}>
        <caption>
          {p.name}: line items that differ ({p.lines.length}
          {p.unchanged > 0 ? `; ${p.unchanged} unchanged` : ''}), totals over {years[0] === years[1] ? `${years[1]} years` : `${years[0]} and ${years[1]} years`}
        </caption>
        <thead>
          <tr>
            <th scope="col">line item</th>
            <th scope="col" className="num">
              difference
            </th>
            <th scope="col" className="num">
              total A
            </th>
            <th scope="col" className="num">
              total B
            </th>
            <th scope="col" className="qty">
              A: quantity × unit price
            </th>
            <th scope="col" className="qty">
              B: quantity × unit price
            </th>
          </tr>
        </thead>
        <tbody>
          {p.lines.map((l, i) => (
            <tr key={i}>
              <th scope="row">
                {l.name}{' '}
                <span className="muted small">
                  ({l.category}
                  {l.change === 'changed' ? '' : `, ${l.change}`})
                </span>
              </th>
              <Delta exact={l.deltaExact} shown={l.delta} sign={l.sign} />
              <td className="num">{l.totalA}</td>
              <td className="num">{l.totalB}</td>
              <td>{l.a}</td>
              <td>{l.b}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">total</th>
            <Delta exact={p.deltaExact} shown={p.delta} sign={p.sign} />
            <td className="num">{p.tcoA}</td>
            <td className="num">{p.tcoB}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function CompareTable({ a, b, today }: { a: Draft; b: Draft; today: string }) {
  const r = useMemo(() => compareScenarios(diffScenarios, a, b, today), [a, b, today]);
  if (!r.ok) {
    return (
      <div className="notice error" role="alert">
        <p>{r.message}</p>
        <ul>
          {r.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      </div>
    );
  }
  const m = r.model;
  const changed = m.platforms.filter((p) => p.lines.length > 0);
  return (
    <div data-testid="compare-table">
      <p data-testid="compare-summary">{m.summary}</p>
      {m.notes.length > 0 && (
        <div className="notice warn" role="note">
          <ul>
            {m.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {m.inputs.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Inputs that differ">
          <table data-testid="compare-inputs">
            <caption>Inputs that differ ({m.inputs.length})</caption>
            <thead>
              <tr>
                <th scope="col">input</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
              </tr>
            </thead>
            <tbody>
              {m.inputs.map((i) => (
                <tr key={i.path}>
                  <th scope="row">
                    <code>{i.path}</code>
                    {i.change !== 'changed' && <span className="muted small"> ({i.change})</span>}
                  </th>
                  <td>{i.a}</td>
                  <td>{i.b}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No input differs.</p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Total per platform">
        <table data-testid="compare-totals">
          <caption>Total per platform ({m.currency}), A and B</caption>
          <thead>
            <tr>
              <th scope="col">platform</th>
              <th scope="col" className="num">
                difference
              </th>
              <th scope="col" className="num">
                total A
              </th>
              <th scope="col" className="num">
                total B
              </th>
              <th scope="col" className="nowrap">
                hosts A → B
              </th>
            </tr>
          </thead>
          <tbody>
            {m.platforms.map((p) => (
              <tr key={p.name}>
                <th scope="row">
                  {p.name}
                  {p.change === 'added in B' || p.change === 'only in A' ? <span className="muted small"> ({p.change})</span> : null}
                </th>
                <Delta exact={p.deltaExact} shown={p.delta} sign={p.sign} />
                <td className="num">{p.tcoA}</td>
                <td className="num">{p.tcoB}</td>
                <td className="nowrap">{p.hosts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changed.map((p) => (
        <LineItemsTable key={p.name} p={p} years={m.horizonYears} />
      ))}
    </div>
  );
}
