import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { leastPrivilegePolicy } from '../../src/cli/policy-command.js';
import { READ_OPERATIONS } from '../../src/aws/read-operations.js';
import { COLLECTORS } from '../../src/inventory/collectors/index.js';
import { SLICE_NAMES } from '../../src/inventory/model.js';
import { sliceClosure } from '../../src/inventory/slices.js';

type Statement = { Effect: string; Action: string[]; Resource: string };
const actionsOf = (policy: Record<string, unknown>): string[] => (policy.Statement as Statement[]).flatMap((s) => s.Action);

describe('mlaudit policy', () => {
  const full = leastPrivilegePolicy({ rules: [], excludeRules: [] });

  it('allows an action for every operation any collector of a selected rule can call', () => {
    const allowed = new Set(actionsOf(full));
    const needed = sliceClosure(RULES.flatMap((r) => r.needs)).flatMap((s) => COLLECTORS[s].operations);
    for (const op of needed) {
      const [service, operation] = op.split(':');
      const entry = READ_OPERATIONS.find((r) => r.service === service && r.operation === operation);
      expect(entry, `${op} is not on the read allowlist`).toBeDefined();
      expect(allowed.has(entry?.action ?? ''), `${op} → ${entry?.action} missing from the policy`).toBe(true);
    }
    expect(allowed.has('sts:GetCallerIdentity')).toBe(true);
  });

  it('allows nothing but reads', () => {
    for (const action of actionsOf(full)) {
      expect(action).toMatch(/^[a-z-]+:(Describe|List|Get|View)[A-Za-z0-9]*$/);
    }
  });

  it('every collector operation is on the allowlist', () => {
    for (const slice of SLICE_NAMES) {
      for (const op of COLLECTORS[slice].operations) {
        const [service, operation] = op.split(':');
        expect(READ_OPERATIONS.some((r) => r.service === service && r.operation === operation), op).toBe(true);
      }
    }
  });

  it('narrows to what the selected rules need', () => {
    const one = actionsOf(leastPrivilegePolicy({ rules: ['notebook-root-disabled'], excludeRules: [] }));
    expect(one).toEqual(['sagemaker:DescribeNotebookInstance', 'sagemaker:ListNotebookInstances', 'sts:GetCallerIdentity']);
    expect(actionsOf(full).length).toBeGreaterThan(one.length);
  });
});
