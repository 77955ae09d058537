import type { ServiceId } from '../aws/read-operations.js';
import type { SliceName } from './model.js';

export interface SliceInfo {
  resourceType: string;
  /** Service prefix used in ARNs and IAM actions. */
  service: ServiceId;
  /** Global slices are collected once per account, not once per region. */
  global: boolean;
  /**
   * Derived slices are filled from references found in these slices (the KMS keys and roles that resources use),
   * so asking for a derived slice collects its sources too.
   */
  dependsOn: readonly SliceName[];
  /** The call whose failure leaves the whole slice short in a region (List*, or the first call of a derived slice). */
  listOperation: string;
  /** The per-resource call whose failure leaves one item out. */
  describeOperation: string;
}

/** A regional SageMaker slice listed with List<Noun>s and described with Describe<Noun>. */
export function sagemakerSlice(resourceType: string, noun: string, overrides: Partial<SliceInfo> = {}): SliceInfo {
  return {
    resourceType,
    service: 'sagemaker',
    global: false,
    dependsOn: [],
    listOperation: `List${noun}s`,
    describeOperation: `Describe${noun}`,
    ...overrides,
  };
}
