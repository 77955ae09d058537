import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
  type GetRoleResponse,
  type IAMClient,
  type Role,
} from '@aws-sdk/client-iam';
import { collectionError, type CollectorContext, type DerivedCollector } from '../collector.js';
import {
  GLOBAL_REGION,
  type AttachedPolicy,
  type CollectionError,
  type IamRole,
  type PolicyDocument,
  type Slice,
  type Slices,
} from '../model.js';
import { trustsSageMaker } from '../model-workspaces.js';
import { SLICES } from '../slices.js';

const AWS_MANAGED_POLICY_PREFIX = /^arn:aws[\w-]*:iam::aws:policy\//;
const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

export class MalformedPolicyDocumentError extends Error {
  override name = 'MalformedPolicyDocument';
}

/** IAM returns policy documents URL-encoded (RFC 3986) JSON. */
export function parsePolicyDocument(encoded: string | undefined, what: string): PolicyDocument {
  if (encoded === undefined) throw new MalformedPolicyDocumentError(`${what}: no document returned`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(encoded));
  } catch (err) {
    throw new MalformedPolicyDocumentError(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedPolicyDocumentError(`${what}: not a JSON object`);
  }
  return parsed as PolicyDocument;
}

/** Every role ARN the collected resources run as, deduplicated exactly (role names are compared as written). */
export function roleReferences(sources: Partial<Slices>): string[] {
  const arns = new Set<string>();
  const add = (arn: string | undefined): void => {
    if (arn) arns.add(arn);
  };
  for (const nb of sources.notebookInstances?.items ?? []) add(nb.roleArn);
  for (const job of sources.trainingJobs?.items ?? []) add(job.roleArn);
  for (const m of sources.models?.items ?? []) add(m.executionRoleArn);
  for (const fg of sources.featureGroups?.items ?? []) add(fg.roleArn);
  for (const c of sources.endpointConfigs?.items ?? []) add(c.executionRoleArn);
  // Studio domains are not among the iamRoles slice's sources, so they are here only when the scan collected them
  // for another rule. Their roles trust SageMaker, so ListRoles finds them anyway.
  for (const d of sources.domains?.items ?? []) add(d.defaultExecutionRole);
  return [...arns].sort();
}

/**
 * Whether a role from ListRoles may be a SageMaker execution role. ListRoles returns each trust policy URL-encoded,
 * like GetRole; one that does not parse is kept, so that describing it reports the problem rather than hiding the role.
 */
export function listedRoleTrustsSageMaker(role: Role): boolean {
  if (role.AssumeRolePolicyDocument === undefined) return true;
  try {
    return trustsSageMaker(parsePolicyDocument(role.AssumeRolePolicyDocument, `trust policy of ${role.Arn ?? ''}`));
  } catch {
    return true;
  }
}

