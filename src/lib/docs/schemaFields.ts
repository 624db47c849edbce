/**
 * Flattens the package's scenario JSON Schema (`scenarioJsonSchema`) into rows of field, type,
 * default and description for the docs page, so the table follows the schema the validator
 * publishes. Object arrays become `hosts[].name`; the platform variants (a `oneOf` told apart by a
 * `type` constant) are merged, each field naming the platform types it applies to.
 */

type Schema = Record<string, unknown>;

export interface SchemaField {
  /** Dotted path, `[]` for array items: `workloads[].memoryGiB`. */
  path: string;
  /** The last key of the path (a catalog id under catalogVersions). */
  key: string;
  type: string;
  /** JSON of the schema's default, or '' when it has none. */
  default: string;
  description: string;
  required: boolean;
  /** Platform types the field applies to, when it does not apply to all of them. */
  appliesTo: string[];
  /** Set on a map-like object (any catalog id); the page links it to the assumptions. */
  map?: boolean;
  /** The allowed values (JSON) of an enum or constant, shown one by one. */
  values?: string[];
}

const asSchema = (x: unknown): Schema => (x && typeof x === 'object' ? (x as Schema) : {});
const list = (x: unknown): Schema[] => (Array.isArray(x) ? x.map(asSchema) : []);

function range(s: Schema): string {
  const lo = s['minimum'] ?? s['exclusiveMinimum'];
  const hi = s['maximum'];
  const loText = s['exclusiveMinimum'] !== undefined ? `> ${lo}` : `≥ ${lo}`;
  if (lo !== undefined && hi !== undefined) return s['exclusiveMinimum'] !== undefined ? `> ${lo}, ≤ ${hi}` : `${lo} to ${hi}`;
  if (lo !== undefined) return loText;
  if (hi !== undefined) return `≤ ${hi}`;
  return '';
}

