/**
 * The faults only a real `bin/mlaudit` process shows end to end: exit codes, a socket that never answers (bounded
 * by --request-timeout), dropped connections, several faults at once, regions the account has not enabled, and
 * credentials that are expired, refused or absent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAwsServer, FaultRule } from '../../bench/fake-aws-server.js';
import { ALL_SAGEMAKER_REGIONS } from '../../src/aws/regions.js';
import type { ScanReport } from '../../src/report/report.js';
import { REGION } from './estate.js';
import { ACCOUNT, CREDENTIALS, expectGap, expectNoCrash, reportOf, runCli, scanInProcess, startServer, type ScanResult } from './harness.js';

let server: FakeAwsServer;
let baseline: ScanReport;

const arn = (type: string, name: string): string => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${type}/${name}`;
const requestsOf = (operation: string) => server.requests.filter((r) => `${r.service}:${r.operation}` === operation);
const GAP_FLAGS = ['--fail-on', 'none', '--fail-on-error'];

function cliWith(faults: readonly FaultRule[], args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ScanResult> {
  server.requests.length = 0;
  server.setFaults(faults);
  return runCli(server, args, env);
}

/** Exit 2, and one line on stderr that says what to fix; no report. */
function expectOneLineCredentialsError(result: ScanResult, code: RegExp): void {
  expectNoCrash(result);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^mlaudit: cannot identify the AWS account \(/);
  expect(lines[0]).toMatch(code);
}

beforeAll(async () => {
  server = await startServer();
  const result = await runCli(server, ['--fail-on', 'none']);
  expectNoCrash(result);
  expect(result.code).toBe(0);
  baseline = reportOf(result);
  expect(baseline.errors).toEqual([]);
});
afterEach(() => {
  server.setFaults([]);
});
afterAll(async () => {
  await server.close();
});

