/**
 * KMS keys are referenced in many forms (key id, key ARN, alias name, alias ARN). Both the collector and the
 * engine turn a reference into one canonical ARN, so a key described once is found from every form.
 */
export function kmsReferenceArn(reference: string, region: string, accountId: string): string {
  if (reference.startsWith('arn:')) return reference;
  const resource = reference.startsWith('alias/') ? reference : `key/${reference}`;
  return `arn:aws:kms:${region}:${accountId}:${resource}`;
}

/** The region an ARN names, or `fallback` for a bare id or alias. */
export function regionOfReference(reference: string, fallback: string): string {
  if (!reference.startsWith('arn:')) return fallback;
  return reference.split(':')[3] || fallback;
}
