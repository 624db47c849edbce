// Inventories in, spreadsheets out, and two scenarios compared, in a real browser: an RVTools vInfo
// CSV and kubectl pods + nodes JSON dropped on the calculator show the import report before they
// replace the scenario (and the import can be undone); a malformed file names its row and column;
// an RVTools .xlsx goes through the same dialog; the XLSX download is a workbook exceljs opens; "Keep
// as A", an edit and "Compare" list the changed input and the line items it moved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { PRINT_VIEWPORT, calculatorSettled, checkA11y, expect, expectNoHorizontalOverflow, repoRoot, screenshotDir, test } from './helpers';

const fixtures = path.join(repoRoot, 'tests', 'fixtures');
const fixture = (name: string) => path.join(fixtures, name);

/** The viewport as it is (a modal dialog is drawn over it), to test-results/screenshots/<name>-<project>.png. */
async function viewportShot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path: file, scale: 'css' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

async function ready(page: Page) {
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

async function fresh(page: Page, gotoPage: (p: string) => Promise<void>) {
  await gotoPage('/calculator');
  await ready(page);
}

/** Drops files (name + bytes as base64) on the calculator, as a drag from the desktop does. */
async function drop(page: Page, files: Array<{ name: string; type: string; path: string }>) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: readFileSync(f.path).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  const target = page.locator('.calculator');
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(target).toHaveClass(/dragging/);
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(target).not.toHaveClass(/dragging/);
}

