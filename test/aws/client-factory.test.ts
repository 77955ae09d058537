import {
  DeleteEndpointCommand,
  DescribeEndpointCommand,
  paginateListEndpoints,
  UpdateNotebookInstanceCommand,
} from '@aws-sdk/client-sagemaker';
import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAwsServer } from '../../bench/fake-aws-server.js';
import { ClientFactory, PaginationLoopError } from '../../src/aws/client-factory.js';
import { ReadOnlyViolationError } from '../../src/aws/read-only-guard.js';
import { startLocalServer } from '../support/local-server.js';

const credentials = { accessKeyId: 'AKIDGUARDTEST', secretAccessKey: 'guard-secret' };
const endpointJson = JSON.stringify({
  EndpointName: 'ep',
  EndpointArn: 'arn:aws:sagemaker:us-east-1:111122223333:endpoint/ep',
  EndpointConfigName: 'cfg',
  EndpointStatus: 'InService',
  CreationTime: 1700000000,
  LastModifiedTime: 1700000000,
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(respond: Parameters<typeof startLocalServer>[0], opts: { maxAttempts?: number } = {}) {
  const server = await startLocalServer(respond);
  const factory = new ClientFactory({ credentials, endpointUrl: server.url, ...opts });
  cleanups.push(() => factory.destroy(), () => server.close());
  return { server, factory };
}

describe('read-only guard', () => {
  it('refuses a write before anything is sent', async () => {
    const { server, factory } = await setup(() => ({ status: 200, body: '{}' }));
    const sm = factory.get('sagemaker', 'us-east-1');
    await expect(sm.send(new DeleteEndpointCommand({ EndpointName: 'ep' }))).rejects.toBeInstanceOf(ReadOnlyViolationError);
    await expect(
      sm.send(new UpdateNotebookInstanceCommand({ NotebookInstanceName: 'nb', RootAccess: 'Disabled' })),
    ).rejects.toThrow(/refused to send SageMakerClient.UpdateNotebookInstance/);
    expect(server.requests).toHaveLength(0);
    expect(factory.stats.totalCalls).toBe(0);
  });

  it('lets an allowlisted read through, signed, to the overridden endpoint', async () => {
    const { server, factory } = await setup(() => ({ status: 200, body: endpointJson }));
    const out = await factory.get('sagemaker', 'us-east-1').send(new DescribeEndpointCommand({ EndpointName: 'ep' }));
    expect(out.EndpointStatus).toBe('InService');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.target).toBe('SageMaker.DescribeEndpoint');
    expect(String(server.requests[0]?.headers.authorization)).toContain('Credential=AKIDGUARDTEST/');
    expect(factory.stats.calls.get('sagemaker:DescribeEndpoint')).toBe(1);
  });
});

describe('retries', () => {
  it('retries throttling and counts each attempt', async () => {
    const { server, factory } = await setup((_req, i) =>
      i < 2
        ? { status: 400, body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }) }
        : { status: 200, body: endpointJson },
    );
    const out = await factory.get('sagemaker', 'us-east-1').send(new DescribeEndpointCommand({ EndpointName: 'ep' }));
    expect(out.EndpointName).toBe('ep');
    expect(server.requests).toHaveLength(3);
    expect(factory.stats.totalCalls).toBe(1);
    expect(factory.stats.attempts).toBe(3);
    expect(factory.stats.throttled).toBe(2);
    expect(factory.stats.retries).toBe(2);
  });

  it('gives up after maxAttempts and counts a failed call', async () => {
    const { server, factory } = await setup(() => ({ status: 503, body: '{"__type":"ServiceUnavailable","message":"down"}' }), {
      maxAttempts: 2,
    });
    await expect(
      factory.get('sagemaker', 'us-east-1').send(new DescribeEndpointCommand({ EndpointName: 'ep' })),
    ).rejects.toThrow();
    expect(server.requests).toHaveLength(2);
    expect(factory.stats.failed).toBe(1);
  });
});

