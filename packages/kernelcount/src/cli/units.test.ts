import { describe, expect, it } from 'vitest';
import { NODE_LIMITS, parseCpuMillicores, parseInteger, parseSizeMiB } from './units.js';

const size = (text: string | true | undefined, allowZero = false) => parseSizeMiB('--memory', text, { allowZero, maxMiB: NODE_LIMITS.memoryMiB });
const cpu = (text: string | true | undefined, allowZero = false) => parseCpuMillicores('--vcpus', text, { allowZero, maxMillicores: NODE_LIMITS.cpuMillicores });

describe('parseSizeMiB: binary units are powers of 1024, a bare number is MiB', () => {
  it.each([
    ['512MiB', 512],
    ['16384MiB', 16384],
    ['8GiB', 8192], // 8 x 1024
    ['1TiB', 1048576], // 1024 x 1024
    ['1.5GiB', 1536], // 1.5 x 1024
    ['512Mi', 512],
    ['8Gi', 8192],
    ['2048KiB', 2], // 2048 / 1024
    ['512', 512], // bare number: MiB
    ['8gib', 8192], // any case
    ['8GIB', 8192],
    ['8 GiB', 8192], // a space before the unit
    ['  8Gi  ', 8192],
  ])('%s = %i MiB, exactly', (text, mib) => {
    expect(size(text)).toEqual({ value: mib });
  });

  it('fractions of a MiB round up, with a note', () => {
    // 0.3 x 1024 = 307.2 MiB
    expect(size('0.3GiB')).toEqual({ value: 308, note: '--memory 0.3GiB = 307.2 MiB, rounded up to 308 MiB' });
    expect(size('1.5')).toMatchObject({ value: 2 });
    expect(size('1Ki')).toMatchObject({ value: 1 }); // 1/1024 MiB
  });
});

describe('parseSizeMiB: decimal units are powers of 1000 and say so', () => {
  it('8GB = 8 x 10^9 bytes = 7629.39 MiB, rounded up to 7630', () => {
    // 8,000,000,000 / 1,048,576 = 7629.394...
    expect(size('8GB')).toEqual({
      value: 7630,
      note: '--memory 8GB: decimal unit (1 GB = 1000000000 bytes) = 7629.39 MiB, rounded up to 7630 MiB; use GiB or Gi for binary sizes',
    });
    expect(size('8gb')).toMatchObject({ value: 7630 });
  });
  it.each([
    ['1MB', 1], // 0.95 MiB
    ['1000MB', 954], // 953.67 MiB
    ['1TB', 953675], // 953674.3 MiB
    ['1048576KB', 1000], // 1,048,576,000 bytes = exactly 1000 MiB: still noted as decimal
  ])('%s = %i MiB', (text, mib) => {
    const q = size(text);
    expect(q).toMatchObject({ value: mib });
    expect((q as { note: string }).note).toMatch(/decimal unit/);
  });
});

describe('parseSizeMiB refuses garbage, naming the flag and the accepted units', () => {
  it.each([
    ['8XB', 'invalid_type'],
    ['1e400GiB', 'invalid_type'], // no exponents
    ['', 'invalid_type'],
    ['GiB', 'invalid_type'],
    ['8G', 'invalid_type'], // one-letter suffixes are ambiguous (M vs m)
    ['512m', 'invalid_type'],
    ['0x10', 'invalid_type'],
    ['NaN', 'invalid_type'],
    ['Infinity', 'invalid_type'],
    ['8 G i B', 'invalid_type'],
    ['-1GiB', 'too_small'],
    ['0', 'too_small'],
    ['0GiB', 'too_small'],
    ['65TiB', 'too_big'], // above the 64 TiB host limit
    ['99999999999999999999999999TiB', 'too_big'],
  ])('%j -> %s', (text, code) => {
    const q = size(text);
    expect(q).toMatchObject({ code, path: '--memory' });
  });

  it('pins the messages', () => {
    expect(size('8XB')).toMatchInlineSnapshot(`
      {
        "code": "invalid_type",
        "message": "must be a size such as 512MiB, 8GiB, 1.5GiB, 8Gi or 8GB (a bare number is MiB); units: MiB, GiB, TiB, KiB, Mi, Gi, Ti, Ki, MB, GB, TB, KB, any case; got "8XB"",
        "path": "--memory",
      }
    `);
    expect(size('-1GiB')).toEqual({ code: 'too_small', path: '--memory', message: 'must be > 0, got "-1GiB"' });
    expect(size(undefined)).toMatchObject({ code: 'required', path: '--memory' });
    expect(size(true)).toMatchObject({ code: 'invalid_type', path: '--memory' });
  });

  it('accepts 0 where a size may be nothing, still refusing negatives', () => {
    expect(size('0', true)).toEqual({ value: 0 });
    expect(size('-1Mi', true)).toEqual({ code: 'too_small', path: '--memory', message: 'must be >= 0, got "-1Mi"' });
  });
});

describe('parseCpuMillicores: cores or millicores, whole millicores rounded up', () => {
  it.each([
    ['8', 8000],
    ['0.5', 500],
    ['.25', 250],
    ['0.29', 290], // exact: 0.29 x 1000 in binary floating point would be 289.99999999999997
    ['100m', 100],
    ['1500m', 1500],
    ['250 m', 250],
  ])('%s = %i m', (text, m) => {
    expect(cpu(text)).toEqual({ value: m });
  });

  it('rounds fractions of a millicore up and notes it', () => {
    expect(cpu('0.0005')).toEqual({ value: 1, note: '--vcpus 0.0005 = 0.5 m, rounded up to 1 m (whole millicores)' });
    expect(cpu('100.5m')).toMatchObject({ value: 101 });
  });

  it.each([
    ['0', 'too_small'],
    ['0m', 'too_small'],
    ['-1', 'too_small'],
    ['NaN', 'invalid_type'],
    ['', 'invalid_type'],
    ['1e3', 'invalid_type'],
    ['100M', 'invalid_type'], // M is not millicores
    ['two', 'invalid_type'],
    ['600000', 'too_big'],
  ])('%j -> %s', (text, code) => {
    expect(cpu(text)).toMatchObject({ code, path: '--vcpus' });
  });

  it('accepts 0 for a reservation', () => {
    expect(cpu('0', true)).toEqual({ value: 0 });
    expect(cpu('0m', true)).toEqual({ value: 0 });
  });
});

describe('parseInteger: whole numbers only', () => {
  const pods = (text: string | undefined) => parseInteger('--max-pods', text, { min: 1, max: 10000, what: 'pods' });
  it('reads whole numbers within bounds', () => {
    expect(pods('58')).toEqual({ value: 58 });
    expect(pods('1')).toEqual({ value: 1 });
    expect(pods('10000')).toEqual({ value: 10000 });
  });
  it('refuses 2.5 rather than rounding it', () => {
    expect(pods('2.5')).toEqual({ code: 'not_integer', path: '--max-pods', message: 'must be a whole number of pods, got "2.5"' });
  });
  it.each([
    ['0', 'too_small'],
    ['-3', 'too_small'],
    ['10001', 'too_big'],
    ['ten', 'invalid_type'],
    ['1e2', 'invalid_type'],
    ['', 'invalid_type'],
  ])('%j -> %s', (text, code) => {
    expect(pods(text)).toMatchObject({ code, path: '--max-pods' });
  });
  it('says what is missing', () => {
    expect(pods(undefined)).toEqual({ code: 'required', path: '--max-pods', message: 'is required (a whole number of pods)' });
  });
});
