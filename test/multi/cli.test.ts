import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMlaudit, type CliResult } from '../support/cli.js';
import { ALL_SAGEMAKER_REGIONS } from '../../src/aws/regions.js';
import type { ScanReport } from '../../src/report/report.js';
import { formOf, signedBy, startFakeEstate, type FakeEstateOptions } from '../support/fake-estate.js';

/** The real CLI in a child process, with the caller's credentials in the environment and no ~/.aws files. */
/** The caller's own keys, and no AWS configuration of the host. */
const mlaudit = (args: string[]): Promise<CliResult> =>
  runMlaudit(args, {
    env: {
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: 'AKIDCALLER',
      AWS_SECRET_ACCESS_KEY: 'caller-secret',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    },
  });

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function estate(options: FakeEstateOptions) {
  const server = await startFakeEstate(options);
  servers.push(server);
  return server;
}

const RULE = ['--rules', 'notebook-root-disabled', '--quiet'];
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';

describe('scan --accounts --role-name', () => {
  it('scans every account; one whose role cannot be assumed is reported and the others complete', async () => {
    const server = await estate({ denyAssume: [B], rootAccounts: [A] });
    const base = ['scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE, '--accounts', `${A},${B}`, '--accounts', C, '--role-name', 'Auditor'];

    const json = await mlaudit([...base, '--format', 'json', '--fail-on', 'none']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as ScanReport;
    expect(report.scan.accounts).toEqual([A, B, C]);
    expect(report.accountErrors).toEqual([
      {
        account: B,
        roleArn: `arn:aws:iam::${B}:role/Auditor`,
        operation: 'AssumeRole',
        action: 'sts:AssumeRole',
        kind: 'access-denied',
        code: 'AccessDenied',
        message: expect.stringContaining('not authorized to perform: sts:AssumeRole'),
      },
    ]);
    expect(report.findings.map((f) => [f.account, f.status]).sort()).toEqual([
      [A, 'FAIL'],
      [B, 'ERROR'],
      [C, 'PASS'],
    ]);
    expect(report.findings.find((f) => f.account === B)?.message).toMatch(/not scanned: AssumeRole .* failed \(AccessDenied\)/);
    expect(report.summary.byStatus).toEqual({ FAIL: 1, ERROR: 1, PASS: 1 });
    expect(report.coverage.map((c) => c.account)).toEqual([A, C]);

    // Every member role was asked for with the default session name; the caller's keys did nothing else.
    const assumed = server.requests.filter((r) => formOf(r).get('Action') === 'AssumeRole');
    expect(assumed.map((r) => formOf(r).get('RoleArn')).sort()).toEqual([A, B, C].map((id) => `arn:aws:iam::${id}:role/Auditor`));
    expect(new Set(assumed.map((r) => formOf(r).get('RoleSessionName')))).toEqual(new Set(['mlaudit']));
    expect(server.requests.filter((r) => signedBy(r).accessKeyId === 'AKIDCALLER')).toHaveLength(assumed.length);

    const text = await mlaudit([...base, '--fail-on', 'none']);
    expect(text.stdout).toMatch(new RegExp(`! AssumeRole \\(${B}\\) the whole account, arn:aws:iam::${B}:role/Auditor: AccessDenied`));
    expect(text.stdout).toContain(`account ${A}, ${B}, ${C}`);

    // Exit codes as for a single scan: the FAIL in A fails --fail-on high; the unscanned account fails --fail-on-error.
    expect((await mlaudit([...base, '--fail-on', 'high'])).code).toBe(1);
    expect((await mlaudit([...base, '--fail-on', 'none', '--fail-on-error'])).code).toBe(3);
  });

  it('reads the account list from a file', async () => {
    const server = await estate({});
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-accounts-'));
    const file = join(dir, 'accounts.txt');
    writeFileSync(file, `# production\n${A}\n${C}, ${A}  # again\n`);
    const r = await mlaudit(['scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE, '--accounts', `@${file}`, '--role-name', 'Auditor', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ScanReport).scan.accounts).toEqual([A, C]);
  });

  it('exits 2 with one line when no account could be scanned', async () => {
    const server = await estate({ denyAssume: [A, B] });
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-accounts-'));
    const out = join(dir, 'r.json');
    const r = await mlaudit(['scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE, '--accounts', `${A},${B}`, '--role-name', 'Auditor', '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`no account could be scanned: AssumeRole for arn:aws:iam::${A}:role/Auditor failed \\(AccessDenied: .*\\(and 1 more account\\)`));
    expect(existsSync(out)).toBe(false);
  });

  it('assumes member roles from the --role-arn hub session, with the external id', async () => {
    const server = await estate({});
    const r = await mlaudit([
      'scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE,
      '--role-arn', 'arn:aws:iam::999900001111:role/Hub', '--external-id', 'ext-42', '--role-session-name', 'audit-run',
      '--accounts', A, '--role-name', 'Auditor', '--format', 'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ScanReport).scan.accounts).toEqual([A]);
    const assumed = server.requests.filter((req) => formOf(req).get('Action') === 'AssumeRole');
    expect(assumed.map((req) => [signedBy(req).accessKeyId, formOf(req).get('RoleArn'), formOf(req).get('ExternalId'), formOf(req).get('RoleSessionName')])).toEqual([
      ['AKIDCALLER', 'arn:aws:iam::999900001111:role/Hub', 'ext-42', 'audit-run'],
      ['ASIA999900001111', `arn:aws:iam::${A}:role/Auditor`, 'ext-42', 'audit-run'],
    ]);
  });

  it('scans a single --role-arn account, and saves its inventory', async () => {
    const server = await estate({ rootAccounts: [C] });
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-accounts-'));
    const saved = join(dir, 'inv.json');
    const r = await mlaudit(['scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE, '--role-arn', `arn:aws:iam::${C}:role/Auditor`, '--format', 'json', '--fail-on', 'none', '--save-inventory', saved]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ScanReport).scan.accounts).toEqual([C]);
    expect((JSON.parse(readFileSync(saved, 'utf8')) as { account: { id: string } }).account.id).toBe(C);
  });
});

describe('scan --organization --role-name', () => {
  it("lists the organization's accounts page by page and scans only the ACTIVE ones", async () => {
    const server = await estate({
      organizationPages: [
        [
          { Id: A, Name: 'prod', State: 'ACTIVE' },
          { Id: '444444444444', Name: 'suspended', State: 'SUSPENDED' },
        ],
        [
          { Id: C, Name: 'legacy', Status: 'ACTIVE' },
          { Id: '555555555555', Name: 'closing', State: 'PENDING_CLOSURE' },
        ],
      ],
    });
    const r = await mlaudit(['scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE, '--organization', '--role-name', 'OrganizationAuditor', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ScanReport).scan.accounts).toEqual([A, C]);
    expect(server.requests.filter((req) => req.target === 'AWSOrganizationsV20161128.ListAccounts')).toHaveLength(2);
    const roles = server.requests.filter((req) => formOf(req).get('Action') === 'AssumeRole').map((req) => formOf(req).get('RoleArn'));
    expect(roles.sort()).toEqual([`arn:aws:iam::${A}:role/OrganizationAuditor`, `arn:aws:iam::${C}:role/OrganizationAuditor`]);
  });

  it('says where to run it from when the accounts cannot be listed', async () => {
    const server = await estate({ organizationError: 'AccessDeniedException' });
    const r = await mlaudit(['scan', '--region', 'us-east-1', '--endpoint-url', server.url, ...RULE, '--organization', '--role-name', 'Auditor']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot list the organization's accounts \(AccessDeniedException: .*\); run from the management account or a delegated administrator/);
  });
});

describe('scan --all-regions', () => {
  it('skips the regions the account has not enabled, with a note, and scans the rest', async () => {
    const server = await estate({ disabledRegions: ['me-south-1', 'af-south-1'], rootAccounts: ['999988887777'] });
    const r = await mlaudit(['scan', '--all-regions', '--endpoint-url', server.url, ...RULE, '--format', 'json', '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as ScanReport;
    const expected = ALL_SAGEMAKER_REGIONS.filter((x) => x !== 'me-south-1' && x !== 'af-south-1');
    expect(report.scan.regions).toEqual([...expected].sort());
    expect(report.scan.notes).toEqual(
      expect.arrayContaining([
        'af-south-1 skipped for account 999988887777: the region is not enabled for the account (InvalidClientTokenId)',
        'me-south-1 skipped for account 999988887777: the region is not enabled for the account (InvalidClientTokenId)',
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.status === 'FAIL')).toHaveLength(expected.length);
    // One probe per region; nothing else went to the regions that are not enabled.
    const sts = server.requests.filter((req) => signedBy(req).service === 'sts');
    expect(sts).toHaveLength(ALL_SAGEMAKER_REGIONS.length);
    const sagemakerRegions = new Set(server.requests.filter((req) => signedBy(req).service === 'sagemaker').map((req) => signedBy(req).region));
    expect(sagemakerRegions.has('me-south-1') || sagemakerRegions.has('af-south-1')).toBe(false);
    expect(sagemakerRegions.size).toBe(expected.length);
  });
});

describe('many-account usage errors: one line, exit 2, before any AWS call', () => {
  // The rest of the option checks are unit tests (options.test.ts); these show the CLI path end to end.
  const cases: [string, string[], RegExp][] = [
    ['--accounts without --role-name', ['--region', 'us-east-1', '--accounts', A], /--accounts needs --role-name/],
    ['--all-regions with --region', ['--all-regions', '--region', 'us-east-1'], /--all-regions and --region cannot be combined/],
    ['--save-inventory with --accounts', ['--region', 'us-east-1', '--accounts', A, '--role-name', 'x', '--save-inventory', join(tmpdir(), 'x.json')], /--save-inventory saves one account/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const server = await estate({});
    const r = await mlaudit(['scan', '--endpoint-url', server.url, ...RULE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it('--inventory cannot be combined with the many-account options', async () => {
    const r = await mlaudit(['scan', '--inventory', 'fixtures/demo-account.json', '--role-arn', `arn:aws:iam::${A}:role/Auditor`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be combined with --role-arn/);
  });
});
