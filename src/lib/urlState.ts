/**
 * The whole scenario in the URL: JSON, deflated (raw DEFLATE through the platform's
 * CompressionStream) and written as base64url after `#s=v1.`. A link reproduces the exact inputs.
 *
 * Decoding treats the link as hostile: bounded length before and after inflating, a strict
 * alphabet, JSON only (never evaluated as code), and a plain message for every way it can fail.
 * Whether the scenario itself is valid is the package's job (`safeEvaluate`), not this module's.
 */

/** Longest encoded scenario a link may carry (characters after `#s=`). */
export const MAX_ENCODED_CHARS = 64 * 1024;
/** Largest scenario JSON a link may inflate to. */
export const MAX_JSON_BYTES = 1024 * 1024;
const PREFIX = 'v1.';
const KEY = 's';

export type Decoded = { ok: true; scenario: unknown } | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(padded);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | 'too-big'> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The hash fragment (`#s=v1....`) that carries this scenario. */
export async function encodeScenario(scenario: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  const deflated = await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  if (deflated === 'too-big') throw new Error('unreachable');
  return `#${KEY}=${PREFIX}${toBase64Url(deflated)}`;
}

/** The encoded scenario in a URL hash, or null when the hash carries none. */
export function scenarioParam(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of h.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === KEY) return part.slice(eq + 1);
  }
  return null;
}

/**
 * Reads a scenario from a URL hash. Never throws: every failure is a reason a person can read.
 *
 * @example
 * await decodeScenario(await encodeScenario({ hosts: [] })) //=> { ok: true, scenario: { hosts: [] } }
 */
export async function decodeScenario(hash: string): Promise<Decoded> {
  const param = scenarioParam(hash);
  if (param === null) return { ok: false, reason: 'the link carries no scenario' };
  if (param.length > MAX_ENCODED_CHARS) return { ok: false, reason: `the link is too long (${param.length.toLocaleString('en-US')} characters; at most ${MAX_ENCODED_CHARS.toLocaleString('en-US')})` };
  if (!param.startsWith(PREFIX)) return { ok: false, reason: 'the link was made by another version of this page or was edited (it does not start with v1.)' };
  const bytes = fromBase64Url(param.slice(PREFIX.length));
  if (!bytes || bytes.length === 0) return { ok: false, reason: 'the link is damaged: it contains characters a scenario link never has' };
  let inflated: Uint8Array | 'too-big';
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
  } catch {
    return { ok: false, reason: 'the link is damaged or cut short: its data cannot be unpacked' };
  }
  if (inflated === 'too-big') return { ok: false, reason: `the scenario in the link unpacks to more than ${MAX_JSON_BYTES / 1024 / 1024} MiB` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, reason: 'the link is damaged: its data is not text' };
  }
  try {
    const scenario: unknown = JSON.parse(text);
    if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) return { ok: false, reason: 'the link does not hold a scenario (an object with hosts and workloads)' };
    return { ok: true, scenario };
  } catch {
    return { ok: false, reason: 'the link is damaged: its data is not valid JSON' };
  }
}
