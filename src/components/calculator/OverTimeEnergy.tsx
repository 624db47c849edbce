/**
 * Energy and carbon next to cost, from the package's `energy` of each platform: kWh a year, tonnes
 * of CO2e over the horizon and the difference from the baseline in a card, and the grid figure
 * with its source and date in one line under the cards. Carbon is not money: it is never in a total.
 * Loaded just after the cards (OverTimeSection.tsx), so the page's first load carries none of it.
 */
import { assumptionText, type Evaluation, type PlatformResult } from 'kernelcount';
import { kWh, signedTonnes, tonnes } from '../../lib/overTimeFormat';

/** A card's rows for platform `p`, or, without `p`, the grid line. */
export default function Energy({ e, p }: { e: Evaluation; p?: PlatformResult }) {
  return p ? <EnergyRows p={p} e={e} /> : <GridLine e={e} />;
}

function EnergyRows({ p, e }: { p: PlatformResult; e: Evaluation }) {
  const cmp = e.comparisons.find((c) => c.platform === p.name);
  return (
    <>
      <div>
        <dt>Electricity</dt>
        <dd data-testid={`kwh-${p.name}`}>{kWh(p.energy.kWhPerYear)} kWh a year</dd>
      </div>
      <div>
        <dt>CO2e, {e.scenario.horizonYears} years</dt>
        <dd data-testid={`co2e-${p.name}`}>
          {tonnes(p.energy.co2eKgOverHorizon)} t
          {cmp && <span className="muted"> ({signedTonnes(cmp.co2eKgDelta)} t vs {cmp.baseline})</span>}
        </dd>
      </div>
    </>
  );
}

function GridLine({ e }: { e: Evaluation }) {
  const g = e.platforms[0]?.energy.grid;
  if (!g) return null;
  const { source } = assumptionText(g);
  return (
    <p className="muted small" data-testid="grid-line">
      CO2e from the hosts&apos; electricity (PUE included) at {g.gCO2ePerKWh.toString()} gCO2e/kWh
      {g.overridden ? ', your own figure' : `, ${g.version ?? 'default'}: `}
      {g.overridden ? '' : source.url ? <a href={source.url}>{source.title}</a> : source.title}
      {g.overridden ? '' : `, ${g.asOf} (${g.trust})`}; not money, so in no total; hardware&apos;s embodied carbon not counted.
    </p>
  );
}
