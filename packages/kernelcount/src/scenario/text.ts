import { parseDocument } from 'yaml';
import { KernelcountError } from '../errors.js';

/** Largest scenario text accepted (5 MiB): bigger inputs are refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

export type ScenarioTextFormat = 'json' | 'yaml';

/**
 * Parses scenario text (JSON or YAML; YAML is a superset, so either parses as YAML) into a plain
 * value for `evaluate`. Syntax errors become a KernelcountError with code `parse_error` and the line.
 *
 * @example
 * parseScenarioText('hosts: []\nworkloads: []').hosts //=> []
 */
export function parseScenarioText(text: string, format: ScenarioTextFormat | 'auto' = 'auto'): unknown {
  if (typeof text !== 'string') {
    throw new KernelcountError([{ code: 'invalid_type', path: '', message: 'scenario text must be a string' }]);
  }
  if (text.length > MAX_SCENARIO_BYTES) {
    throw new KernelcountError([{ code: 'too_large_input', path: '', message: `scenario text is ${text.length} characters; the limit is ${MAX_SCENARIO_BYTES}` }]);
  }
  const trimmed = text.replace(/^\uFEFF/, '');
  if (format === 'json' || (format === 'auto' && /^\s*[{[]/.test(trimmed))) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch (e) {
      if (format === 'json') {
        throw new KernelcountError([{ code: 'parse_error', path: '', message: `not valid JSON: ${(e as Error).message}` }]);
      }
      // fall through: YAML flow syntax may still parse
    }
  }
  const doc = parseDocument(trimmed, { uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length) {
    throw new KernelcountError(
      doc.errors.slice(0, 20).map((err) => ({
        code: 'parse_error' as const,
        path: '',
        message: `not valid YAML${err.linePos?.[0] ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : ''}: ${err.message.split('\n')[0]}`,
      })),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    throw new KernelcountError([{ code: 'parse_error', path: '', message: `not valid YAML: ${(e as Error).message}` }]);
  }
}
