import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../src/aws/client-factory.js';
import { parseAccountFlags, parseAccountList, resolveTargets, type AccountFlags } from '../../src/cli/accounts.js';
import { UsageError } from '../../src/util/errors.js';

const flags = (over: Partial<AccountFlags>): AccountFlags => ({ accounts: [], accountConcurrency: '4', ...over });
const cwd = process.cwd();

describe('parseAccountFlags', () => {
  it('is undefined for a scan of the caller’s own account', () => {
    expect(parseAccountFlags(flags({}), cwd)).toBeUndefined();
  });

  it('reads a single role, with session name and external id', () => {
    expect(
      parseAccountFlags(flags({ roleArn: 'arn:aws:iam::111111111111:role/team/Auditor', externalId: 'ext-1', roleSessionName: 'ci@run-7' }), cwd),
    ).toEqual({ roleArn: 'arn:aws:iam::111111111111:role/team/Auditor', externalId: 'ext-1', sessionName: 'ci@run-7', accountConcurrency: 4 });
  });

  it('reads a list of accounts with a role name, deduplicated', () => {
    expect(parseAccountFlags(flags({ accounts: ['111111111111', '222222222222', '111111111111'], roleName: 'Auditor', accountConcurrency: '8' }), cwd)).toEqual({
      members: { source: 'list', ids: ['111111111111', '222222222222'] },
      roleName: 'Auditor',
      sessionName: 'mlaudit',
      accountConcurrency: 8,
    });
  });

  it('reads --organization', () => {
    expect(parseAccountFlags(flags({ organization: true, roleName: 'Auditor' }), cwd)?.members).toEqual({ source: 'organization' });
  });

  const bad: [string, Partial<AccountFlags>, RegExp][] = [
    ['accounts without a role name', { accounts: ['111111111111'] }, /--accounts needs --role-name/],
    ['organization without a role name', { organization: true }, /--organization needs --role-name/],
    ['a role name alone', { roleName: 'Auditor' }, /--role-name needs --accounts or --organization/],
    ['accounts and organization', { accounts: ['111111111111'], organization: true, roleName: 'x' }, /cannot be combined/],
    ['a short account id', { accounts: ['12345'], roleName: 'x' }, /invalid account id '12345'/],
    ['a user ARN', { roleArn: 'arn:aws:iam::111111111111:user/bob' }, /invalid role ARN/],
    ['a role name with spaces', { accounts: ['111111111111'], roleName: 'my role' }, /invalid role name/],
    ['an external id alone', { externalId: 'abc' }, /--external-id only apply/],
    ['a session name alone', { roleSessionName: 'abc' }, /--role-session-name only apply/],
    ['a one-letter session name', { roleArn: 'arn:aws:iam::111111111111:role/x', roleSessionName: 'a' }, /invalid --role-session-name/],
    ['an external id with spaces', { roleArn: 'arn:aws:iam::111111111111:role/x', externalId: 'a b c' }, /invalid --external-id/],
    ['no account concurrency', { roleArn: 'arn:aws:iam::111111111111:role/x', accountConcurrency: '0' }, /--account-concurrency/],
  ];
  it.each(bad)('rejects %s in one line', (_name, over, message) => {
    expect(() => parseAccountFlags(flags(over), cwd)).toThrow(UsageError);
    expect(() => parseAccountFlags(flags(over), cwd)).toThrow(message);
  });
});

describe('parseAccountList', () => {
  it('reads @file: ids by line, comma or space, with # comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-ids-'));
    writeFileSync(join(dir, 'ids.txt'), '# prod\n111111111111\n222222222222, 333333333333 # team b\n\n');
    expect(parseAccountList(['@ids.txt', '444444444444'], dir)).toEqual(['111111111111', '222222222222', '333333333333', '444444444444']);
  });

  it('rejects an empty or unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-ids-'));
    writeFileSync(join(dir, 'empty.txt'), '# nothing yet\n');
    expect(() => parseAccountList(['@empty.txt'], dir)).toThrow(/lists no account id/);
    expect(() => parseAccountList(['@missing.txt'], dir)).toThrow(/cannot read --accounts file 'missing.txt' \(ENOENT\)/);
  });
});

describe('resolveTargets', () => {
  const factory = new ClientFactory({ credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

  it('builds each member role in the partition of the hub, or of the first region', async () => {
    const list = { members: { source: 'list' as const, ids: ['111111111111'] }, roleName: 'Auditor', sessionName: 'mlaudit', accountConcurrency: 4 };
    expect(await resolveTargets(list, factory, 'us-gov-west-1')).toEqual([
      { accountId: '111111111111', roleArn: 'arn:aws-us-gov:iam::111111111111:role/Auditor' },
    ]);
    expect(await resolveTargets({ ...list, roleArn: 'arn:aws-cn:iam::999900001111:role/Hub' }, factory, 'us-east-1')).toEqual([
      { accountId: '111111111111', roleArn: 'arn:aws-cn:iam::111111111111:role/Auditor' },
    ]);
  });

  it('makes a single --role-arn its own target', async () => {
    const plan = { roleArn: 'arn:aws:iam::111111111111:role/Auditor', sessionName: 'mlaudit', accountConcurrency: 4 };
    expect(await resolveTargets(plan, factory, 'us-east-1')).toEqual([{ roleArn: 'arn:aws:iam::111111111111:role/Auditor' }]);
  });
});
