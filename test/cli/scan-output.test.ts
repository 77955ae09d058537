import { mkdtempSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { Suppression } from '../../src/config/config.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import { applySuppressions, SUPPRESS_TAG, tagIndex } from '../../src/engine/suppress.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { Inventory } from '../../src/inventory/model.js';
import { compareWithBaseline } from '../../src/report/baseline.js';
import { renderJson } from '../../src/report/json.js';
import { buildReport, type ScanReport } from '../../src/report/report.js';
import type { ScanIo, ScanPlan } from '../../src/cli/report-targets.js';
import { evaluateAndWrite, type ScanOutputInput } from '../../src/cli/scan-output.js';

const NOW = new Date('2026-03-02T10:00:05.000Z');
const STARTED = '2026-03-02T10:00:00.000Z';

class Capture extends Writable {
  readonly chunks: Buffer[] = [];
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }
}

function io(): { io: ScanIo; stdout: Capture } {
  const stdout = new Capture();
  return {
    stdout,
    io: {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: new Capture() as unknown as NodeJS.WriteStream,
      env: {},
      cwd: process.cwd(),
      now: () => NOW,
    },
  };
}

/** Two accounts; an owner's suppression tag on one failing resource; a config suppression, an expired one. */
function estate(): { inventories: Inventory[]; suppressions: Suppression[] } {
  const demo = loadInventory('fixtures/demo-account.json');
  const sandbox = loadInventory('fixtures/demo-sandbox-account.json');
  const notebook = demo.slices.notebookInstances?.items[0];
  if (!notebook) throw new Error('the demo account has notebooks');
  notebook.tags = { ...notebook.tags, [SUPPRESS_TAG]: 'notebook-root-disabled' };
  return {
    inventories: [demo, sandbox],
    suppressions: [
      { rule: 'endpoint-multi-instance', resource: 'arn:aws:sagemaker:*', reason: 'accepted (RISK-1)' },
      { rule: 'training-network-isolation', resource: '*', reason: 'old', expires: '2020-01-01' },
    ],
  };
}

/** The same run, every finding held at once: what the report must be, byte for byte. */
function heldReport(inventories: Inventory[], suppressions: Suppression[], baseline?: ScanReport): ScanReport {
  const { findings, expired } = applySuppressions(
    inventories.flatMap((inv) => evaluateRules(RULES, inv)),
    suppressions,
    NOW.toISOString().slice(0, 10),
    tagIndex(inventories),
  );
  const built = buildReport({
    version: '0.0.0-test',
    inventories,
    rules: RULES,
    findings,
    startedAt: STARTED,
    finishedAt: NOW.toISOString(),
    expiredSuppressions: expired,
  });
  return baseline ? compareWithBaseline(built, baseline, 'base.json') : built;
}

/** A baseline in which some FAILs are missing (new now), and some PASSes and ERRORs FAILed (fixed, or not checked). */
function baselineOf(report: ScanReport): ScanReport {
  const findings = report.findings.map((f, i) => {
    if (f.status === 'FAIL' && i % 3 === 0) return { ...f, status: 'PASS' as const };
    if (f.status !== 'FAIL' && i % 4 === 0) return { ...f, status: 'FAIL' as const };
    return f;
  });
  return { ...report, findings };
}

function input(inventories: Inventory[], suppressions: Suppression[], plan: ScanPlan, baseline?: ScanReport): ScanOutputInput {
  return {
    version: '0.0.0-test',
    rules: RULES,
    inventories,
    failures: [],
    ruleOptions: undefined,
    suppressions,
    baseline: baseline ? { report: baseline, source: 'base.json' } : undefined,
    startedAt: STARTED,
    plan,
    showPass: false,
  };
}

const plan = (targets: ScanPlan['targets']): ScanPlan => ({ targets, failOn: 'high', failOnError: false, colour: false });

describe('evaluateAndWrite: findings written one rule at a time', () => {
  it('writes the JSON report of the run that holds every finding, byte for byte, with suppressions and a baseline', () => {
    const { inventories, suppressions } = estate();
    const baseline = baselineOf(heldReport(estate().inventories, suppressions));
    const expected = heldReport(inventories, suppressions, baseline);
    expect(expected.baseline?.counts.new).toBeGreaterThan(0);
    expect(expected.baseline?.counts.fixed).toBeGreaterThan(0);
    expect(expected.baseline?.counts.unknown).toBeGreaterThan(0);
    expect(expected.suppressions.applied).toBeGreaterThan(1);
    expect(expected.suppressions.expired).toHaveLength(1);

    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-out-'));
    const out = join(dir, 'report.json');
    const run = io();
    const code = evaluateAndWrite(input(inventories, suppressions, plan([{ format: 'json', path: out }]), baseline), run.io);
    expect(readFileSync(out, 'utf8')).toBe(renderJson(expected));
    expect(code).toBe(exitCodeFor(expected.findings, expected.errors.length, { failOn: 'high', failOnError: false }));
    // The findings set aside while evaluating are gone; only the report is left.
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes the same bytes to stdout, and to a file beside another format that needs every finding', () => {
    const { inventories, suppressions } = estate();
    const expected = renderJson(heldReport(inventories, suppressions));
    const toStdout = io();
    evaluateAndWrite(input(inventories, suppressions, plan([{ format: 'json' }])), toStdout.io);
    expect(toStdout.stdout.text).toBe(expected);

    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-out-'));
    const both = io();
    evaluateAndWrite(
      input(inventories, suppressions, plan([{ format: 'json', path: join(dir, 'r.json') }, { format: 'markdown', path: join(dir, 'r.md') }])),
      both.io,
    );
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('mlaudit');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.md']);
  });

  it('counts each rule on the progress display and clears it before the report is written to stdout', () => {
    const { inventories } = estate();
    const events: string[] = [];
    const run: ScanIo = {
      ...io().io,
      stdout: { write: (chunk: string | Uint8Array) => events.push(`stdout ${String(chunk).length > 0}`) > 0 } as unknown as NodeJS.WriteStream,
    };
    evaluateAndWrite(
      {
        ...input(inventories, [], plan([{ format: 'text' }])),
        progress: { ruleDone: () => events.push('rule'), stop: () => events.push('stop') },
      },
      run,
    );
    const firstWrite = events.indexOf('stdout true');
    expect(events.filter((e) => e === 'rule')).toHaveLength(RULES.length);
    expect(events.indexOf('stop')).toBeGreaterThan(events.lastIndexOf('rule'));
    expect(firstWrite).toBeGreaterThan(events.indexOf('stop'));
  });

  it('exits 3 with --fail-on-error when some finding is ERROR, as a run holding every finding would', () => {
    const { inventories } = estate();
    const run = io();
    const code = evaluateAndWrite(
      input(inventories, [], { targets: [{ format: 'json' }], failOn: 'none', failOnError: true, colour: false }),
      run.io,
    );
    const report = JSON.parse(run.stdout.text) as ScanReport;
    expect(report.summary.byStatus.ERROR).toBeGreaterThan(0);
    expect(code).toBe(3);
  });

  it('leaves neither the report nor the set-aside findings behind when the report cannot be written', () => {
    const { inventories } = estate();
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-out-'));
    // A directory where the report should go: the final rename fails after everything else was written.
    const out = join(dir, 'report.json');
    mkdirSync(out);
    expect(() => evaluateAndWrite(input(inventories, [], plan([{ format: 'json', path: out }])), io().io)).toThrow();
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readdirSync(out)).toEqual([]);
  });
});
