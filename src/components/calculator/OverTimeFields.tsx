/**
 * The editor's "Over time" group (growth, discount rate, purchase or lease) and the grid carbon
 * choice (a region's figure from the catalog, the world average, or your own). Each edits the
 * scenario's own fields, so links, autosave and exports carry them; the package's messages show
 * at the field like every other.
 */
import { HARDWARE_FINANCING } from 'kernelcount';
import { useState } from 'react';
import { getAt, setAt } from '../../lib/calculatorModel';
import { GRID_DEFAULT, GRID_HINT, GRID_ID, GRID_VALUE, OWN, gridChoice, gridOptions, prunedEdit, withGridChoice } from '../../lib/overTimeFields';
import { Fieldset, NumberField, SelectField, type FieldContext } from './fields';

/** A context whose edits drop the section they leave empty (`growth: {}` is an error). */
const pruning = (ctx: FieldContext): FieldContext => ({ ...ctx, set: (path, value) => ctx.set(...prunedEdit(ctx.draft, path, value)) });
const pct = '% a year';

export function OverTimeFields({ ctx }: { ctx: FieldContext }) {
  const c = pruning(ctx);
  const lease = getAt(ctx.draft, ['finance', 'hardware']) === 'lease';
  return (
    <Fieldset legend="Over time">
      <p className="help">Growth, the value of money over time and how hosts are paid for: the results show the costs year by year.</p>
      <div className="grid">
        <NumberField ctx={c} path={['growth', 'percentPerYear']} label="Growth" unit={pct} hint={{ value: '0', source: 'no growth' }} />
        <NumberField ctx={c} path={['finance', 'discountRatePercent']} label="Discount rate" unit={pct} hint={{ value: '0', source: 'no discounting' }} />
        <SelectField ctx={c} path={['finance', 'hardware']} label="Hosts" options={HARDWARE_FINANCING.map((h) => ({ value: h, label: `${h}d` }))} allowDefault="purchased (default)" />
        {(lease || getAt(ctx.draft, ['finance', 'leaseRatePercent']) !== undefined) && (
          <NumberField ctx={c} path={['finance', 'leaseRatePercent']} label="Lease rate" unit={pct} hint={{ value: '0', source: lease ? 'the default' : 'used only when hosts are leased' }} />
        )}
      </div>
    </Fieldset>
  );
}

/** Grid carbon intensity: the catalog's regions, the world average, or your own gCO2e/kWh. */
export function GridCarbonField({ ctx }: { ctx: FieldContext }) {
  const path = ['catalogVersions', GRID_ID];
  // "Your own figure" stays chosen while its field is emptied to type a new number.
  const [own, setOwn] = useState(false);
  const choice = gridChoice(ctx.draft) || (own ? OWN : '');
  const select: FieldContext = {
    ...ctx,
    draft: setAt(ctx.draft, path, choice || undefined),
    set: (_p, v) => {
      setOwn(v === OWN);
      ctx.set([], withGridChoice(ctx.draft, typeof v === 'string' ? v : ''));
    },
  };
  return (
    <>
      <SelectField ctx={select} path={path} label="Grid carbon intensity" options={gridOptions()} allowDefault={GRID_DEFAULT} hint={GRID_HINT} />
      {choice === OWN && <NumberField ctx={pruning(ctx)} path={['prices', 'gridIntensityGPerKWh']} label="Your grid figure" unit="gCO2e/kWh" hint={{ value: GRID_VALUE, source: 'the world average' }} />}
    </>
  );
}