test.describe('inventories, workbook and compare', () => {
  test('an RVTools vInfo CSV dropped on the page: report first, then the workloads, and undo', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    const before = await page.locator('input[data-path="name"]').inputValue();
    // The import runs in a module worker, off the page's thread.
    const worker = page.waitForEvent('worker');
    await drop(page, [{ name: 'RVTools_export_vInfo.csv', type: 'text/csv', path: fixture('RVTools_export_vInfo.csv') }]);
    expect((await worker).url()).toMatch(/ImportWorker[^/]*\.js$/);

    const dialog = page.getByRole('dialog', { name: /Import RVTools vInfo export: RVTools_export_vInfo\.csv/ });
    await expect(dialog).toBeVisible();
    const status = page.getByTestId('import-status');
    await expect(status).toHaveText('Read 8 VMs from RVTools_export_vInfo.csv: 6 imported into 4 workloads (6 instances) and 1 host type; 2 VMs skipped.');
    const skipped = page.getByTestId('import-skipped');
    await expect(skipped.getByRole('row', { name: /vInfo row 6/ })).toContainText('Template');
    await expect(skipped.getByRole('row', { name: /vInfo row 6/ })).toContainText('tmpl-rhel9');
    await expect(skipped.getByRole('row', { name: /vInfo row 7/ })).toContainText('Powerstate');
    await expect(skipped.getByRole('row', { name: /vInfo row 7/ })).toContainText('tick “Include powered-off and suspended VMs”');
    await expect(page.getByTestId('import-adjusted')).toContainText('FreeBSD 13.2-RELEASE');
    await expect(page.getByTestId('import-totals').getByRole('row', { name: /^scenario/ })).toContainText('17,000');
    await expect(dialog).toContainText('placeholder');
    // Nothing replaced yet.
    await expect(page.locator('input[data-path="name"]')).toHaveValue(before);

    // The options re-run the import.
    await dialog.getByLabel('Include powered-off and suspended VMs').check();
    await expect(status).toContainText('7 imported into 5 workloads');
    await dialog.getByLabel('in use').check();
    await expect(page.getByTestId('import-totals').getByRole('row', { name: /^read/ })).toContainText('414,720');
    await checkA11y(page, 'import dialog');
    await viewportShot(page, testInfo, 'inventory-rvtools-report');

    const [report] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the report (.txt)' }).click()]);
    expect(report.suggestedFilename()).toBe('rvtools-export-vinfo-import-report.txt');
    expect(readFileSync(await report.path(), 'utf8')).toMatch(/^kernelcount import: RVTools_export_vInfo\.csv, RVTools vInfo \(CSV\)\n  read 8 VMs; imported 7/);

    await dialog.getByRole('button', { name: 'Replace the current scenario' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('banner')).toContainText('Imported RVTools_export_vInfo.csv: 5 workloads, 7 instances, 1 VM skipped.');
    await expect(page.locator('input[data-path="name"]')).toHaveValue('RVTools import: RVTools_export_vInfo.csv');
    await expect(page.locator('input[data-path="workloads[0].name"]')).toHaveValue('linux-2vcpu-4gib');
    await expect(page.locator('input[data-path="workloads[0].instances"]')).toHaveValue('3');
    await expect(page.locator('.card[data-platform="vmware"]')).toBeVisible();
    await expect(page.getByTestId('summary')).not.toContainText('NaN');

    await page.getByRole('button', { name: 'Undo the import' }).click();
    await expect(page.locator('input[data-path="name"]')).toHaveValue(before);
    await expect(page.getByTestId('banner')).toContainText('Put back the scenario you had before the import');
  });

  test('kubectl pods and nodes dropped together become workloads and hosts', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    await drop(page, [
      { name: 'kubectl-nodes.json', type: 'application/json', path: fixture('kubectl-nodes.json') },
      { name: 'kubectl-pods.json', type: 'application/json', path: fixture('kubectl-pods.json') },
    ]);
    const dialog = page.getByRole('dialog', { name: /Import Kubernetes pods: kubectl-pods\.json/ });
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('nodes-file')).toHaveText('kubectl-nodes.json');
    await expect(page.getByTestId('import-status')).toHaveText('Read 8 pods from kubectl-pods.json: 7 imported into 4 workloads (7 instances) and 1 host type; 1 pod skipped.');
    const skipped = page.getByTestId('import-skipped');
    await expect(skipped.getByRole('row', { name: /kubectl-pods\.json items\[6\]/ })).toContainText('completed');
    await expect(skipped.getByRole('row', { name: /kubectl-nodes\.json items\[0\]/ })).toContainText('control-plane node');
    await expect(page.getByTestId('import-workloads').getByRole('row', { name: /^shop\/postgres/ })).toContainText('1,050');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'import dialog dark');
    await viewportShot(page, testInfo, 'inventory-kubectl-report');
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Replace the current scenario' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('input[data-path="workloads[0].name"]')).toHaveValue('shop/web');
    await expect(page.locator('input[data-path="hosts[0].name"]')).toHaveValue('m-16x64');
    await expect(page.locator('.card[data-platform="kubernetes"]')).toBeVisible();
  });

  test('pods picked alone get their nodes from the dialog; a malformed file names row and column', async ({ page, gotoPage }) => {
    await fresh(page, gotoPage);
    const before = await page.locator('input[data-path="name"]').inputValue();
    await page.locator('input[type=file][aria-label^="Import a scenario file"]').setInputFiles(fixture('kubectl-pods.json'));
    const dialog = page.getByRole('dialog');
    await expect(page.getByTestId('nodes-file')).toContainText('none');
    await expect(page.getByTestId('import-status')).toContainText('7 imported into 4 workloads');
    await dialog.locator('input[type=file]').setInputFiles(fixture('kubectl-nodes.json'));
    await expect(page.getByTestId('nodes-file')).toHaveText('kubectl-nodes.json');
    await expect(page.getByTestId('import-status')).toContainText('and 1 host type');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('input[data-path="name"]')).toHaveValue(before);

    await page.locator('input[type=file][aria-label^="Import a scenario file"]').setInputFiles(fixture('rvtools-bad-cpus.csv'));
    await expect(page.getByTestId('import-error')).toContainText('rvtools-bad-cpus.csv could not be imported: one problem.');
    await expect(page.getByTestId('import-error')).toContainText('vInfo row 3, column "CPUs": must be a whole number of vCPUs, got "four"');
    await expect(page.getByRole('button', { name: 'Replace the current scenario' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.locator('input[data-path="name"]')).toHaveValue(before);

    // A nodes file alone says what else is needed; a scenario file still loads as before.
    await page.locator('input[type=file][aria-label^="Import a scenario file"]').setInputFiles(fixture('kubectl-nodes.json'));
    await expect(page.getByTestId('banner')).toContainText('kubectl-nodes.json lists Kubernetes nodes');
  });

  test('an RVTools .xlsx workbook goes through the same report', async ({ page, gotoPage }, testInfo) => {
    // The workbook: the fixture's rows on a vInfo sheet, beside a vHost sheet, as RVTools writes it.
    const wb = new ExcelJS.Workbook();
    const rows = readFileSync(fixture('RVTools_export_vInfo.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .map((line) => [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
    const vinfo = wb.addWorksheet('vInfo');
    const header = rows[0]!;
    vinfo.addRow(header);
    const numeric = new Set(['CPUs', 'Memory', 'Provisioned MiB', 'In Use MiB']);
    for (const r of rows.slice(1)) vinfo.addRow(r.map((v, i) => (numeric.has(header[i]!) && v !== '' ? Number(v) : v === '' ? null : v)));
    wb.addWorksheet('vHost').addRow(['Host', '# CPU']);
    const file = testInfo.outputPath('RVTools_export_all.xlsx');
    await wb.xlsx.writeFile(file);

    await fresh(page, gotoPage);
    await page.locator('input[type=file][aria-label^="Import a scenario file"]').setInputFiles(file);
    await expect(page.getByRole('dialog', { name: /Import RVTools workbook: RVTools_export_all\.xlsx/ })).toBeVisible();
    await expect(page.getByTestId('import-status')).toHaveText('Read 8 VMs from RVTools_export_all.xlsx: 6 imported into 4 workloads (6 instances) and 1 host type; 2 VMs skipped.', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Replace the current scenario' }).click();
    await expect(page.locator('input[data-path="workloads[0].name"]')).toHaveValue('linux-2vcpu-4gib');
  });

  test('downloads the scenario as an .xlsx workbook that opens, with the totals on screen', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    const name = await page.locator('input[data-path="name"]').inputValue();
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Workbook (.xlsx)' }).click()]);
    const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    expect(download.suggestedFilename()).toBe(`${stem}.xlsx`);
    const file = testInfo.outputPath('download.xlsx');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inputs', 'Line items', 'Summary', 'Assumptions']);
    // Every platform's card total is in the Summary sheet (stored values of the live formulas).
    const summary = wb.getWorksheet('Summary')!;
    const cells: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => cells.push(String((c.value as { result?: unknown })?.result ?? c.value))));
    const cards = await page.locator('.card').evaluateAll((els) => els.map((c) => ({ name: c.querySelector('h3')!.textContent!, tco: c.querySelector('[data-testid^="tco-"]')!.textContent! })));
    for (const card of cards) {
      expect(cells).toContain(card.name);
      const whole = Number(card.tco.replace(/[^0-9]/g, ''));
      expect(cells.some((v) => Number.isFinite(Number(v)) && Math.round(Number(v)) === whole), `${card.name} ${card.tco} in Summary`).toBe(true);
    }
  });

  test('keep as A, change a field, compare: the changed input and the line items it moved', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    const compare = page.getByTestId('compare');
    await compare.getByRole('button', { name: 'Keep as A' }).click();
    await expect(compare).toContainText('A is “');
    const field = page.locator('input[data-path="workloads[0].instances"]');
    const workload = await page.locator('input[data-path="workloads[0].name"]').inputValue();
    const was = await field.inputValue();
    const now = String(Number(was) * 2);
    await field.fill(now);
    await expect(page.getByTestId('summary')).toBeVisible();
    await compare.getByRole('button', { name: 'Compare A with B' }).click();
    const inputs = page.getByTestId('compare-inputs');
    const row = inputs.getByRole('row', { name: new RegExp(`workloads\\[${workload}\\]\\.instances`) });
    await expect(row).toContainText(was);
    await expect(row).toContainText(now);
    await expect(page.getByTestId('compare-summary')).toContainText('One input differs between A and B.');
    const totals = page.getByTestId('compare-totals');
    const platforms = await page.locator('.card h3').allTextContents();
    for (const p of platforms) await expect(totals.getByRole('row', { name: new RegExp(`^${p} `) })).toBeVisible();
    // At least one platform's line items moved, each with an exact delta beside the rounded one.
    const lines = page.locator('[data-testid^="compare-lines-"]');
    expect(await lines.count()).toBeGreaterThan(0);
    const firstDelta = lines.first().locator('tbody data').first();
    await expect(firstDelta).toHaveText(/^[+\u2212]\$[\d,]+\.\d\d$/);
    expect(await firstDelta.getAttribute('value')).toMatch(/^-?\d+(\.\d+)?$/);
    await expect(page.locator('.compare-view')).not.toContainText('NaN');
    await checkA11y(page, 'compare view');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'compare view dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('compare-summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await viewportShot(page, testInfo, 'inventory-compare');

    // Printed with the report, and still there after a reload (kept like the autosave).
    await page.setViewportSize(PRINT_VIEWPORT);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('compare-inputs')).toBeVisible();
    await expectNoHorizontalOverflow(page, 'print');
    await page.getByTestId('compare').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await viewportShot(page, testInfo, 'inventory-compare-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await calculatorSettled(page);
    await gotoPage('/calculator');
    await ready(page);
    await expect(page.getByTestId('compare')).toContainText('A is “');
    await page.getByTestId('compare').getByRole('button', { name: 'Compare A with B' }).click();
    await expect(page.getByTestId('compare-inputs').getByRole('row', { name: new RegExp(`workloads\\[${workload}\\]\\.instances`) })).toContainText(now);
    await page.getByTestId('compare').getByRole('button', { name: 'Forget A' }).click();
    await expect(page.getByTestId('compare')).toContainText('Keep this scenario as A');
  });
});
