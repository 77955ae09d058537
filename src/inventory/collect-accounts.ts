import type { AwsCredentialIdentityProvider } from '@smithy/types';
import pLimit from 'p-limit';
import { accountOfRoleArn, assumeRoleCredentials, DEFAULT_SESSION_NAME } from '../aws/assume-role.js';
import { classifyError } from '../aws/classify-error.js';
import type { ClientFactory } from '../aws/client-factory.js';
import { CredentialsError } from '../util/errors.js';
import { collectInventory, type CollectOptions } from './collect.js';
import type { ErrorKind, Inventory } from './model.js';

export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

export interface AccountTarget {
  roleArn: string;
  /** Known before the scan for --accounts and --organization; otherwise read from the role ARN. */
  accountId?: string;
}

/** An account that could not be scanned at all: its role could not be assumed, or its credentials were refused. */
export interface AccountFailure {
  account: string;
  roleArn: string;
  operation: 'AssumeRole' | 'GetCallerIdentity';
  action: string;
  kind: ErrorKind;
  code: string;
  message: string;
}

export interface CollectAccountsOptions extends Omit<CollectOptions, 'clients'> {
  targets: readonly AccountTarget[];
  /** Whose credentials assume each target's role: the caller's, or a hub role's (--role-arn with --accounts). */
  via: ClientFactory;
  /** A client factory for one account, from the provider of that account's assumed-role credentials. */
  clientsFor: (credentials: AwsCredentialIdentityProvider) => ClientFactory;
  sessionName?: string;
  externalId?: string;
  /** Accounts collected at once; each has its own rate limits, so this bounds memory and sockets, not throttling. */
  accountConcurrency?: number;
  /** Told when an account is done (collected or failed), for the progress display. */
  onAccountDone?: (account: string) => void;
}

export interface CollectedAccounts {
  /** One per account that could be scanned, sorted by account id. */
  inventories: Inventory[];
  failures: AccountFailure[];
}

function failure(err: unknown, target: AccountTarget, operation: AccountFailure['operation']): AccountFailure {
  const c = classifyError(err instanceof CredentialsError && err.cause !== undefined ? err.cause : err);
  return {
    account: target.accountId ?? accountOfRoleArn(target.roleArn),
    roleArn: target.roleArn,
    operation,
    action: operation === 'AssumeRole' ? 'sts:AssumeRole' : 'sts:GetCallerIdentity',
    kind: c.kind,
    code: c.code,
    message: c.message,
  };
}

/**
 * Assumes a role in each target account and collects it, a few accounts at a time. One account's failure is
 * returned, not thrown: the other accounts complete. Anything else (a bug, Ctrl-C) still ends the whole scan.
 */
export async function collectAccounts(options: CollectAccountsOptions): Promise<CollectedAccounts> {
  const { targets, via, clientsFor, sessionName, externalId, accountConcurrency, onAccountDone, ...collect } = options;
  const home = collect.regions[0];
  if (home === undefined) throw new CredentialsError('no region to scan');
  const limit = pLimit(accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY);

  const results = await Promise.all(
    targets.map((target) =>
      limit(async (): Promise<Inventory | AccountFailure> => {
        collect.signal?.throwIfAborted();
        const credentials = assumeRoleCredentials(via, home, {
          roleArn: target.roleArn,
          sessionName: sessionName ?? DEFAULT_SESSION_NAME,
          ...(externalId !== undefined ? { externalId } : {}),
        });
        try {
          // Assumed up front, so a role that cannot be assumed is named as such rather than as a failed first call.
          await credentials();
        } catch (err) {
          onAccountDone?.(target.accountId ?? target.roleArn);
          return failure(err, target, 'AssumeRole');
        }
        const clients = clientsFor(credentials);
        try {
          return await collectInventory({ ...collect, clients });
        } catch (err) {
          if (err instanceof CredentialsError) return failure(err, target, 'GetCallerIdentity');
          throw err;
        } finally {
          clients.destroy();
          onAccountDone?.(target.accountId ?? target.roleArn);
        }
      }),
    ),
  );

  const inventories = results.filter((r): r is Inventory => 'slices' in r);
  const failures = results.filter((r): r is AccountFailure => !('slices' in r));
  return {
    inventories: inventories.sort((a, b) => a.account.id.localeCompare(b.account.id)),
    failures: failures.sort((a, b) => a.account.localeCompare(b.account)),
  };
}
