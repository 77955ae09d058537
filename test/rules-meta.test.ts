import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import type { Rule } from '../src/engine/rule.js';
import { ruleProblems } from '../src/engine/validate-rules.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = join(root, 'rules');
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .sort();

const REFERENCE_PREFIXES = ['ML Lens ', 'Security Hub ', 'AWS Config '];

describe('rule registry', () => {
  it('holds rules', () => {
    expect(RULES.length).toBeGreaterThan(0);
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it('is sorted by id, with unique ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('passes the engine validation', () => {
    expect(ruleProblems(RULES)).toEqual([]);
  });

  it('has one file per rule and nothing else', () => {
    expect(ruleFiles.map((f) => basename(f, '.ts')).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(ruleFiles)('rules/%s is registered and its id equals the file name', async (file) => {
    const mod = (await import(pathToFileURL(join(rulesDir, file)).href)) as { default?: Rule };
    expect(mod.default, `${file} has no default export`).toBeDefined();
    expect(RULES).toContain(mod.default);
    expect(mod.default?.id).toBe(basename(file, '.ts'));
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has a test file', () => {
    expect(existsSync(join(root, 'test', 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
  });

  it('has a title without "Ensure" or a final period, a rationale and a remediation', () => {
    expect(rule.title).not.toMatch(/^ensure\b/i);
    expect(rule.title).not.toMatch(/\.$/);
    expect(rule.rationale.trim().length).toBeGreaterThan(40);
    expect(rule.remediation.summary.trim().length).toBeGreaterThan(20);
  });

  it('has well-formed references, including AWS documentation', () => {
    for (const ref of rule.references) {
      const ok =
        /^https:\/\/\S+$/.test(ref) || REFERENCE_PREFIXES.some((p) => ref.startsWith(p) && ref.length > p.length);
      expect(ok, `malformed reference '${ref}'`).toBe(true);
    }
    expect(rule.references.some((r) => r.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
    const mlLens = /^ML Lens ML[A-Z]+\d{2}-BP\d{2}$/;
    expect(rule.references.some((r) => mlLens.test(r)), 'an ML Lens best-practice id').toBe(true);
    expect(new Set(rule.references).size).toBe(rule.references.length);
  });

  it('has messages with ids, and advisories are not high severity', () => {
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    for (const [messageId, template] of Object.entries(rule.messages)) {
      expect(messageId).toMatch(/^[a-z][a-zA-Z]*$/);
      expect(template.trim()).not.toBe('');
    }
    if (rule.kind === 'practice') expect(['critical', 'high']).not.toContain(rule.severity);
  });
});
