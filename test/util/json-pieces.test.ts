import { describe, expect, it } from 'vitest';
import { loadInventory, serialiseInventory, serialiseInventoryPieces } from '../../src/inventory/load.js';
import { jsonPieces } from '../../src/util/json-pieces.js';

const joined = (pieces: Iterable<string>): string => [...pieces].join('');

describe('jsonPieces', () => {
  it('makes the text of JSON.stringify with an indent of 2, whatever the depth it expands to', () => {
    const value = {
      a: [1, 'two', null, undefined, () => 3, { b: [], c: {}, d: [[{ e: 'x\ny "q"' }]] }],
      skipped: undefined,
      fn: () => 1,
      when: new Date(Date.UTC(2026, 0, 2)),
      nested: { empty: [], list: [{ k: 1 }, { k: 2, deeper: { z: [true, false] } }] },
      unicode: 'réglage \u2028 \u001b[31m',
    };
    for (let expand = 0; expand <= 6; expand += 1) {
      expect(joined(jsonPieces(value, expand))).toBe(JSON.stringify(value, null, 2));
    }
    expect(joined(jsonPieces([], 3))).toBe('[]');
    expect(joined(jsonPieces({}, 3))).toBe('{}');
    expect(joined(jsonPieces('text', 3))).toBe('"text"');
  });

  it('hands over pieces of about a megabyte, never the whole of a large value', () => {
    const items = Array.from({ length: 4000 }, (_, i) => ({ name: `item-${i}`, text: 'x'.repeat(1000) }));
    const pieces = [...jsonPieces({ items }, 2)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1.1 * (1 << 20));
    expect(pieces.join('')).toBe(JSON.stringify({ items }, null, 2));
  });
});

describe('serialiseInventoryPieces', () => {
  it('writes the bytes of serialiseInventory for both demo accounts', () => {
    for (const file of ['fixtures/demo-account.json', 'fixtures/demo-sandbox-account.json']) {
      const inventory = loadInventory(file);
      expect(joined(serialiseInventoryPieces(inventory))).toBe(serialiseInventory(inventory));
    }
  });
});
