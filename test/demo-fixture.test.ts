import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { evaluateRules } from '../src/engine/evaluate.js';
import { parseInventory, serialiseInventory } from '../src/inventory/load.js';
import { buildDemoInventory } from './fixtures/demo/index.js';

const PATH = 'fixtures/demo-account.json';

describe('the demo account fixture', () => {
  const built = buildDemoInventory();
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(PATH, serialiseInventory(built));

  it('is generated from test/fixtures/demo (npm run fixtures regenerates it)', () => {
    expect(readFileSync(PATH, 'utf8')).toBe(serialiseInventory(built));
  });

  const findings = evaluateRules(RULES, parseInventory(readFileSync(PATH, 'utf8'), PATH));

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
    expect(built.regions.length).toBeGreaterThanOrEqual(3);
  });
});
