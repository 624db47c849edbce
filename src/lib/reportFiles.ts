/**
 * The calculator's CSV and Markdown downloads: the package's own report formatters, in a module the
 * page loads only when one of the buttons is pressed (they are not needed to show the results).
 */
export { formatCsv, formatMarkdown } from 'kernelcount';