describe('exit codes', () => {
  it('the fault-free scan of the real CLI is the in-process scan, and exits 1 on its high FAILs by default', async () => {
    const inProcess = reportOf(await scanInProcess(server));
    expect(inProcess.findings).toEqual(baseline.findings);
    expect(baseline.findings.some((f) => f.status === 'FAIL' && (f.severity === 'high' || f.severity === 'critical'))).toBe(true);
    const result = await cliWith([], []);
    expectNoCrash(result);
    expect(result.code).toBe(1);
  });

  it('several faults at once: each gap is ERROR where it hit, the rest as without faults; 3 with --fail-on-error', async () => {
    const result = await cliWith(
      [
        // Recovered by retries.
        { operation: 'sagemaker:DescribeModel', times: 2, fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' } },
        { operation: 'sagemaker:DescribeDomain', times: 1, fault: { kind: 'reset' } },
        { operation: 'sagemaker:List*', times: 20, share: 0.5, fault: { kind: 'throttle' } },
        // Never recovered.
        { operation: 'sagemaker:ListModelCards', fault: { kind: 'access-denied' } },
        { operation: 'iam:GetRole', input: { RoleName: 'sagemaker-exec-2' }, fault: { kind: 'truncate' } },
        { operation: 'application-autoscaling:DescribeScalingPolicies', fault: { kind: 'error', status: 500, code: 'InternalFailure' } },
      ],
      [...GAP_FLAGS, '--max-attempts', '3'],
    );
    const report = expectGap(baseline, result, {
      operations: ['sagemaker:ListModelCards', 'iam:GetRole', 'application-autoscaling:DescribeScalingPolicies'],
    });
    expect(new Set(report.errors.map((e) => `${e.operation} ${e.kind}`))).toEqual(
      new Set(['ListModelCards access-denied', 'GetRole api-error', 'DescribeScalingPolicies api-error']),
    );
    expect(report.errors.find((e) => e.operation === 'GetRole')?.resourceArn).toMatch(/role\/(service-role\/)?sagemaker-exec-2$/);
  });
});

describe('connections', () => {
  it('a socket that never answers: each attempt gives up at --request-timeout, the call after its attempts, the scan ends', async () => {
    const endpoint = arn('endpoint', 'ep-000000');
    const result = await cliWith(
      [
        { operation: 'sagemaker:DescribeEndpoint', fault: { kind: 'hang' } },
        // One hung attempt, then an answer: the retry reads it.
        { operation: 'sagemaker:DescribeModel', times: 1, fault: { kind: 'hang' } },
      ],
      [...GAP_FLAGS, '--request-timeout', '0.5'],
    );
    // Every one of the 8 documented attempts was made, and none was answered.
    expect(requestsOf('sagemaker:DescribeEndpoint')).toHaveLength(8);
    const report = expectGap(baseline, result, {
      operations: ['sagemaker:DescribeEndpoint'],
      regions: [REGION],
      code: 'ETIMEDOUT',
      resourceArns: [endpoint],
    });
    // Its Describe is what hung: the rules that read it report ERROR (its tags, read by ListTags, keep their verdict).
    const rules = new Set(report.findings.filter((f) => f.resource.arn === endpoint && f.status === 'ERROR').map((f) => f.ruleId));
    expect(rules).toContain('endpoint-multi-instance');
    expect(rules).not.toContain('cost-allocation-tags');
  });

  it('connections dropped without a response: retried, and ERROR once the attempts run out', async () => {
    const result = await cliWith(
      [
        { operation: 'sagemaker:DescribeFeatureGroup', fault: { kind: 'reset' } },
        { operation: 'kms:DescribeKey', times: 3, fault: { kind: 'reset' } },
      ],
      [...GAP_FLAGS, '--max-attempts', '3'],
    );
    expect(requestsOf('sagemaker:DescribeFeatureGroup')).toHaveLength(3);
    expectGap(baseline, result, {
      operations: ['sagemaker:DescribeFeatureGroup'],
      regions: [REGION],
      code: 'ECONNRESET',
      resourceArns: [arn('feature-group', 'fg-000000')],
    });
  });
});

describe('regions not enabled', () => {
  it('--all-regions where only one region is enabled: the others are skipped with a note, the findings unchanged', async () => {
    const disabled = ALL_SAGEMAKER_REGIONS.filter((r) => r !== REGION);
    const faults: FaultRule[] = disabled.map((region) => ({ operation: '*', region, fault: { kind: 'credentials', reason: 'invalid' } }));
    server.requests.length = 0;
    server.setFaults(faults);
    const result = await runCli(server, ['--fail-on', 'none', '--all-regions']);
    expectNoCrash(result);
    expect(result.code).toBe(0);
    const report = reportOf(result);
    expect(report.errors).toEqual([]);
    expect(report.scan.regions).toEqual([REGION]);
    expect(report.findings).toEqual(baseline.findings);
    for (const region of disabled) {
      expect(report.scan.notes.some((n) => n.startsWith(`${region} skipped`) && n.includes('InvalidClientTokenId'))).toBe(true);
      // One identity probe, then nothing more is sent to a region that is not enabled.
      expect(server.requests.filter((r) => r.region === region).map((r) => r.operation)).toEqual(['GetCallerIdentity']);
    }
  });
});

describe('credentials', () => {
  it('refused in every region: exit 2 with one line', async () => {
    const result = await cliWith([{ operation: '*', fault: { kind: 'credentials', reason: 'invalid' } }], ['--region', `${REGION},eu-west-1`]);
    expectOneLineCredentialsError(result, /InvalidClientTokenId/);
    expect(server.requests.map((r) => r.operation)).toEqual(['GetCallerIdentity', 'GetCallerIdentity']);
  });

  it('an expired session token: exit 2 with one line', async () => {
    const result = await cliWith([{ operation: '*', fault: { kind: 'credentials', reason: 'expired' } }], [], {
      ...CREDENTIALS,
      AWS_SESSION_TOKEN: 'expired-session-token',
    });
    expectOneLineCredentialsError(result, /ExpiredToken/);
    expect(result.stderr).not.toContain('expired-session-token');
  });

  it('refused part-way through the scan: the report is written, what they could not read is ERROR, and one warning says why', async () => {
    const result = await cliWith([{ operation: 'kms:*', fault: { kind: 'credentials', reason: 'expired' } }], ['--fail-on', 'none'], {
      ...CREDENTIALS,
      AWS_SESSION_TOKEN: 'expired-session-token',
    });
    expectNoCrash(result);
    expect(result.code).toBe(0);
    const report = result.report;
    expect(report?.errors.length).toBeGreaterThan(0);
    // KMS speaks JSON: its code for an expired session token is ExpiredTokenException.
    expect(new Set(report?.errors.map((e) => `${e.code} ${e.operation}`))).toEqual(new Set(['ExpiredTokenException DescribeKey']));
    expect(report?.findings.some((f) => f.status === 'ERROR' && f.message.includes('ExpiredToken'))).toBe(true);
    const warnings = result.stderr.split('\n').filter((l) => l.startsWith('mlaudit: warning: the credentials were refused'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`(ExpiredTokenException, account ${ACCOUNT})`);
    expect(warnings[0]).toContain(`${report?.errors.length} read(s) failed`);
    expect(result.stderr).not.toContain('expired-session-token');
  });

  it('no credentials at all: exit 2 with one line, and nothing is sent', async () => {
    const result = await cliWith([], [], {});
    expectOneLineCredentialsError(result, /credentials/i);
    expect(server.requests).toEqual([]);
  });
});
