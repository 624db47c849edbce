import { describe, expect, it } from 'vitest';
import { KernelcountError } from '../errors.js';
import { decodeText, readCsvTable, sniffFile } from './sheet.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffFile', () => {
  it('tells workbooks, old .xls, text and binary apart by their first bytes', () => {
    expect(sniffFile(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('xlsx');
    expect(sniffFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toBe('xls');
    expect(sniffFile(new TextEncoder().encode('VM,CPUs\n'))).toBe('text');
    expect(sniffFile(bytes(0xff, 0xfe, 0x56, 0x00))).toBe('text');
    expect(sniffFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x00))).toBe('binary');
    expect(sniffFile(bytes())).toBe('text');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x56, 0x4d))).toBe('VM');
    expect(decodeText(bytes(0x56, 0x4d))).toBe('VM');
    expect(decodeText(bytes(0xff, 0xfe, 0x56, 0x00, 0x4d, 0x00))).toBe('VM');
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x56, 0x00, 0x4d))).toBe('VM');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => decodeText(bytes(0x56, 0xc3, 0x28), 'latin1.csv')).toThrow(KernelcountError);
    expect(() => decodeText(bytes(0xc3, 0x28), 'latin1.csv')).toThrow(/latin1\.csv: is not text in UTF-8 or UTF-16/);
  });
});

describe('readCsvTable', () => {
  it('numbers rows as a spreadsheet does, a quoted line break staying in its row', () => {
    const t = readCsvTable('VM,Annotation\n"a","two\nlines"\n\n"b",""\n', 'vInfo');
    expect(t.headers).toEqual(['VM', 'Annotation']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['a', 'two\nlines'] },
      { row: 4, cells: ['b', null] },
    ]);
  });

  it('guesses semicolons and tabs, and strips a byte-order mark', () => {
    expect(readCsvTable('\uFEFFVM;CPUs\nx;2\n', 'vInfo').rows[0]!.cells).toEqual(['x', '2']);
    expect(readCsvTable('VM\tCPUs\nx\t2\n', 'vInfo').headers).toEqual(['VM', 'CPUs']);
  });

  it('skips blank lines before the header', () => {
    const t = readCsvTable('\n\nVM,CPUs\nx,1\n', 'vInfo');
    expect(t.rows).toEqual([{ row: 4, cells: ['x', '1'] }]);
  });
});
