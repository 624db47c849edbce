import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KernelcountError } from '../errors.js';
import { cpuMillicores, memoryMiB, memoryMiBFloor, parseQuantity } from './quantity.js';

const MiB = 2 ** 20;

describe('parseQuantity', () => {
  // The Kubernetes docs ("Resource Management for Pods and Containers", memory units) give these as
  // roughly the same value: 128974848, 129e6, 129M, 128974848000m, 123Mi.
  it('reads the documented memory examples exactly, in bytes', () => {
    expect(parseQuantity('128974848').value.toString()).toBe('128974848');
    expect(parseQuantity('129e6').value.toString()).toBe('129000000');
    expect(parseQuantity('129M').value.toString()).toBe('129000000');
    expect(parseQuantity('128974848000m').value.toString()).toBe('128974848');
    expect(parseQuantity('123Mi').value.toString()).toBe(String(123 * MiB)); // 128974848
  });

  it('reads binary suffixes as powers of 1024 and decimal ones as powers of 1000', () => {
    expect(parseQuantity('1Ki').value.toString()).toBe('1024');
    expect(parseQuantity('1Gi').value.toString()).toBe('1073741824');
    expect(parseQuantity('1.5Gi').value.toString()).toBe('1610612736'); // 1536Mi, as the Quantity doc says
    expect(parseQuantity('1Ti').value.toString()).toBe('1099511627776');
    expect(parseQuantity('2Ei').value.toString()).toBe('2305843009213693952');
    expect(parseQuantity('1k').value.toString()).toBe('1000');
    expect(parseQuantity('1G').value.toString()).toBe('1000000000');
    expect(parseQuantity('1E').value.toString()).toBe('1000000000000000000'); // a bare E is exa
    expect(parseQuantity('1E3').value.toString()).toBe('1000'); // E with digits is an exponent
    expect(parseQuantity('5e-3').value.toString()).toBe('0.005');
    expect(parseQuantity('1e+2').value.toString()).toBe('100');
  });

  it('reads CPU forms: millis, fractions and the number forms of the grammar', () => {
    expect(parseQuantity('500m').value.toString()).toBe('0.5');
    expect(parseQuantity('0.1').value.toString()).toBe('0.1'); // the docs: 0.1 is the same as 100m
    expect(parseQuantity('1.').value.toString()).toBe('1');
    expect(parseQuantity('.5').value.toString()).toBe('0.5');
    expect(parseQuantity('+2').value.toString()).toBe('2');
    expect(parseQuantity('-2').value.toString()).toBe('-2');
    expect(parseQuantity('100u').value.toString()).toBe('0.0001');
    expect(parseQuantity('7n').value.toString()).toBe('0.000000007');
    expect(parseQuantity(2).value.toString()).toBe('2'); // a plain JSON number in a hand-written file
  });

  it('rounds finer than nine decimal places up, as Kubernetes does (0.1n becomes 1n)', () => {
    expect(parseQuantity('0.1n').value.toString()).toBe('0.000000001');
    expect(parseQuantity('1.0000000001').value.toString()).toBe('1.000000001');
  });

  it('records the format of the suffix', () => {
    expect(parseQuantity('1Gi').format).toBe('binarySI');
    expect(parseQuantity('1G').format).toBe('decimalSI');
    expect(parseQuantity('1').format).toBe('decimalSI');
    expect(parseQuantity('1e9').format).toBe('decimalExponent');
  });

  it('refuses what is not a quantity, naming the path', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['', /must be a Kubernetes quantity/],
      ['1GB', /unknown suffix "GB"/],
      ['1gi', /unknown suffix "gi"/],
      ['1 Gi', /unknown suffix " Gi"/],
      ['Gi', /must be a Kubernetes quantity/],
      ['1.5.5', /unknown suffix ".5"/],
      ['.', /must be a Kubernetes quantity/],
      ['1e', /unknown suffix "e"/],
      ['1e1.5', /unknown suffix/],
      ['1e400', /exponent out of range/],
      [null, /got null/],
      [Number.NaN, /got NaN/],
      [{}, /got an object/],
    ];
    for (const [text, pattern] of cases) {
      let error: unknown;
      try {
        parseQuantity(text, 'items[0].spec.containers[0].resources.requests.memory');
      } catch (e) {
        error = e;
      }
      expect(error, String(text)).toBeInstanceOf(KernelcountError);
      const issue = (error as KernelcountError).issues[0]!;
      expect(issue.path).toBe('items[0].spec.containers[0].resources.requests.memory');
      expect(issue.message, String(text)).toMatch(pattern);
    }
  });
});

describe('cpuMillicores', () => {
  it('gives whole millicores, rounding a fraction of one up', () => {
    expect(cpuMillicores('500m')).toBe(500);
    expect(cpuMillicores('0.1')).toBe(100);
    expect(cpuMillicores('2')).toBe(2000);
    expect(cpuMillicores('2.5')).toBe(2500);
    expect(cpuMillicores('0.1m')).toBe(1);
    expect(cpuMillicores('1e-3')).toBe(1);
    expect(cpuMillicores('0')).toBe(0);
  });

  it('refuses negative and absurd amounts', () => {
    expect(() => cpuMillicores('-1', 'cpu')).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: cpu: must not be negative, got "-1"]`);
    expect(() => cpuMillicores('1E', 'cpu')).toThrow(/too large/);
  });
});

describe('memoryMiB', () => {
  it('gives whole MiB, rounding up; the documented examples land on 123 or 124 MiB', () => {
    expect(memoryMiB('128974848')).toBe(123); // exactly 123 x 2^20
    expect(memoryMiB('123Mi')).toBe(123);
    expect(memoryMiB('128974848000m')).toBe(123);
    expect(memoryMiB('129e6')).toBe(124); // 129,000,000 / 1,048,576 = 123.02
    expect(memoryMiB('129M')).toBe(124);
    expect(memoryMiB('1Gi')).toBe(1024);
    expect(memoryMiB('1.5Gi')).toBe(1536);
    expect(memoryMiB('400m')).toBe(1); // 0.4 bytes: the docs' warning about m on memory
    expect(memoryMiB('0')).toBe(0);
  });

  it('rounds capacities down with memoryMiBFloor', () => {
    expect(memoryMiBFloor('32780112Ki')).toBe(32011); // 32780112 / 1024 = 32011.83
    expect(memoryMiBFloor('16Gi')).toBe(16384);
  });

  it('agrees with integer arithmetic for any whole number of Ki, Mi or plain bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (n) => {
        expect(memoryMiB(`${n}Ki`)).toBe(Math.ceil(n / 1024));
        expect(memoryMiBFloor(`${n}Ki`)).toBe(Math.floor(n / 1024));
        expect(memoryMiB(`${n}`)).toBe(Math.ceil(n / MiB));
        expect(memoryMiB(`${n % 2 ** 30}Mi`)).toBe(n % 2 ** 30);
      }),
    );
  });

  it('gives the same millicores for n, nm-as-millis and n/1000 cores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (milli) => {
        expect(cpuMillicores(`${milli}m`)).toBe(milli);
        const cores = `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`;
        expect(cpuMillicores(cores)).toBe(milli);
        expect(cpuMillicores(`${milli}e-3`)).toBe(milli);
      }),
    );
  });
});
