import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ClientFactory } from './client-factory.js';

export interface AssumeRoleSpec {
  roleArn: string;
  sessionName: string;
  externalId?: string;
  /** One hour: the most a role allows by default, and the most STS grants a chained role (hub → member). */
  durationSeconds?: number;
}

export const DEFAULT_SESSION_NAME = 'mlaudit';
export const DEFAULT_ROLE_DURATION_SECONDS = 3600;

/**
 * Renew this long before expiry. The SDK re-asks a provider once credentials are within five minutes of expiring;
 * renewing earlier means a scan longer than the session never sends a call signed with credentials about to lapse.
 */
export const REFRESH_BEFORE_MS = 10 * 60_000;

/**
 * A credential provider for `roleArn`, assumed with `via`'s credentials through one of its clients, so AssumeRole
 * itself passes the read-only guard and is counted and retried like every other call. Every client of an account
 * shares one provider: it caches the session, renews it before it expires, and sends one AssumeRole at a time however
 * many clients ask at once. A failure is not cached: the next caller tries again.
 */
export function assumeRoleCredentials(
  via: ClientFactory,
  region: string,
  spec: AssumeRoleSpec,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;

  const assume = async (): Promise<AwsCredentialIdentity> => {
    const out = await via.get('sts', region).send(
      new AssumeRoleCommand({
        RoleArn: spec.roleArn,
        RoleSessionName: spec.sessionName,
        DurationSeconds: spec.durationSeconds ?? DEFAULT_ROLE_DURATION_SECONDS,
        ...(spec.externalId !== undefined ? { ExternalId: spec.externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`STS AssumeRole returned no credentials for ${spec.roleArn}`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };

  const fresh = (c: AwsCredentialIdentity | undefined): c is AwsCredentialIdentity =>
    c !== undefined && (c.expiration === undefined || c.expiration.getTime() - now() > REFRESH_BEFORE_MS);

  return async () => {
    if (fresh(current)) return current;
    pending ??= assume()
      .then((c) => {
        current = c;
        return c;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

/** The partition of a region: role ARNs built from --role-name must name it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function roleArnFor(accountId: string, roleName: string, partition: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** The account id in a role ARN (`arn:aws:iam::111122223333:role/Name`). */
export function accountOfRoleArn(roleArn: string): string {
  return roleArn.split(':')[4] ?? '';
}
