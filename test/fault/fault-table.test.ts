/** The fake server's fault table itself: which requests a rule takes, and the wire shape of what it answers. */
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeTrainingJobCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAwsServer } from '../../bench/fake-aws-server.js';
import { classifyError } from '../../src/aws/classify-error.js';
import { REGION } from './estate.js';
import { startServer } from './harness.js';

let server: FakeAwsServer;
const credentials = { accessKeyId: 'AKIDFAULTTABLE', secretAccessKey: 'fault-table-secret' };
const config = (region = REGION) => ({ region, credentials, endpoint: server.url, maxAttempts: 1 });

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (err) {
    const c = classifyError(err);
    return `${c.code} ${c.httpStatus ?? ''}`.trim();
  }
}

describe('fault table', () => {
  it('takes the first rule that matches operation, region and input, for its first `times` requests', async () => {
    server.setFaults([
      { operation: 'DescribeTrainingJob', input: { TrainingJobName: 'train-000001' }, times: 2, fault: { kind: 'throttle' } },
      { operation: 'sagemaker:Describe*', region: 'eu-west-1', fault: { kind: 'access-denied' } },
    ]);
    const east = new SageMakerClient(config());
    const west = new SageMakerClient(config('eu-west-1'));
    const describe = (client: SageMakerClient, name: string) => () =>
      client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    const seen = [
      await outcome(describe(east, 'train-000001')),
      await outcome(describe(east, 'train-000001')),
      await outcome(describe(east, 'train-000001')),
      await outcome(describe(east, 'train-000000')),
      await outcome(describe(west, 'train-000000')),
    ];
    // Two throttles for the named job, then its answer; any Describe signed for eu-west-1 is the second rule's.
    expect(seen).toEqual(['ThrottlingException 400', 'ThrottlingException 400', 'ok', 'ok', 'AccessDeniedException 400']);
    east.destroy();
    west.destroy();
  });

  it('spreads `share` evenly: 0.5 faults every other request', async () => {
    server.setFaults([{ operation: 'GetCallerIdentity', share: 0.5, fault: { kind: 'error', status: 500, code: 'InternalFailure' } }]);
    const sts = new STSClient(config());
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) seen.push(await outcome(() => sts.send(new GetCallerIdentityCommand({}))));
    expect(seen).toEqual(['ok', 'InternalFailure 500', 'ok', 'InternalFailure 500']);
    sts.destroy();
  });

  it('answers AccessDenied in each protocol’s own shape, as the SDK reads it', async () => {
    server.setFaults([{ operation: '*', fault: { kind: 'access-denied' } }]);
    const iam = new IAMClient(config());
    const cw = new CloudWatchClient(config());
    expect(await outcome(() => iam.send(new GetRoleCommand({ RoleName: 'sagemaker-exec-1' })))).toBe('AccessDenied 403');
    expect(await outcome(() => cw.send(new DescribeAlarmsCommand({})))).toBe('AccessDenied 403');
    iam.destroy();
    cw.destroy();
  });

  it('answers expired credentials with each protocol’s code', async () => {
    server.setFaults([{ operation: '*', fault: { kind: 'credentials', reason: 'expired' } }]);
    const sts = new STSClient(config());
    const sm = new SageMakerClient(config());
    expect(await outcome(() => sts.send(new GetCallerIdentityCommand({})))).toBe('ExpiredToken 403');
    expect(await outcome(() => sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'train-000000' })))).toBe(
      'ExpiredTokenException 400',
    );
    sts.destroy();
    sm.destroy();
  });
});
