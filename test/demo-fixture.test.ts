import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { evaluateRules } from '../src/engine/evaluate.js';
import { parseInventory, serialiseInventory } from '../src/inventory/load.js';
import { buildDemoInventory } from './fixtures/demo/index.js';
import { buildSandboxInventory } from './fixtures/demo/sandbox.js';

/** The demo estate: the main account, and a small sandbox account (see README, `npm run demo`). */
const FIXTURES = [
  { path: 'fixtures/demo-account.json', build: buildDemoInventory },
  { path: 'fixtures/demo-sandbox-account.json', build: buildSandboxInventory },
];

describe('the demo estate fixtures', () => {
  const built = FIXTURES.map((f) => ({ ...f, inventory: f.build() }));
  if (process.env.UPDATE_FIXTURES === '1') for (const f of built) writeFileSync(f.path, serialiseInventory(f.inventory));

  it.each(built.map((f) => [f.path, f] as const))('%s is generated from test/fixtures/demo (npm run fixtures regenerates it)', (_, f) => {
    expect(readFileSync(f.path, 'utf8')).toBe(serialiseInventory(f.inventory));
  });

  it('holds one account per file', () => {
    expect(new Set(built.map((f) => f.inventory.account.id)).size).toBe(built.length);
  });

  const findings = FIXTURES.flatMap((f) => evaluateRules(RULES, parseInventory(readFileSync(f.path, 'utf8'), f.path)));
  const [main] = built;

  it.each(RULES.map((r) => [r.id]))('%s has both a FAIL and a PASS in the demo scan', (id) => {
    const statuses = new Set(findings.filter((f) => f.ruleId === id).map((f) => f.status));
    expect(statuses).toContain('FAIL');
    expect(statuses).toContain('PASS');
  });

  it('shows collection gaps as ERROR, in more than one region', () => {
    const errorRegions = new Set(findings.filter((f) => f.status === 'ERROR').map((f) => f.region));
    expect(errorRegions.size).toBeGreaterThanOrEqual(2);
  });

  it('spans several regions', () => {
    expect(main?.inventory.regions.length).toBeGreaterThanOrEqual(3);
  });
});
