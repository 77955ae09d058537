/**
 * Whole scans, in this process through `scanCommand` and the real SDK HTTP stack, while the fake AWS server
 * misbehaves one way at a time: throttling storms, 5xx answers, broken bodies, a pagination loop, a huge page and
 * a resource deleted between its List and its Describe. Each is compared with one fault-free baseline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAwsServer, Fault, FaultRule } from '../../bench/fake-aws-server.js';
import type { ScanReport } from '../../src/report/report.js';
import { REGION } from './estate.js';
import {
  ACCOUNT,
  expectGap,
  expectNoCrash,
  findingKey,
  reportOf,
  SCANNED_OPERATIONS,
  scanInProcess,
  startServer,
} from './harness.js';

let server: FakeAwsServer;
let baseline: ScanReport;

const arn = (type: string, name: string): string => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${type}/${name}`;
const requestsOf = (operation: string) => server.requests.filter((r) => `${r.service}:${r.operation}` === operation);

async function scanWith(faults: readonly FaultRule[], flags: Parameters<typeof scanInProcess>[1] = {}) {
  server.requests.length = 0;
  server.setFaults(faults);
  return scanInProcess(server, flags);
}

/** The run read everything in the end: no error, and every finding exactly as in the baseline. */
function expectSameAsBaseline(result: Awaited<ReturnType<typeof scanInProcess>>): void {
  expectNoCrash(result);
  const report = reportOf(result);
  expect(report.errors).toEqual([]);
  expect(report.findings).toEqual(baseline.findings);
  expect(result.code).toBe(0);
}

beforeAll(async () => {
  server = await startServer();
  baseline = reportOf(await scanInProcess(server));
  expect(baseline.errors).toEqual([]);
});
afterEach(() => {
  server.setFaults([]);
});
afterAll(async () => {
  await server.close();
});

describe('throttling storm', () => {
  it('three requests in four throttled for a while: retried and paced, the scan reads everything', async () => {
    // The first 80 requests: the identity probe, every listing and the first Describes, and their retries.
    const result = await scanWith([{ operation: '*', times: 80, share: 0.75, fault: { kind: 'throttle' } }]);
    expect(server.requests.filter((r) => r.throttled)).toHaveLength(60);
    expectSameAsBaseline(result);
  });

  it('a storm on one listing longer than the retry budget: that slice is ERROR, never PASS', async () => {
    const result = await scanWith([{ operation: 'sagemaker:ListEndpoints', fault: { kind: 'throttle' } }], { maxAttempts: '3' });
    expect(requestsOf('sagemaker:ListEndpoints')).toHaveLength(3);
    expectGap(baseline, result, {
      operations: ['sagemaker:ListEndpoints'],
      regions: [REGION],
      kind: 'throttled',
      code: 'ThrottlingException',
    });
  });

  it('a storm on one resource longer than the retry budget: only that resource is ERROR', async () => {
    const job = 'train-000001';
    const result = await scanWith(
      [{ operation: 'sagemaker:DescribeTrainingJob', input: { TrainingJobName: job }, fault: { kind: 'throttle' } }],
      { maxAttempts: '3' },
    );
    const report = expectGap(baseline, result, {
      operations: ['sagemaker:DescribeTrainingJob'],
      kind: 'throttled',
      resourceArns: [arn('training-job', job)],
    });
    const jobFindings = report.findings.filter((f) => f.resource.arn === arn('training-job', job));
    expect(jobFindings.length).toBeGreaterThan(0);
    expect(jobFindings.filter((f) => f.status !== 'ERROR')).toEqual([]);
    // Other training jobs keep their verdicts.
    const others = report.findings.filter((f) => f.resource.arn.includes(':training-job/') && f.resource.arn !== arn('training-job', job));
    expect(others.length).toBeGreaterThan(0);
    const before = new Map(baseline.findings.map((f) => [findingKey(f), f]));
    for (const f of others) expect(f).toEqual(before.get(findingKey(f)));
  });
});

