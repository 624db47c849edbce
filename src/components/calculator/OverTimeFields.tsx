/**
 * The editor's "Over time" group (growth, discount rate, purchase or lease) and the grid carbon
 * choice (a region's figure from the catalog, the world average, or your own). Each edits the
 * scenario's own fields, so links, autosave and exports carry them; the package's messages show
 * at the field like every other.
 */
import { HARDWARE_FINANCING } from 'kernelcount';
import { useState } from 'react';
import { getAt, setAt } from '../../lib/calculatorModel';
import { GRID_DEFAULT, GRID_ID, GRID_VALUE, OWN, gridChoice, gridOptions, prunedEdit, withGridChoice } from '../../lib/overTimeFields';
import { Fieldset, NumberField, SelectField, type FieldContext } from './fields';

/** A context whose edits drop the section they leave empty (`growth: {}` is an error). */
const pruning = (ctx: FieldContext): FieldContext => ({ ...ctx, set: (path, value) => ctx.set(...prunedEdit(ctx.draft, path, value)) });
const pct = '% a year';
const zero = { value: '0', source: 'the default' };

export function OverTimeFields({ ctx }: { ctx: FieldContext }) {
  const c = pruning(ctx);
  return (
    <Fieldset legend="Over time">
      <p className="help">The results then show the costs year by year.</p>
      <div className="grid">
        <NumberField ctx={c} path={['growth', 'percentPerYear']} label="Growth" unit={pct} hint={zero} />
        <NumberField ctx={c} path={['finance', 'discountRatePercent']} label="Discount rate" unit={pct} hint={zero} />
        <SelectField ctx={c} path={['finance', 'hardware']} label="Hosts" options={HARDWARE_FINANCING.map((h) => ({ value: h, label: `${h}d` }))} allowDefault="purchased (default)" />
        {/* Only a lease uses its rate (a rate left with a purchase is noted under Costs over time). */}
        {getAt(ctx.draft, ['finance', 'hardware']) === 'lease' && <NumberField ctx={c} path={['finance', 'leaseRatePercent']} label="Lease rate" unit={pct} hint={zero} />}
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
      <SelectField ctx={select} path={path} label="Grid carbon intensity" options={gridOptions()} allowDefault={GRID_DEFAULT} />
      {choice === OWN && <NumberField ctx={pruning(ctx)} path={['prices', 'gridIntensityGPerKWh']} label="Your grid figure" unit="gCO2e/kWh" hint={{ value: GRID_VALUE, source: 'the world average' }} />}
    </>
  );
}
