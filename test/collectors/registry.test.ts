import { describe, expect, it } from 'vitest';
import { findReadOperation, type ServiceId } from '../../src/aws/read-operations.js';
import { COLLECTORS } from '../../src/inventory/collectors/index.js';
import { SLICE_NAMES } from '../../src/inventory/model.js';
import { SLICES } from '../../src/inventory/slices.js';

describe('COLLECTORS', () => {
  it('has exactly one collector per slice, registered under its own slice name', () => {
    expect(Object.keys(COLLECTORS).sort()).toEqual([...SLICE_NAMES].sort());
    for (const name of SLICE_NAMES) expect(COLLECTORS[name].slice).toBe(name);
  });

  // A derived collector runs once per scan with every region: that suits slices built from others, and global slices
  // that must be read once per account, not once per scanned region.
  it('makes derived exactly the slices that depend on others or are global', () => {
    for (const name of SLICE_NAMES) {
      const derived = SLICES[name].dependsOn.length > 0 || SLICES[name].global;
      expect(COLLECTORS[name].scope, name).toBe(derived ? 'derived' : 'regional');
    }
  });

  it('declares only operations on the read-only allowlist', () => {
    for (const name of SLICE_NAMES) {
      for (const op of COLLECTORS[name].operations) {
        const [service, operation] = op.split(':') as [ServiceId, string];
        expect(findReadOperation(service, operation), op).toBeDefined();
      }
    }
  });
});
