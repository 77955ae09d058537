import { readFileSync } from 'node:fs';
import { UsageError } from '../util/errors.js';
import { jsonPieces } from '../util/json-pieces.js';
import { INVENTORY_SCHEMA_VERSION, SLICE_NAMES, type Inventory } from './model.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the envelope of a saved inventory; one line says what is wrong. */
export function parseInventory(text: string, source: string): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${source} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(data)) throw new UsageError(`${source} is not an mlaudit inventory (expected a JSON object)`);
  const version = data.schemaVersion;
  if (typeof version !== 'number') throw new UsageError(`${source} has no schemaVersion: is it an mlaudit inventory?`);
  if (version > INVENTORY_SCHEMA_VERSION) {
    throw new UsageError(
      `${source} has inventory schemaVersion ${version}, newer than this mlaudit understands (${INVENTORY_SCHEMA_VERSION}); upgrade mlaudit`,
    );
  }
  const account = data.account;
  if (!isObject(account) || typeof account.id !== 'string') throw new UsageError(`${source}: account.id is missing`);
  if (!Array.isArray(data.regions) || !data.regions.every((r) => typeof r === 'string')) {
    throw new UsageError(`${source}: regions must be a list of region names`);
  }
  if (typeof data.collectedAt !== 'string' || Number.isNaN(Date.parse(data.collectedAt))) {
    throw new UsageError(`${source}: collectedAt must be an ISO date`);
  }
  if (!isObject(data.slices)) throw new UsageError(`${source}: slices is missing`);
  for (const [name, slice] of Object.entries(data.slices)) {
    if (!(SLICE_NAMES as readonly string[]).includes(name)) throw new UsageError(`${source}: unknown slice '${name}'`);
    if (!isObject(slice) || !Array.isArray(slice.items) || !Array.isArray(slice.errors)) {
      throw new UsageError(`${source}: slice '${name}' needs 'items' and 'errors' lists`);
    }
  }
  return data as unknown as Inventory;
}

export function loadInventory(path: string): Inventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read inventory '${path}' (${code ?? 'error'})`);
  }
  return parseInventory(text, path);
}

export function serialiseInventory(inventory: Inventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}

/**
 * `serialiseInventory` in pieces: every item of every slice separately (inventory, slices, slice, items), so that
 * saving a large inventory never makes one string of all of it.
 */
export function* serialiseInventoryPieces(inventory: Inventory): Generator<string> {
  yield* jsonPieces(inventory, 4);
  yield '\n';
}
