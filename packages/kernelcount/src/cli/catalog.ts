/**
 * `kernelcount catalog`: every default and every rule with its source, date and trust, and the
 * named versions where a vendor changed a figure or sources disagree. Generated from CATALOG and
 * RULES, the same data evaluate and the site read.
 */
import { CATALOG } from '../catalog/catalog.js';
import { flagsFor, versionNames } from '../catalog/tracker.js';
import type { CatalogEntry } from '../catalog/types.js';
import { RULES } from '../rules/registry.js';
import { argPath, fail, isIssue, parseArgs, readFormat, type CliResult } from './args.js';

export const CATALOG_HELP = `Usage: kernelcount catalog [--format table|json|csv] [--defaults | --rules] [--today YYYY-MM-DD]

Lists every default of the catalog (value, unit, source, as-of date, trust, named versions) and
every vendor rule the model applies (what it computes, the function that applies it, source, date,
trust). Flags mark defaults older than 18 months (stale) or of weak trust, as of --today.

A scenario overrides any default by id under catalog:, picks a named version under
catalogVersions:, or uses the prices: shortcuts.

Options:
  --format table|json|csv   output format (default table)
                              json: { defaults: [...], rules: [...] }
                              csv:  one row per default, per named version and per rule
  --defaults                only the defaults
  --rules                   only the rules
  --today YYYY-MM-DD        date the stale flags are computed for (default: today)
  -h, --help                this help
`;

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function show(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Runs `kernelcount catalog`. */
export function cmdCatalog(args: string[]): CliResult {
  const p = parseArgs(args, ['format', 'today'], ['help', 'defaults', 'rules']);
  if (isIssue(p)) return fail([p], CATALOG_HELP);
  if (p.flags.has('help')) return { code: 0, stdout: CATALOG_HELP, stderr: '' };
  if (p.positional.length > 0) return fail([{ code: 'unknown_key', path: argPath(p.positional[0]!), message: 'catalog takes no arguments, only options' }], CATALOG_HELP);
  const format = readFormat(p.flags, ['table', 'json', 'csv'] as const, 'table');
  if (typeof format !== 'string') return fail([format]);
  const today = p.flags.get('today') ?? new Date().toISOString().slice(0, 10);
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    return fail([{ code: 'invalid_type', path: '--today', message: `must be a date YYYY-MM-DD, got ${JSON.stringify(today)}` }]);
  }
  if (p.flags.has('defaults') && p.flags.has('rules')) {
    return fail([{ code: 'conflict', path: '--rules', message: 'give --defaults or --rules, not both (neither lists both)' }]);
  }
  const withDefaults = !p.flags.has('rules');
  const withRules = !p.flags.has('defaults');
  const entries = Object.values(CATALOG) as CatalogEntry[];

  if (format === 'json') {
    const out: Record<string, unknown> = {};
    if (withDefaults) out['defaults'] = entries.map((e) => ({ ...e, flags: flagsFor(e, today), versionNames: versionNames(e) }));
    if (withRules) out['rules'] = RULES;
    return { code: 0, stdout: JSON.stringify(out, null, 2) + '\n', stderr: '' };
  }

  if (format === 'csv') {
    const rows = [['kind', 'id', 'version', 'label', 'value', 'unit', 'source', 'url', 'asOf', 'trust', 'flags', 'note']];
    if (withDefaults) {
      for (const e of entries) {
        rows.push(['default', e.id, e.version ?? '', e.label, show(e.value), e.unit, e.source.title, e.source.url ?? '', e.asOf, e.trust, flagsFor(e, today).join(' '), e.note ?? '']);
        for (const [name, v] of Object.entries(e.versions ?? {})) {
          rows.push(['version', e.id, name, e.label, show(v.value), e.unit, v.source.title, v.source.url ?? '', v.asOf, v.trust, flagsFor(v, today).join(' '), v.note ?? '']);
        }
      }
    }
    if (withRules) {
      for (const r of RULES) {
        rows.push(['rule', r.id, '', r.name, r.summary, r.functions.join(' '), r.source.title, r.source.url ?? '', r.asOf, r.trust, flagsFor(r, today).join(' '), r.catalogIds.join(' ')]);
      }
    }
    return { code: 0, stdout: rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n', stderr: '' };
  }

  const lines: string[] = [];
  if (withDefaults) {
    lines.push(`Defaults (${entries.length}); flags as of ${today}`, '');
    for (const e of entries) {
      const v = show(e.value);
      const flags = flagsFor(e, today);
      lines.push(e.id + (e.version ? ` @${e.version} (default)` : ''));
      lines.push(`    ${e.label}: ${v.length > 100 ? v.slice(0, 100) + '…' : v} ${e.unit}`);
      lines.push(`    ${e.source.title}, ${e.asOf} (${e.trust}${flags.length ? '; ' + flags.join(', ') : ''})`);
      for (const [name, ver] of Object.entries(e.versions ?? {})) {
        const vv = show(ver.value);
        lines.push(`    @${name}: ${vv.length > 90 ? vv.slice(0, 90) + '…' : vv} ${e.unit}; ${ver.source.title}, ${ver.asOf} (${ver.trust})`);
      }
      lines.push('');
    }
  }
  if (withRules) {
    lines.push(`Rules (${RULES.length})`, '');
    for (const r of RULES) {
      const flags = flagsFor(r, today);
      lines.push(`${r.id}: ${r.name}`);
      lines.push(`    ${r.summary}`);
      if (r.functions.length) lines.push(`    function: ${r.functions.join(', ')}`);
      if (r.catalogIds.length) lines.push(`    reads: ${r.catalogIds.join(', ')}`);
      lines.push(`    ${r.source.title}, ${r.asOf} (${r.trust}${flags.length ? '; ' + flags.join(', ') : ''})`);
      for (const v of r.versions ?? []) lines.push(`    @${v.name}: ${v.summary}`);
      lines.push('');
    }
  }
  return { code: 0, stdout: lines.join('\n').trimEnd() + '\n', stderr: '' };
}
