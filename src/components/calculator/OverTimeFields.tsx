/**
 * The editor's "Over time" group (growth, discount rate, purchase or lease) and the grid carbon
 * choice (a region's figure from the catalog, the world average, or your own). Each edits the
 * scenario's own fields, so links, autosave and exports carry them; the package's messages show
 * at the field like every other.
 */
import { HARDWARE_FINANCING } from 'kernelcount';
import { getAt, setAt } from '../../lib/calculatorModel';
import { GRID_DEFAULT, GRID_ID, OWN, gridChoice, gridOptions, prunedEdit, withGridChoice } from '../../lib/overTimeFields';
import { Fieldset, NumberField, SelectField, type FieldContext } from './fields';

/** A context whose edits drop the section they leave empty (`growth: {}` is an error). */
const pruning = (ctx: FieldContext): FieldContext => ({ ...ctx, set: (path, value) => ctx.set(...prunedEdit(ctx.draft, path, value)) });
const pct = '% a year';
const zero = { value: '0', source: 'the default' };

export function OverTimeFields({ ctx }: { ctx: FieldContext }) {
  const c = pruning(ctx);
  return (
    <Fieldset legend="Over time">
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
  const choice = gridChoice(ctx.draft);
  const select: FieldContext = { ...ctx, draft: setAt(ctx.draft, path, choice || undefined), set: (_p, v) => ctx.set([], withGridChoice(ctx.draft, String(v ?? ''))) };
  return (
    <>
      <SelectField ctx={select} path={path} label="Grid carbon intensity" options={gridOptions()} allowDefault={GRID_DEFAULT} />
      {/* Required: emptied to type another figure, it keeps the choice (pick another above to drop it). */}
      {choice === OWN && <NumberField ctx={ctx} path={['prices', 'gridIntensityGPerKWh']} label="Your grid figure" unit="gCO2e/kWh" required />}
    </>
  );
}
