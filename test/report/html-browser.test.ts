/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core (which never downloads
 * a browser of its own). Skipped locally without /usr/bin/chromium; required under CI, where .ci/run installs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { ScanReport } from '../../src/report/report.js';
import { CHROMIUM, chromiumAvailability, CHROMIUM_HINT, suiteEnabled } from './external-tools.js';
import { baselineReport, DEMO, HOSTILE_NAME, hostileReport } from './report-fixtures.js';

const run = promisify(execFile);
const enabled = suiteEnabled('Chromium', chromiumAvailability(), CHROMIUM_HINT);

/** As root in a sandbox with no network: no sandboxing, no GPU, and none of Chromium's own background traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
  dialogs: string[];
}

describe.skipIf(!enabled)('HTML report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlaudit-html-'));
  let context: BrowserContext;
  let report: ScanReport;
  let demoUrl = '';

  beforeAll(async () => {
    // The demo through the CLI, HTML and JSON from the same run, so the page can be checked against the data.
    const htmlPath = join(dir, 'demo.html');
    const jsonPath = join(dir, 'demo.json');
    await run(process.execPath, ['bin/mlaudit', 'scan', '--inventory', DEMO, '--fail-on', 'none', '--format', `html=${htmlPath}`, '--format', `json=${jsonPath}`]);
    report = JSON.parse(readFileSync(jsonPath, 'utf8')) as ScanReport;
    demoUrl = pathToFileURL(htmlPath).href;
    // A fresh profile directory per run; Playwright passes it to Chromium as --user-data-dir.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 1000 },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Opened> {
    const page = await context.newPage();
    const opened: Opened = { page, requests: [], problems: [], dialogs: [] };
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') opened.problems.push(m.text());
    });
    page.on('pageerror', (e) => opened.problems.push(e.message));
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    return opened;
  }

  const visibleRows = (page: Page) => page.locator('#findings-table tbody tr.finding:visible');
  const count = (status: 'FAIL' | 'ERROR' | 'PASS') => report.findings.filter((f) => f.status === status).length;

  it('renders the summary, counts and matrix with no request beyond the file and no script error', async () => {
    const { page, requests, problems } = await open(demoUrl);
    expect(await page.title()).toContain(report.scan.accounts[0]);
    const cards = (await page.locator('#status-counts').innerText()).replace(/\s+/g, ' ');
    expect(cards).toContain(`${count('FAIL')} FAIL`);
    expect(cards).toContain(`${count('ERROR')} ERROR`);
    expect(cards).toContain(`${count('PASS')} PASS`);
    expect(await page.locator('#by-phase tbody tr').count()).toBe(6);
    expect(await page.locator('#by-dimension tbody tr').count()).toBe(8);
    expect(await page.locator('table.matrix tbody tr').count()).toBe(6);
    expect(await visibleRows(page).count()).toBe(report.findings.length);
    expect(await page.locator('#shown-count').innerText()).toBe(String(report.findings.length));
    // Anything the Content-Security-Policy blocked (our own script or style included) would be a console error.
    expect(problems).toEqual([]);
    expect(requests).toEqual([demoUrl]);
    await page.close();
  });

  it('filters hide rows: by status, severity, region, dimension and text; clearing shows them again', async () => {
    const { page, problems } = await open(demoUrl);
    const firstPass = page.locator('#findings-table tbody tr.finding[data-status="PASS"]').first();
    await expect.poll(() => firstPass.isVisible()).toBe(true);

    await page.selectOption('select[name=status]', 'FAIL');
    expect(await visibleRows(page).count()).toBe(count('FAIL'));
    expect(await firstPass.isHidden()).toBe(true);
    expect(await page.locator('#shown-count').innerText()).toBe(String(count('FAIL')));

    await page.selectOption('select[name=severity]', 'high');
    const highFails = report.findings.filter((f) => f.status === 'FAIL' && f.severity === 'high').length;
    expect(await visibleRows(page).count()).toBe(highFails);

    await page.click('button[type=reset]');
    await expect.poll(() => visibleRows(page).count()).toBe(report.findings.length);

    const region = report.scan.regions[0] ?? '';
    await page.selectOption('select[name=region]', region);
    expect(await visibleRows(page).count()).toBe(report.findings.filter((f) => f.region === region).length);
    await page.selectOption('select[name=region]', '');

    await page.selectOption('select[name=dimension]', 'fairness');
    expect(await visibleRows(page).count()).toBe(report.findings.filter((f) => f.dimensions.includes('fairness')).length);
    await page.selectOption('select[name=dimension]', '');

    const target = report.findings.find((f) => f.status === 'FAIL');
    await page.fill('input[name=q]', target?.resource.name ?? '');
    expect(await visibleRows(page).count()).toBeGreaterThan(0);
    expect(await visibleRows(page).count()).toBeLessThan(report.findings.length);
    await page.fill('input[name=q]', 'no-such-resource-anywhere');
    expect(await visibleRows(page).count()).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a matrix cell lists the results of its phase and dimension', async () => {
    const { page } = await open(demoUrl);
    const cell = page.locator('table.matrix button').first();
    const phase = (await cell.getAttribute('data-cell-phase')) ?? '';
    const dimension = (await cell.getAttribute('data-cell-dimension')) ?? '';
    await cell.click();
    expect(await page.locator('select[name=phase]').inputValue()).toBe(phase);
    expect(await page.locator('select[name=dimension]').inputValue()).toBe(dimension);
    const expected = report.findings.filter((f) => f.phase === phase && (f.dimensions as string[]).includes(dimension)).length;
    expect(await visibleRows(page).count()).toBe(expected);
    expect((await cell.innerText()).endsWith(`/ ${expected}`)).toBe(true);
    await page.close();
  });

  it('opens a FAIL to show its evidence, rationale and remediation', async () => {
    const { page } = await open(demoUrl);
    const fail = report.findings.find((f) => f.status === 'FAIL' && f.evidence && Object.keys(f.evidence).length);
    if (!fail) throw new Error('the demo needs a FAIL with evidence');
    await page.fill('input[name=q]', fail.resource.arn);
    await page.selectOption('select[name=status]', 'FAIL');
    const row = visibleRows(page).filter({ hasText: fail.ruleId }).first();
    const detail = row.locator('.detail');
    expect(await detail.isVisible()).toBe(false);
    await row.locator('summary').click();
    expect(await detail.isVisible()).toBe(true);
    const text = await detail.innerText();
    expect(text).toContain('Evidence');
    expect(text).toContain(Object.keys(fail.evidence ?? {})[0]);
    expect(text).toContain('Why it matters');
    expect(text).toContain('Remediation');
    await page.close();
  });

  it('with a baseline, the "new since the baseline" filter shows exactly the new FAILs, and the fixed list shows a hostile name as text', async () => {
    const path = join(dir, 'baseline.html');
    const compared = baselineReport();
    writeFileSync(path, renderHtml(compared, { failOn: 'high' }));
    const { page, dialogs, problems } = await open(pathToFileURL(path).href);
    const newFails = compared.findings.filter((f) => f.baseline === 'new');
    await page.selectOption('select[name=status]', 'FAIL-new');
    expect(await visibleRows(page).count()).toBe(newFails.length);
    expect(await page.locator('#findings-table tbody tr.finding:visible[data-baseline="new"]').count()).toBe(newFails.length);
    await page.click('button[type=reset]');
    await expect.poll(() => visibleRows(page).count()).toBe(compared.findings.length);
    expect(await page.locator('#baseline').innerText()).toContain(HOSTILE_NAME);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a resource named <script>alert(1)</script> as text: no script runs, no dialog opens', async () => {
    const path = join(dir, 'hostile.html');
    const hostile = hostileReport();
    writeFileSync(path, renderHtml(hostile, { failOn: 'high' }));
    const { page, dialogs, problems, requests } = await open(pathToFileURL(path).href);
    await page.click('#expand-all');
    const resources = await page.locator('#findings-table td.resource').allTextContents();
    expect(resources.some((t) => t.includes(HOSTILE_NAME))).toBe(true);
    expect(await page.locator('#findings-table').evaluate((t) => t.textContent ?? '')).toContain(HOSTILE_NAME);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    // Give any injected handler a moment to fire before concluding none did.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(path).href]);
    await page.close();
  });
});
