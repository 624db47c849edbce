/**
 * Cell and table helpers shared by the text, CSV and Markdown reports (evaluation, decisions,
 * uncertainty), so every report escapes and aligns the same way.
 */

/**
 * Aligns columns: the `left` columns (the first, by default) to the left, the others (numbers) to
 * the right, separated by `gap`, each line prefixed with `indent`.
 */
export function pad(rows: string[][], opts: { gap?: string; indent?: string; left?: readonly number[] } = {}): string {
  const { gap = '  ', indent = '', left = [0] } = opts;
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(gap).trimEnd()).join('\n');
}

/** One CSV cell. Cells a spreadsheet would run as a formula get a leading quote (negative numbers stay numbers). */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text, ending in a newline. */
export function csvRows(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** One Markdown table cell (or a heading's text): pipes, < and > escaped, line breaks folded. */
export function mdCell(v: string): string {
  // < and > escaped too: Markdown viewers render raw HTML, and names come from users' files.
  return v.replace(/\|/g, '\\|').replace(/[<>]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/** A Markdown table: the first row is the header; the first column is text, the others numbers. */
export function mdTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head!.map(mdCell).join(' | ')} |`,
    `| ${head!.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...body.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');
}