describe('request timeout', () => {
  it('gives up on an attempt that is never answered, and on the call after its attempts', async () => {
    const server = await startFakeAwsServer({
      resources: 1,
      latencyMs: 0,
      rateRules: [],
      faults: [{ operation: 'sagemaker:DescribeEndpoint', fault: { kind: 'hang' } }],
    });
    const factory = new ClientFactory({ credentials, endpointUrl: server.url, requestTimeoutMs: 200, maxAttempts: 2 });
    cleanups.push(() => factory.destroy(), () => server.close());
    const call = factory.get('sagemaker', 'us-east-1').send(new DescribeEndpointCommand({ EndpointName: 'ep-000000' }));
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    expect(server.requests).toHaveLength(2);
    expect(factory.stats.failed).toBe(1);
  });

  it('gives up on a response whose body stops halfway', async () => {
    const server = await startFakeAwsServer({
      resources: 1,
      latencyMs: 0,
      rateRules: [],
      faults: [{ operation: 'sagemaker:DescribeEndpoint', fault: { kind: 'stall' } }],
    });
    const factory = new ClientFactory({ credentials, endpointUrl: server.url, requestTimeoutMs: 200, maxAttempts: 2 });
    cleanups.push(() => factory.destroy(), () => server.close());
    const call = factory.get('sagemaker', 'us-east-1').send(new DescribeEndpointCommand({ EndpointName: 'ep-000000' }));
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('pagination loops', () => {
  it('fails a page that returns the token it was sent, where the paginator would ask for it forever', async () => {
    const { server, factory } = await setup((req) => {
      const sent = (JSON.parse(req.body) as { NextToken?: string }).NextToken;
      return { status: 200, body: JSON.stringify({ Endpoints: [], NextToken: sent ?? 'page-2' }) };
    });
    const pages = async () => {
      for await (const page of paginateListEndpoints({ client: factory.get('sagemaker', 'us-east-1') }, {})) void page;
    };
    await expect(pages()).rejects.toBeInstanceOf(PaginationLoopError);
    expect(server.requests).toHaveLength(2);
    expect(factory.stats.failed).toBe(1);
  });

  it("knows the Tagging API's PaginationToken too, and ends on its empty last token", async () => {
    let loop = true;
    const { server, factory } = await setup((req) => {
      const sent = (JSON.parse(req.body) as { PaginationToken?: string }).PaginationToken;
      // Looping: the token it was sent; otherwise two pages, the last with "" as AWS ends them.
      const next = loop ? (sent ?? 'page-2') : sent === undefined ? 'page-2' : '';
      return { status: 200, body: JSON.stringify({ ResourceTagMappingList: [], PaginationToken: next }) };
    });
    const pages = async (): Promise<number> => {
      let n = 0;
      for await (const page of paginateGetResources({ client: factory.get('tag', 'us-east-1') }, {})) n += page ? 1 : 0;
      return n;
    };
    await expect(pages()).rejects.toBeInstanceOf(PaginationLoopError);
    expect(server.requests).toHaveLength(2);
    loop = false;
    await expect(pages()).resolves.toBe(2);
    expect(server.requests).toHaveLength(4);
  });
});

describe('endpoint override from the environment', () => {
  it('honours AWS_ENDPOINT_URL when no --endpoint-url is given', async () => {
    const server = await startLocalServer(() => ({ status: 200, body: endpointJson }));
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = server.url;
    const factory = new ClientFactory({ credentials });
    cleanups.push(
      () => factory.destroy(),
      () => server.close(),
      () => {
        if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
        else process.env.AWS_ENDPOINT_URL = previous;
      },
    );
    await factory.get('sagemaker', 'eu-west-1').send(new DescribeEndpointCommand({ EndpointName: 'ep' }));
    expect(server.requests).toHaveLength(1);
  });
});
