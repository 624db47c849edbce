import { describe, expect, it } from 'vitest';
import { baseScenario, TODAY } from '../../test/helpers.js';
import { evaluate } from '../evaluate.js';
import { csvCell, mdCell } from './cells.js';
import { formatMarkdown } from './format.js';

describe('Markdown cells', () => {
  it('escape pipes, < and >, and fold line breaks', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(mdCell('one\r\ntwo\nthree')).toBe('one two three');
    expect(mdCell('VMM overhead <= 5 MiB')).toBe('VMM overhead \\<= 5 MiB');
  });

  it('keep raw HTML from users\' names out of the Markdown report', () => {
    const s = baseScenario() as { name?: string; workloads: Array<{ name: string }> };
    s.name = '<script>alert(1)</script>';
    s.workloads[0]!.name = '"><svg onload=alert(2)>';
    const md = formatMarkdown(evaluate(s, { today: TODAY }));
    expect(md).toContain('# \\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(^|[^\\])<(script|svg)/);
  });
});

describe('CSV cells', () => {
  it('quote what needs it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    // A cell a spreadsheet would run as a formula starts with a quote; negative numbers stay numbers.
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});
