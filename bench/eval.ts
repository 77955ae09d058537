/**
 * `node dist/bench/eval.js INVENTORY.json`: times evaluating every rule over a saved inventory, in a fresh process,
 * and prints one JSON object. The benchmark runs it over a 100,000-resource inventory.
 */
import { RULES } from '../rules/index.js';
import { evaluateRules } from '../src/engine/evaluate.js';
import { loadInventory } from '../src/inventory/load.js';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: node dist/bench/eval.js INVENTORY.json\n');
  process.exit(2);
}
const loadStarted = performance.now();
const inventory = loadInventory(path);
const loadSeconds = (performance.now() - loadStarted) / 1000;
let items = 0;
for (const slice of Object.values(inventory.slices)) items += slice?.items.length ?? 0;
const started = performance.now();
const findings = evaluateRules(RULES, inventory);
const evalSeconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ inventoryItems: items, rules: RULES.length, findings: findings.length, loadSeconds, evalSeconds })}\n`,
);
