import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SESSION_NAME, partitionOf, roleArnFor } from '../aws/assume-role.js';
import { classifyError } from '../aws/classify-error.js';
import type { ClientFactory } from '../aws/client-factory.js';
import { listActiveAccounts } from '../aws/organization.js';
import type { AccountFailure, AccountTarget } from '../inventory/collect-accounts.js';
import { CredentialsError, UsageError } from '../util/errors.js';
import { parsePositiveInt } from './parse.js';

/** The many-account options exactly as commander hands them over. */
export interface AccountFlags {
  roleArn?: string;
  externalId?: string;
  roleSessionName?: string;
  accounts: string[];
  roleName?: string;
  organization?: boolean;
  accountConcurrency: string;
}

/** What to scan beyond the caller's own account, checked before any AWS call. */
export interface AccountPlan {
  /** --role-arn: alone, the one account to scan; with --accounts or --organization, the hub they are reached from. */
  roleArn?: string;
  members?: { source: 'list'; ids: string[] } | { source: 'organization' };
  roleName?: string;
  externalId?: string;
  sessionName: string;
  accountConcurrency: number;
}

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]+(\/[\w+=,.@-]+)*$/;
const ACCOUNT_ID = /^\d{12}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** `--accounts 111122223333,444455556666` or `--accounts @accounts.txt` (ids separated by commas, spaces or lines; `#` comments). */
export function parseAccountList(values: readonly string[], cwd: string): string[] {
  const ids: string[] = [];
  for (const value of values) {
    if (value.startsWith('@')) {
      const path = resolve(cwd, value.slice(1));
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read --accounts file '${value.slice(1)}' (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const fromFile = text
        .split('\n')
        .map((line) => line.replace(/#.*/, ''))
        .flatMap((line) => line.split(/[\s,]+/))
        .filter(Boolean);
      if (fromFile.length === 0) throw new UsageError(`--accounts file '${value.slice(1)}' lists no account id`);
      ids.push(...fromFile);
    } else {
      ids.push(value);
    }
  }
  for (const id of ids) {
    if (!ACCOUNT_ID.test(id)) throw new UsageError(`invalid account id '${id}' in --accounts; expected 12 digits`);
  }
  return [...new Set(ids)];
}

/** Undefined when the scan is of the caller's own account, the default. */
export function parseAccountFlags(flags: AccountFlags, cwd: string): AccountPlan | undefined {
  const accountConcurrency = parsePositiveInt(flags.accountConcurrency, '--account-concurrency', 64);
  const listed = flags.accounts.length > 0;
  if (listed && flags.organization) throw new UsageError('--accounts and --organization cannot be combined');
  if ((listed || flags.organization) && flags.roleName === undefined) {
    throw new UsageError(`${listed ? '--accounts' : '--organization'} needs --role-name, the role to assume in each account`);
  }
  if (flags.roleName !== undefined && !listed && !flags.organization) {
    throw new UsageError('--role-name needs --accounts or --organization (use --role-arn for a single role)');
  }
  if (flags.roleArn === undefined && flags.roleName === undefined) {
    const stray = [flags.externalId !== undefined ? '--external-id' : '', flags.roleSessionName !== undefined ? '--role-session-name' : '']
      .filter(Boolean)
      .join(' and ');
    if (stray) throw new UsageError(`${stray} only apply with --role-arn or --role-name`);
    return undefined;
  }
  if (flags.roleArn !== undefined && !ROLE_ARN.test(flags.roleArn)) {
    throw new UsageError(`invalid role ARN '${flags.roleArn}' for --role-arn; expected arn:aws:iam::111122223333:role/NAME`);
  }
  if (flags.roleName !== undefined && !ROLE_NAME.test(flags.roleName)) {
    throw new UsageError(`invalid role name '${flags.roleName}' for --role-name; expected a name like MlauditAudit`);
  }
  const sessionName = flags.roleSessionName ?? DEFAULT_SESSION_NAME;
  if (!SESSION_NAME.test(sessionName)) {
    throw new UsageError(`invalid --role-session-name '${sessionName}'; use 2 to 64 letters, digits or +=,.@_-`);
  }
  if (flags.externalId !== undefined && !EXTERNAL_ID.test(flags.externalId)) {
    throw new UsageError('invalid --external-id; use 2 to 1224 letters, digits or +=,.@:/_-');
  }
  return {
    ...(flags.roleArn !== undefined ? { roleArn: flags.roleArn } : {}),
    ...(listed ? { members: { source: 'list' as const, ids: parseAccountList(flags.accounts, cwd) } } : {}),
    ...(flags.organization ? { members: { source: 'organization' as const } } : {}),
    ...(flags.roleName !== undefined ? { roleName: flags.roleName } : {}),
    ...(flags.externalId !== undefined ? { externalId: flags.externalId } : {}),
    sessionName,
    accountConcurrency,
  };
}

/** The accounts to scan and their roles; lists the organization's accounts (through `via`) for --organization. */
export async function resolveTargets(plan: AccountPlan, via: ClientFactory, homeRegion: string): Promise<AccountTarget[]> {
  if (!plan.members) return plan.roleArn ? [{ roleArn: plan.roleArn }] : [];
  const roleName = plan.roleName ?? '';
  // Member roles live in the hub's partition; without a hub, in the partition of the region scanned first.
  const partition = plan.roleArn?.split(':')[1] ?? partitionOf(homeRegion);
  let ids: string[];
  if (plan.members.source === 'list') {
    ids = plan.members.ids;
  } else {
    try {
      ids = (await listActiveAccounts(via)).map((a) => a.id);
    } catch (err) {
      const c = classifyError(err);
      throw new CredentialsError(
        `cannot list the organization's accounts (${c.code}: ${c.message}); run from the management account or a ` +
          'delegated administrator, or name the accounts with --accounts',
      );
    }
    if (ids.length === 0) throw new CredentialsError('the organization lists no ACTIVE account');
  }
  return ids.map((id) => ({ accountId: id, roleArn: roleArnFor(id, roleName, partition) }));
}

/** When no account at all could be scanned, the scan failed: say why in one line (exit 2). */
export function nothingScanned(failures: readonly AccountFailure[]): CredentialsError {
  const first = failures[0];
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more account${failures.length > 2 ? 's' : ''})` : '';
  return new CredentialsError(
    first
      ? `no account could be scanned: ${first.operation} for ${first.roleArn} failed (${first.code}: ${first.message})${more}`
      : 'no account to scan',
  );
}