describe('HTTP 500 and 503', () => {
  it('a 503 for the first attempts of a call is retried: nothing is lost', async () => {
    const result = await scanWith([
      { operation: 'sagemaker:DescribeModel', times: 2, fault: { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable' } },
      { operation: 'kms:DescribeKey', times: 3, fault: { kind: 'raw', status: 500, body: '<html><body>Internal Server Error</body></html>' } },
    ]);
    expect(server.requests.filter((r) => r.fault !== undefined)).toHaveLength(5);
    expectSameAsBaseline(result);
  });

  const persistent: [string, string, Fault][] = [
    ['a JSON InternalFailure 500', 'sagemaker:ListModelCards', { kind: 'error', status: 500, code: 'InternalFailure', message: 'We encountered an internal error.' }],
    ['a JSON ServiceUnavailable 503', 'application-autoscaling:DescribeScalableTargets', { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable' }],
    ['an HTML 503 from a load balancer', 'sagemaker:ListFeatureGroups', { kind: 'raw', status: 503, body: '<html><head><title>503 Service Temporarily Unavailable</title></head></html>' }],
    ['an XML InternalFailure 500 (query protocol)', 'iam:ListRoles', { kind: 'error', status: 500, code: 'InternalFailure', message: 'internal error' }],
  ];
  it.each(persistent)('%s on %s until the attempts run out: ERROR for that slice', async (_what, operation, fault) => {
    const result = await scanWith([{ operation, fault }], { maxAttempts: '3' });
    expect(requestsOf(operation)).toHaveLength(3);
    expectGap(baseline, result, { operations: [operation] });
  });
});

describe('a response that stops halfway through its body', () => {
  it('each attempt ends at --request-timeout of silence, and the resource is ERROR once the attempts run out', async () => {
    const notebook = arn('notebook-instance', 'nb-000000');
    const result = await scanWith([{ operation: 'sagemaker:DescribeNotebookInstance', fault: { kind: 'stall' } }], {
      requestTimeout: '0.5',
      maxAttempts: '2',
    });
    expect(requestsOf('sagemaker:DescribeNotebookInstance')).toHaveLength(2);
    expectGap(baseline, result, {
      operations: ['sagemaker:DescribeNotebookInstance'],
      code: 'TimeoutError',
      resourceArns: [notebook],
    });
  });
});

describe('malformed and truncated bodies', () => {
  const cases: [string, string, Record<string, string> | undefined, Fault][] = [
    ['a listing that is not JSON', 'sagemaker:ListEndpointConfigs', undefined, { kind: 'raw', status: 200, contentType: 'application/x-amz-json-1.1', body: '{"EndpointConfigs": [{"EndpointConfigName": ' }],
    ['a truncated Describe (JSON)', 'sagemaker:DescribeNotebookInstance', undefined, { kind: 'truncate' }],
    ['a truncated GetRole (XML)', 'iam:GetRole', { RoleName: 'sagemaker-exec-1' }, { kind: 'truncate' }],
    ['a listing that is HTML with status 200', 'cloudwatch:DescribeAlarms', undefined, { kind: 'raw', status: 200, body: '<html>captive portal</html>' }],
  ];
  it.each(cases)('%s (%s): ERROR for what it would have read', async (_what, operation, input, fault) => {
    const result = await scanWith([{ operation, ...(input ? { input } : {}), fault }]);
    expect(requestsOf(operation).some((r) => r.fault === fault.kind)).toBe(true);
    expectGap(baseline, result, { operations: [operation], kind: 'api-error' });
  });
});

describe('pagination loop', () => {
  // The fake server's token for the first page (fake-operations.ts): asked with it, a page repeats page one.
  const firstPage = Buffer.from('fake:0', 'utf8').toString('base64');
  const loops: [string, (output: Record<string, unknown>, input: Record<string, unknown>) => Record<string, unknown>][] = [
    ['sagemaker:ListTrainingJobs', (out, input) => ({ ...out, NextToken: input.NextToken ?? firstPage })],
    ['iam:ListRoles', (out, input) => ({ ...out, IsTruncated: true, Marker: input.Marker ?? firstPage })],
    ['cloudwatch:DescribeAlarms', (out, input) => ({ ...out, NextToken: input.NextToken ?? firstPage })],
  ];
  it.each(loops)('%s hands back the token it was sent: the listing stops with an error', async (operation, edit) => {
    const result = await scanWith([{ operation, fault: { kind: 'edit', edit } }]);
    // The first page, then the page that returned its own token; never a third.
    expect(requestsOf(operation)).toHaveLength(2);
    const report = expectGap(baseline, result, { operations: [operation], code: 'PaginationLoop', kind: 'api-error' });
    expect(report.errors.every((e) => e.resourceArn === undefined)).toBe(true);
  });
});

describe('a page with thousands of items', () => {
  it('5,000 alarms and 3,000 roles in single pages: read in full, the same findings', async () => {
    const alarms = Array.from({ length: 5000 }, (_, k) => ({
      AlarmName: `app-alarm-${k}`,
      AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:app-alarm-${k}`,
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: `i-${String(k).padStart(17, '0')}` }],
      StateValue: 'OK',
    }));
    const roles = Array.from({ length: 3000 }, (_, k) => ({
      Path: '/',
      RoleName: `lambda-${k}`,
      RoleId: `AROA${String(k).padStart(17, '0')}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role/lambda-${k}`,
      CreateDate: new Date('2025-01-01T00:00:00Z'),
      AssumeRolePolicyDocument: encodeURIComponent(
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      ),
    }));
    const result = await scanWith([
      {
        operation: 'cloudwatch:DescribeAlarms',
        fault: { kind: 'edit', edit: (out) => ({ ...out, MetricAlarms: [...(out.MetricAlarms as unknown[]), ...alarms] }) },
      },
      { operation: 'iam:ListRoles', fault: { kind: 'edit', edit: (out) => ({ ...out, Roles: [...roles, ...(out.Roles as unknown[])] }) } },
    ]);
    expect(requestsOf('cloudwatch:DescribeAlarms')).toHaveLength(1);
    expect(requestsOf('iam:ListRoles')).toHaveLength(1);
    expectSameAsBaseline(result);
  });
});

describe('a resource deleted between its List and its Describe', () => {
  interface Deleted {
    what: string;
    describe: string;
    input: Record<string, string>;
    error: { code: string; message: string };
    /** The listing that names it, and how to leave it out there (the estate without it). */
    list: string;
    drop: (output: Record<string, unknown>) => Record<string, unknown>;
    arn: string;
  }
  const without = (key: string, field: string, name: string) => (output: Record<string, unknown>) => ({
    ...output,
    [key]: (output[key] as Record<string, unknown>[]).filter((s) => s[field] !== name),
  });
  const cases: Deleted[] = [
    {
      what: 'ValidationException "Could not find"',
      describe: 'sagemaker:DescribeTrainingJob',
      input: { TrainingJobName: 'train-000002' },
      error: { code: 'ValidationException', message: 'Could not find requested job with name train-000002' },
      list: 'sagemaker:ListTrainingJobs',
      drop: without('TrainingJobSummaries', 'TrainingJobName', 'train-000002'),
      arn: arn('training-job', 'train-000002'),
    },
    {
      what: 'ResourceNotFound',
      describe: 'sagemaker:DescribeModelCard',
      input: { ModelCardName: 'churn-card' },
      error: { code: 'ResourceNotFound', message: 'Model card churn-card does not exist.' },
      list: 'sagemaker:ListModelCards',
      drop: without('ModelCardSummaries', 'ModelCardName', 'churn-card'),
      arn: arn('model-card', 'churn-card'),
    },
    {
      what: 'ValidationException "does not exist"',
      describe: 'sagemaker:DescribeEndpointConfig',
      input: { EndpointConfigName: 'epc-000000' },
      error: { code: 'ValidationException', message: 'Endpoint configuration epc-000000 does not exist.' },
      list: 'sagemaker:ListEndpointConfigs',
      drop: without('EndpointConfigs', 'EndpointConfigName', 'epc-000000'),
      arn: arn('endpoint-config', 'epc-000000'),
    },
  ];
  it.each(cases)('$what from $describe: skipped like a resource that never existed, no error, no verdict for it', async (c) => {
    // What the scan should see: the estate without the resource.
    const absentRun = await scanWith([{ operation: c.list, fault: { kind: 'edit', edit: c.drop } }]);
    const absent = reportOf(absentRun);
    expect(absent.errors).toEqual([]);
    const result = await scanWith([{ operation: c.describe, input: c.input, fault: { kind: 'error', ...c.error } }]);
    expect(requestsOf(c.describe).filter((r) => r.fault === 'error')).toHaveLength(1);
    expectNoCrash(result);
    const report = reportOf(result);
    expect(report.errors).toEqual([]);
    // The same exit code too (an endpoint whose configuration is gone is ERROR either way, 3 with --fail-on-error).
    expect(result.code).toBe(absentRun.code);
    expect(baseline.findings.filter((f) => f.resource.arn === c.arn).length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.resource.arn === c.arn)).toEqual([]);
    expect(report.findings).toEqual(absent.findings);
  });
});

describe('regions and credentials', () => {
  it('a region named with --region that the account has not enabled: skipped with a note, the findings unchanged', async () => {
    const result = await scanWith([{ operation: '*', region: 'ap-east-1', fault: { kind: 'credentials', reason: 'invalid' } }], {
      region: [REGION, 'ap-east-1'],
    });
    expectNoCrash(result);
    const report = reportOf(result);
    expect(report.errors).toEqual([]);
    expect(report.scan.regions).toEqual([REGION]);
    expect(report.scan.notes.filter((n) => n.startsWith('ap-east-1 skipped'))).toHaveLength(1);
    expect(report.findings).toEqual(baseline.findings);
    expect(server.requests.filter((r) => r.region === 'ap-east-1').map((r) => r.operation)).toEqual(['GetCallerIdentity']);
  });

  it('credentials that expire once the scan has started: every call after is ERROR, nothing PASSes', async () => {
    // The identity probe (STS) still succeeds: the session lapses right after it.
    const services = ['sagemaker', 'iam', 'kms', 'cloudwatch', 'budgets', 'application-autoscaling'];
    const result = await scanWith(
      services.map((service) => ({ operation: `${service}:*`, fault: { kind: 'credentials', reason: 'expired' } as const })),
    );
    const report = expectGap(baseline, result, { operations: SCANNED_OPERATIONS, code: /^ExpiredToken(Exception)?$/ });
    expect(report.findings.filter((f) => f.status === 'PASS')).toEqual([]);
  });
});
