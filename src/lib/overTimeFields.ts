/**
 * The editor's "Over time" and grid-carbon fields as scenario edits. Loaded with the page, so kept
 * small: the projection and its tables live in lib/overTime.ts (in the section's worker), the
 * energy figures' text in lib/overTimeFormat.ts (loaded with them).
 */
import { FIGURES, versionNames } from 'kernelcount';
import { getAt, setAt, type Draft, type Path } from './calculatorModel';

/** The catalog id of the grid's carbon intensity; its named versions are the regions. */
export const GRID_ID = 'carbon.gridIntensity';
/** The select's value for "my own figure" (`prices.gridIntensityGPerKWh`). */
export const OWN = '(own)';
const GRID = FIGURES[GRID_ID];
const VERSION_PATH: Path = ['catalogVersions', GRID_ID];
const OWN_PATH: Path = ['prices', 'gridIntensityGPerKWh'];
const OVERRIDE_PATH: Path = ['catalog', GRID_ID];

/**
 * An edit of `path` as a change of its section (`growth`, `finance`, ...), the section dropped when
 * the edit leaves it empty: an empty `growth: {}` is an error, an empty `finance: {}` clutter.
 */
export function prunedEdit(draft: Draft, path: Path, value: unknown): [Path, unknown] {
  const top = String(path[0]);
  const next = setAt(draft[top], path.slice(1), value) as object | undefined;
  return [[top], next && Object.keys(next).length ? next : undefined];
}

/** Whether the scenario says anything about time: growth (its own or a workload's) or finance. */
export function hasOverTime(draft: Draft): boolean {
  const ws = draft['workloads'];
  return ['growth', 'finance'].some((k) => Object.keys(draft[k] ?? {}).length > 0) || (Array.isArray(ws) && ws.some((w) => w?.growthPercentPerYear !== undefined));
}

/** The grid choice a scenario makes: a region's version, its own figure (OWN), or the default (''). */
export function gridChoice(draft: Draft): string {
  if (getAt(draft, OWN_PATH) !== undefined || getAt(draft, OVERRIDE_PATH) !== undefined) return OWN;
  const v = getAt(draft, VERSION_PATH);
  // The default's own version name reads as the default.
  return typeof v === 'string' && v !== GRID.version ? v : '';
}

/**
 * The scenario with another grid choice: a region, the default, or your own figure, which starts
 * as the figure in use (so the choice shows at once and the field is never empty).
 */
export function withGridChoice(draft: Draft, choice: string): Draft {
  const own = choice === OWN;
  const from = gridChoice(draft);
  let d = draft;
  for (const path of own ? [VERSION_PATH] : [OWN_PATH, OVERRIDE_PATH, VERSION_PATH]) {
    d = setAt(d, ...prunedEdit(d, path, path === VERSION_PATH && !own ? choice || undefined : undefined));
  }
  return own && from !== OWN ? setAt(d, OWN_PATH, (GRID.versions?.[from] ?? GRID).value) : d;
}

/** The select's choices: every region version of the catalog with its figure, and your own. */
export function gridOptions(): Array<{ value: string; label: string }> {
  return [
    ...versionNames(GRID)
      .slice(1)
      .map((n) => ({ value: n, label: `${n}: ${String(GRID.versions![n]!.value)} gCO2e/kWh` })),
    { value: OWN, label: 'your own figure' },
  ];
}

/** The default's label: `world average: 481 gCO2e/kWh (default)`. */
export const GRID_DEFAULT = `world average: ${String(GRID.value)} gCO2e/kWh (default)`;