export function toIamRole(
  d: GetRoleResponse,
  region: string = GLOBAL_REGION,
  policies: { attachedPolicies?: AttachedPolicy[]; inlinePolicies?: IamRole['inlinePolicies'] } = {},
): IamRole {
  const role = d.Role;
  const arn = role?.Arn ?? '';
  const tags: Record<string, string> = {};
  for (const t of role?.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
  return {
    arn,
    name: role?.RoleName ?? '',
    region,
    resourceType: SLICES.iamRoles.resourceType,
    tags,
    roleId: role?.RoleId,
    trustPolicy:
      role?.AssumeRolePolicyDocument !== undefined
        ? parsePolicyDocument(role.AssumeRolePolicyDocument, `trust policy of ${arn}`)
        : undefined,
    attachedPolicies: policies.attachedPolicies ?? [],
    inlinePolicies: policies.inlinePolicies ?? [],
  };
}

/** Remembers which call a failure came from, so the error names the right operation and IAM action. */
class StepError extends Error {
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${operation} failed`);
  }
}

export const iamRolesCollector: DerivedCollector<'iamRoles'> = {
  slice: 'iamRoles',
  scope: 'derived',
  operations: [
    'iam:GetRole',
    'iam:ListAttachedRolePolicies',
    'iam:ListRolePolicies',
    'iam:GetRolePolicy',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
    'iam:ListRoles',
  ],
  collect: async (ctx: CollectorContext, _regions, sources): Promise<Slice<IamRole>> => {
    // IAM is global: one client, signed for us-east-1, and one concurrency limit for the account.
    const client: IAMClient = ctx.clients.get('iam', 'us-east-1');
    const limit = ctx.limit('iam', GLOBAL_REGION);
    const step = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
      try {
        return await limit(() => {
          ctx.signal?.throwIfAborted();
          return call();
        });
      } catch (err) {
        throw new StepError(operation, err);
      }
    };
    const paged = async <P, T>(operation: string, pages: () => AsyncIterable<P>, pick: (p: P) => T[] | undefined) => {
      try {
        // A paginator sends its calls one after another, so one slot of the IAM limit covers them all.
        return await limit(async () => {
          const out: T[] = [];
          ctx.signal?.throwIfAborted();
          for await (const page of pages()) {
            out.push(...(pick(page) ?? []));
            ctx.signal?.throwIfAborted();
          }
          return out;
        });
      } catch (err) {
        throw new StepError(operation, err);
      }
    };

    // A customer-managed policy is often attached to many roles: fetch its document once.
    const policyDocuments = new Map<string, Promise<PolicyDocument>>();
    const customerPolicy = (policyArn: string): Promise<PolicyDocument> => {
      let p = policyDocuments.get(policyArn);
      if (!p) {
        p = (async () => {
          const policy = await step('GetPolicy', () => client.send(new GetPolicyCommand({ PolicyArn: policyArn })));
          const versionId = policy.Policy?.DefaultVersionId;
          const version = await step('GetPolicyVersion', () =>
            client.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId })),
          );
          try {
            return parsePolicyDocument(version.PolicyVersion?.Document, `policy ${policyArn} version ${versionId}`);
          } catch (err) {
            throw new StepError('GetPolicyVersion', err);
          }
        })();
        policyDocuments.set(policyArn, p);
      }
      return p;
    };

    const describeRole = async (roleArn: string, roleName: string): Promise<IamRole> => {
      const [role, attached, inlineNames] = await Promise.all([
        step('GetRole', () => client.send(new GetRoleCommand({ RoleName: roleName }))),
        paged(
          'ListAttachedRolePolicies',
          () => paginateListAttachedRolePolicies({ client, pageSize: 100 }, { RoleName: roleName }),
          (p) => p.AttachedPolicies,
        ),
        paged(
          'ListRolePolicies',
          () => paginateListRolePolicies({ client, pageSize: 100 }, { RoleName: roleName }),
          (p) => p.PolicyNames,
        ),
      ]);
      const [attachedPolicies, inlinePolicies] = await Promise.all([
        Promise.all(
          attached.map(async (a): Promise<AttachedPolicy> => {
            const arn = a.PolicyArn ?? '';
            const name = a.PolicyName ?? '';
            // AWS-managed policies are public and versioned by AWS: not fetched, only named.
            if (AWS_MANAGED_POLICY_PREFIX.test(arn)) return { arn, name, awsManaged: true };
            return { arn, name, awsManaged: false, document: await customerPolicy(arn) };
          }),
        ),
        Promise.all(
          inlineNames.map(async (policyName) => {
            const out = await step('GetRolePolicy', () =>
              client.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
            );
            try {
              const what = `inline policy ${policyName} of ${roleArn}`;
              return { name: policyName, document: parsePolicyDocument(out.PolicyDocument, what) };
            } catch (err) {
              throw new StepError('GetRolePolicy', err);
            }
          }),
        ),
      ]);
      try {
        return toIamRole(role, GLOBAL_REGION, { attachedPolicies, inlinePolicies });
      } catch (err) {
        throw new StepError('GetRole', err);
      }
    };

    const errors: CollectionError[] = [];
    const foreign: string[] = [];
    const targets: { arn: string; name: string }[] = [];
    // Role ARNs are compared case-insensitively only to avoid describing a listed role twice; a referenced role keeps
    // the ARN as written, so lookups (and errors) match the reference.
    const seen = new Set<string>();
    for (const arn of roleReferences(sources)) {
      const m = ROLE_ARN.exec(arn);
      if (!m || m[1] !== ctx.accountId) foreign.push(arn);
      else if (!seen.has(arn.toLowerCase())) {
        seen.add(arn.toLowerCase());
        targets.push({ arn, name: m[2] ?? '' });
      }
    }
    if (foreign.length > 0) {
      ctx.note(`iamRoles: not described, roles outside account ${ctx.accountId}: ${foreign.join(', ')}`);
    }

    // Every role SageMaker may assume, referenced or not: an unused execution role can still be passed to a new job.
    // A failed ListRoles leaves the slice short account-wide (no resourceArn); the referenced roles are still described.
    try {
      const listed = await paged(
        'ListRoles',
        () => paginateListRoles({ client, pageSize: 100 }, {}),
        (p) => p.Roles,
      );
      for (const role of listed) {
        const arn = role.Arn;
        if (!arn || seen.has(arn.toLowerCase()) || !listedRoleTrustsSageMaker(role)) continue;
        seen.add(arn.toLowerCase());
        targets.push({ arn, name: role.RoleName ?? ROLE_ARN.exec(arn)?.[2] ?? '' });
      }
    } catch (err) {
      const cause = err instanceof StepError ? err.cause : err;
      if (ctx.signal?.aborted) throw cause;
      errors.push(
        collectionError(cause, { slice: 'iamRoles', region: GLOBAL_REGION, service: 'iam', operation: 'ListRoles' }),
      );
    }

    const items = await Promise.all(
      targets.map(async ({ arn, name }): Promise<IamRole | undefined> => {
        try {
          return await describeRole(arn, name);
        } catch (err) {
          const cause = err instanceof StepError ? err.cause : err;
          if (ctx.signal?.aborted) throw cause;
          // Any failure leaves the role out, so rules that read it report ERROR instead of judging half a role.
          errors.push(
            collectionError(cause, {
              slice: 'iamRoles',
              region: GLOBAL_REGION,
              service: 'iam',
              operation: err instanceof StepError ? err.operation : 'GetRole',
              resourceArn: arn,
            }),
          );
          return undefined;
        }
      }),
    );
    return {
      items: items.filter((r): r is IamRole => r !== undefined).sort((a, b) => a.arn.localeCompare(b.arn)),
      errors: errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
