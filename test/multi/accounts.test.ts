import { CreateAccountCommand } from '@aws-sdk/client-organizations';
import { afterEach, describe, expect, it } from 'vitest';
import { accountOfRoleArn, assumeRoleCredentials, partitionOf, REFRESH_BEFORE_MS, roleArnFor } from '../../src/aws/assume-role.js';
import { classifyError } from '../../src/aws/classify-error.js';
import { ClientFactory } from '../../src/aws/client-factory.js';
import { listActiveAccounts } from '../../src/aws/organization.js';
import { ReadOnlyViolationError } from '../../src/aws/read-only-guard.js';
import { collectAccounts } from '../../src/inventory/collect-accounts.js';
import { formOf, signedBy, startFakeEstate, type FakeEstateOptions } from '../support/fake-estate.js';

const BASE = { accessKeyId: 'AKIDCALLER', secretAccessKey: 'caller-secret' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function estate(options: FakeEstateOptions = {}) {
  const server = await startFakeEstate(options);
  const factory = new ClientFactory({ credentials: BASE, endpointUrl: server.url, maxAttempts: 1 });
  cleanups.push(() => server.close(), () => factory.destroy());
  return { server, factory };
}

const assumeRequests = (requests: { body: string }[]) => requests.filter((r) => formOf(r as never).get('Action') === 'AssumeRole');

describe('assumeRoleCredentials', () => {
  it('assumes the role through the guarded factory, with the session name and external id', async () => {
    const { server, factory } = await estate();
    const provider = assumeRoleCredentials(factory, 'us-east-1', {
      roleArn: 'arn:aws:iam::111111111111:role/Auditor',
      sessionName: 'mlaudit',
      externalId: 'ext-123',
    });
    const creds = await provider();
    expect(creds).toMatchObject({ accessKeyId: 'ASIA111111111111', secretAccessKey: 'secret-111111111111', sessionToken: 'token-111111111111' });
    expect(creds.expiration?.getTime()).toBeGreaterThan(Date.now());

    const [request] = assumeRequests(server.requests);
    const form = formOf(request as never);
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'AssumeRole',
      RoleArn: 'arn:aws:iam::111111111111:role/Auditor',
      RoleSessionName: 'mlaudit',
      ExternalId: 'ext-123',
      DurationSeconds: '3600',
    });
    expect(signedBy(request as never)).toEqual({ accessKeyId: 'AKIDCALLER', region: 'us-east-1', service: 'sts' });
    expect(factory.stats.calls.get('sts:AssumeRole')).toBe(1);
  });

  it('shares one session between concurrent callers, and renews it before it expires', async () => {
    const { server } = await estate();
    const factory = new ClientFactory({ credentials: BASE, endpointUrl: server.url, maxAttempts: 1 });
    cleanups.push(() => factory.destroy());
    let now = Date.now();
    const provider = assumeRoleCredentials(factory, 'us-east-1', { roleArn: 'arn:aws:iam::111111111111:role/Auditor', sessionName: 'mlaudit' }, () => now);

    const all = await Promise.all(Array.from({ length: 8 }, () => provider()));
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['ASIA111111111111']));
    expect(assumeRequests(server.requests)).toHaveLength(1);

    await provider();
    expect(assumeRequests(server.requests)).toHaveLength(1);

    // Within the refresh window (the session lasts an hour): renewed.
    now += 3600_000 - REFRESH_BEFORE_MS + 1000;
    await provider();
    expect(assumeRequests(server.requests)).toHaveLength(2);
  });

  it('does not cache a failure', async () => {
    const { server, factory } = await estate({ denyAssume: ['222222222222'] });
    const provider = assumeRoleCredentials(factory, 'us-east-1', { roleArn: 'arn:aws:iam::222222222222:role/Auditor', sessionName: 'mlaudit' });
    const err = await provider().catch((e: unknown) => e);
    expect(classifyError(err)).toMatchObject({ kind: 'access-denied', code: 'AccessDenied' });
    await expect(provider()).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);
    expect(assumeRequests(server.requests)).toHaveLength(2);
  });

  it('builds role ARNs in the right partition', () => {
    expect(roleArnFor('111111111111', 'Auditor', partitionOf('eu-west-1'))).toBe('arn:aws:iam::111111111111:role/Auditor');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(accountOfRoleArn('arn:aws:iam::333333333333:role/path/Auditor')).toBe('333333333333');
  });
});

