/**
 * `node dist/bench/eval.js INVENTORY.json [--held]`: times evaluating every rule over a saved inventory, in a fresh
 * process, and prints one JSON object. The benchmark runs it over a 100,000-resource inventory.
 *
 * By default it times what a scan does: rules evaluated one at a time (`findingsByRule`: every rule, findings sorted
 * in report order) with each rule's findings counted into the report's summary and then let go. `--held` times the
 * older way, every finding of every rule kept in one array, for comparison.
 */
import { RULES } from '../rules/index.js';
import { evaluateRules } from '../src/engine/evaluate.js';
import { findingsByRule } from '../src/engine/rule-batches.js';
import { loadInventory } from '../src/inventory/load.js';
import { SummaryCounter } from '../src/report/report.js';

const args = process.argv.slice(2);
const held = args.includes('--held');
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  process.stderr.write('usage: node dist/bench/eval.js INVENTORY.json [--held]\n');
  process.exit(2);
}
const loadStarted = performance.now();
const inventory = loadInventory(path);
const loadSeconds = (performance.now() - loadStarted) / 1000;
let items = 0;
for (const slice of Object.values(inventory.slices)) items += slice?.items.length ?? 0;

const cpuBefore = process.cpuUsage();
const started = performance.now();
let findings = 0;
if (held) {
  findings = evaluateRules(RULES, inventory).length;
} else {
  const counter = new SummaryCounter();
  for (const batch of findingsByRule(RULES, [inventory])) {
    counter.add(batch.findings);
    findings += batch.findings.length;
  }
  if (counter.result(RULES.length).total !== findings) throw new Error('summary and findings disagree');
}
const evalSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({
    mode: held ? 'held' : 'by-rule',
    inventoryItems: items,
    rules: RULES.length,
    findings,
    loadSeconds,
    evalSeconds,
    evalCpuSeconds: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
