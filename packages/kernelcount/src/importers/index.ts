/**
 * kernelcount/importers: real inventories in. RVTools (the vInfo tab as CSV, or the .xlsx
 * workbook) and kubectl (`get pods -A -o json`, `get nodes -o json`) become a scenario plus a
 * report of every row skipped or value adjusted.
 *
 * A separate entry point so that code importing only `evaluate` from `kernelcount` never pulls in
 * the CSV and workbook parsers (papaparse, exceljs).
 *
 * @example
 * import { importRvtools, formatImportReport } from 'kernelcount/importers';
 * const { scenario, report } = await importRvtools(readFileSync('RVTools_export_all.xlsx'));
 * console.error(formatImportReport(report));
 *
 * @packageDocumentation
 */
export { importRvtools, importRvtoolsCsv, importRvtoolsXlsx, osFamilyFromGuestOs, RVTOOLS_COLUMNS } from './rvtools.js';
export type { RvtoolsImportOptions } from './rvtools.js';
export { importKubectl, KUBE_SCHEDULER_DEFAULT_REQUEST } from './kubectl.js';
export type { KubectlImportOptions } from './kubectl.js';
export { parseQuantity, cpuMillicores, memoryMiB, memoryMiBFloor } from './quantity.js';
export type { Quantity } from './quantity.js';
export { formatImportReport, PLACEHOLDER_HOST, MAX_IMPORT_BYTES } from './report.js';
export type { ImportResult, ImportReport, ImportSource, ImportTotals, ImportedWorkload, ImportedHost, SkippedItem, SkipReason, Adjustment } from './report.js';
export { sniffFile, decodeText } from './sheet.js';