describe('listActiveAccounts (Organizations ListAccounts)', () => {
  it('follows every page and keeps only ACTIVE accounts, reading State before the retiring Status', async () => {
    const { server, factory } = await estate({
      organizationPages: [
        [
          { Id: '111111111111', Name: 'prod', State: 'ACTIVE', Status: 'ACTIVE' },
          { Id: '444444444444', Name: 'old', State: 'SUSPENDED', Status: 'SUSPENDED' },
        ],
        [
          { Id: '555555555555', Name: 'closing', State: 'PENDING_CLOSURE', Status: 'ACTIVE' },
          { Id: '333333333333', Name: 'legacy-api', Status: 'ACTIVE' },
        ],
        [{ Id: '666666666666', Name: 'closed', State: 'CLOSED' }],
      ],
    });
    const accounts = await listActiveAccounts(factory);
    expect(accounts).toEqual([
      { id: '111111111111', name: 'prod' },
      { id: '333333333333', name: 'legacy-api' },
    ]);
    const list = server.requests.filter((r) => r.target === 'AWSOrganizationsV20161128.ListAccounts');
    expect(list.map((r) => (JSON.parse(r.body) as { NextToken?: string }).NextToken)).toEqual([undefined, 'page-1', 'page-2']);
    // Organizations has one endpoint, signed for us-east-1.
    expect(list.map((r) => signedBy(r).region)).toEqual(['us-east-1', 'us-east-1', 'us-east-1']);
    expect(factory.stats.calls.get('organizations:ListAccounts')).toBe(3);
  });

  it('the read-only guard lets ListAccounts through but nothing that changes the organization', async () => {
    const { server, factory } = await estate();
    await expect(
      factory.get('organizations', 'us-east-1').send(new CreateAccountCommand({ AccountName: 'x', Email: 'x@example.com' })),
    ).rejects.toBeInstanceOf(ReadOnlyViolationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('collectAccounts', () => {
  it('scans each account under its own role; one that cannot be assumed is a failure and the others complete', async () => {
    const { server, factory } = await estate({ denyAssume: ['222222222222'] });
    const targets = ['111111111111', '222222222222', '333333333333'].map((id) => ({
      accountId: id,
      roleArn: roleArnFor(id, 'Auditor', 'aws'),
    }));
    const done: string[] = [];
    const result = await collectAccounts({
      targets,
      via: factory,
      clientsFor: (credentials) => new ClientFactory({ credentials, endpointUrl: server.url, maxAttempts: 1, stats: factory.stats }),
      regions: ['us-east-1'],
      needs: ['notebookInstances'],
      onAccountDone: (a) => done.push(a),
    });
    expect(result.inventories.map((i) => i.account.id)).toEqual(['111111111111', '333333333333']);
    expect(result.inventories.map((i) => i.slices.notebookInstances?.items.map((n) => n.name))).toEqual([
      ['nb-111111111111-us-east-1'],
      ['nb-333333333333-us-east-1'],
    ]);
    expect(result.failures).toEqual([
      {
        account: '222222222222',
        roleArn: 'arn:aws:iam::222222222222:role/Auditor',
        operation: 'AssumeRole',
        action: 'sts:AssumeRole',
        kind: 'access-denied',
        code: 'AccessDenied',
        message: expect.stringContaining('is not authorized to perform: sts:AssumeRole') as unknown as string,
      },
    ]);
    expect(done.sort()).toEqual(['111111111111', '222222222222', '333333333333']);
    // Each account's calls were signed with that account's session; none with the caller's own keys.
    const sagemakerKeys = new Set(server.requests.filter((r) => signedBy(r).service === 'sagemaker').map((r) => signedBy(r).accessKeyId));
    expect(sagemakerKeys).toEqual(new Set(['ASIA111111111111', 'ASIA333333333333']));
    expect(server.requests.filter((r) => signedBy(r).accessKeyId === 'AKIDCALLER').map((r) => formOf(r).get('Action'))).toEqual([
      'AssumeRole',
      'AssumeRole',
      'AssumeRole',
    ]);
    // The shared counters saw every account's calls.
    expect(factory.stats.calls.get('sagemaker:ListNotebookInstances')).toBe(2);
  });

  it('scans at most --account-concurrency accounts at once', async () => {
    const { server, factory } = await estate();
    let open = 0;
    let peak = 0;
    const targets = Array.from({ length: 6 }, (_, i) => {
      const id = String(100000000000 + i);
      return { accountId: id, roleArn: roleArnFor(id, 'Auditor', 'aws') };
    });
    const result = await collectAccounts({
      targets,
      via: factory,
      clientsFor: (credentials) => {
        open += 1;
        peak = Math.max(peak, open);
        const f = new ClientFactory({ credentials, endpointUrl: server.url, maxAttempts: 1 });
        const destroy = f.destroy.bind(f);
        f.destroy = () => {
          open -= 1;
          destroy();
        };
        return f;
      },
      regions: ['us-east-1', 'eu-west-1'],
      needs: ['notebookInstances'],
      accountConcurrency: 2,
    });
    expect(result.inventories).toHaveLength(6);
    expect(peak).toBe(2);
  });
});