/** A short, readable type: `integer, 1 to 64`, `"linux" | "windows"`, `number or decimal string, ≥ 0`. */
export function typeText(s: Schema): string {
  if (Array.isArray(s['enum'])) return (s['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s['const'] !== undefined) return JSON.stringify(s['const']);
  const anyOf = list(s['anyOf']);
  if (anyOf.length) {
    const types = anyOf.map((a) => (a['type'] === 'string' && a['pattern'] ? 'decimal string' : typeText(a).split(',')[0]!));
    const r = anyOf.map(range).find((x) => x) ?? '';
    return [types.join(' or '), r].filter(Boolean).join(', ');
  }
  const oneOf = list(s['oneOf']);
  if (oneOf.length && oneOf.every((o) => asSchema(o['properties']) && Object.keys(asSchema(o['properties'])).length)) {
    return 'object, one of ' + oneOf.map((o) => `{ ${Object.keys(asSchema(o['properties'])).join(', ')} }`).join(' or ');
  }
  const t = s['type'];
  if (t === 'array') {
    const items = asSchema(s['items']);
    const itemType = items['type'] === 'object' || items['properties'] || items['oneOf'] ? 'objects' : typeText(items);
    const n =
      s['minItems'] !== undefined && s['maxItems'] !== undefined
        ? `${s['minItems']} to ${s['maxItems']} items`
        : s['maxItems'] !== undefined
          ? `at most ${s['maxItems']}`
          : '';
    return [`array of ${itemType}`, n].filter(Boolean).join(', ');
  }
  if (t === 'string') {
    const parts = ['string'];
    if (s['pattern']) parts.push(`matching ${s['pattern']}`);
    if (s['minLength'] !== undefined && s['maxLength'] !== undefined) parts.push(`${s['minLength']} to ${s['maxLength']} characters`);
    else if (s['maxLength'] !== undefined) parts.push(`at most ${s['maxLength']} characters`);
    return parts.join(', ');
  }
  if (t === 'integer' || t === 'number') return [String(t), range(s)].filter(Boolean).join(', ');
  if (typeof t === 'string') return t;
  return 'any';
}

/** Fields that must be given one of: `allOf: [{ anyOf: [{ required: [a] }, { required: [b] }] }, ...]`. */
function oneOfGroups(s: Schema): string[][] {
  const groups: string[][] = [];
  for (const part of list(s['allOf'])) {
    const alts = list(part['anyOf']);
    if (alts.length > 1 && alts.every((a) => Array.isArray(a['required']) && (a['required'] as unknown[]).length === 1)) {
      groups.push(alts.map((a) => String((a['required'] as unknown[])[0])));
    }
  }
  return groups;
}

function describe(s: Schema, extra: string[] = []): string {
  const d = typeof s['description'] === 'string' ? s['description'].trim() : '';
  return [d, ...extra].filter(Boolean).join(' ');
}

/** A map-like object: many properties, none of which says its own type (the catalog overrides). */
function isMap(s: Schema): boolean {
  const props = Object.values(asSchema(s['properties'])).map(asSchema);
  return props.length > 10 && props.every((p) => p['type'] === undefined && p['enum'] === undefined && p['anyOf'] === undefined);
}

function walkObject(s: Schema, prefix: string, out: SchemaField[], appliesTo: string[] = []): void {
  const props = asSchema(s['properties']);
  const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
  const groups = oneOfGroups(s);
  for (const [name, raw] of Object.entries(props)) {
    // keys that are ids with dots (catalogVersions) in brackets, so the path stays unambiguous
    const p = asSchema(raw);
    const path = name.includes('.') ? `${prefix.replace(/\.$/, '')}['${name}']` : prefix + name;
    const group = groups.find((g) => g.includes(name));
    const extra = group ? [`Give one of ${group.join(' or ')}.`] : [];
    const map = isMap(p);
    const field: SchemaField = {
      path,
      key: name,
      type: map ? 'object: catalog id → value' : typeText(p),
      default: p['default'] !== undefined ? JSON.stringify(p['default']) : '',
      description: describe(p, extra),
      required: required.has(name),
      appliesTo,
    };
    if (map) field.map = true;
    if (Array.isArray(p['enum'])) field.values = (p['enum'] as unknown[]).map((v) => JSON.stringify(v));
    else if (p['const'] !== undefined) field.values = [JSON.stringify(p['const'])];
    out.push(field);
    if (map) continue;
    walkChildren(p, path, out, appliesTo);
  }
}

function walkChildren(p: Schema, path: string, out: SchemaField[], appliesTo: string[]): void {
  if (p['properties']) walkObject(p, `${path}.`, out, appliesTo);
  for (const variant of list(p['oneOf'])) if (variant['properties']) walkObject(variant, `${path}.`, out, appliesTo);
  if (p['type'] === 'array') {
    const items = asSchema(p['items']);
    const variants = list(items['oneOf']);
    const discriminated = variants.length > 0 && variants.every((v) => asSchema(asSchema(v['properties'])['type'])['const'] !== undefined);
    if (discriminated) walkVariants(variants, `${path}[].`, out);
    else {
      if (items['properties']) walkObject(items, `${path}[].`, out, appliesTo);
      for (const variant of variants) if (variant['properties']) walkObject(variant, `${path}[].`, out, appliesTo);
    }
  }
}

/** Platform-like variants: one row per distinct field schema, naming the variants it belongs to. */
function walkVariants(variants: Schema[], prefix: string, out: SchemaField[]): void {
  const all = variants.map((v) => String(asSchema(asSchema(v['properties'])['type'])['const']));
  const perVariant = variants.map((v, i) => {
    const rows: SchemaField[] = [];
    walkObject(v, prefix, rows, [all[i]!]);
    return rows;
  });
  const merged: SchemaField[] = [];
  for (const rows of perVariant) {
    for (const row of rows) {
      const same = merged.find((m) => m.path === row.path && m.type === row.type && m.default === row.default && m.description === row.description);
      if (same) same.appliesTo = [...same.appliesTo, ...row.appliesTo];
      else merged.push({ ...row, appliesTo: [...row.appliesTo] });
    }
  }
  // The discriminator: one row listing every type.
  const typeRows = merged.filter((m) => m.path === `${prefix}type`);
  if (typeRows.length) {
    typeRows[0]!.type = all.map((t) => JSON.stringify(t)).join(' | ');
    typeRows[0]!.values = all.map((t) => JSON.stringify(t));
    typeRows[0]!.appliesTo = [...all];
    typeRows[0]!.required = true;
    for (const extra of typeRows.slice(1)) merged.splice(merged.indexOf(extra), 1);
  }
  for (const m of merged) if (all.every((t) => m.appliesTo.includes(t))) m.appliesTo = [];
  // Keep duplicated paths (a field whose schema differs by type) next to each other.
  const order = [...new Set(merged.map((m) => m.path))];
  for (const p of order) out.push(...merged.filter((m) => m.path === p));
}

/** Every field of the scenario schema, in the schema's order. */
export function schemaFields(schema: unknown): SchemaField[] {
  const out: SchemaField[] = [];
  walkObject(asSchema(schema), '', out);
  return out;
}
