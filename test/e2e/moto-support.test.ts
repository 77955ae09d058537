/** The moto harness and the recording proxy themselves: fast, no moto needed. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decideMoto, freeLoopbackPort, isCi, MOTO_INSTALL_HINT } from '../support/moto.js';
import { describeRequest, jsonStub, startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';

describe('decideMoto', () => {
  it('runs when moto is installed, under CI or not', () => {
    expect(decideMoto({ available: true }, false)).toEqual({ action: 'run' });
    expect(decideMoto({ available: true }, true)).toEqual({ action: 'run' });
  });

  it('skips locally with the install command when moto is missing', () => {
    const d = decideMoto({ available: false, reason: 'python3 cannot import moto.server' }, false);
    expect(d.action).toBe('skip');
    expect(d.action === 'skip' && d.message).toContain(MOTO_INSTALL_HINT);
    expect(MOTO_INSTALL_HINT).toBe("pip install 'moto[server]'");
  });

  it('fails under CI when moto is missing', () => {
    const d = decideMoto({ available: false, reason: 'python3 cannot import moto.server' }, true);
    expect(d.action).toBe('fail');
    expect(d.action === 'fail' && d.message).toMatch(/required when CI is set.*cannot import moto\.server.*pip install/);
  });
});

describe('isCi', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['true', true],
    ['1', true],
    ['yes', true],
  ])('CI=%s is %s', (value, expected) => {
    expect(isCi(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});

describe('freeLoopbackPort', () => {
  it('gives a port that can be bound on 127.0.0.1', async () => {
    const port = await freeLoopbackPort();
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    expect((server.address() as AddressInfo).port).toBe(port);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

const AUTH = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDTEST/20260301/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`;

describe('describeRequest', () => {
  it('reads JSON-protocol operations from X-Amz-Target', () => {
    const call = describeRequest(
      'POST',
      '/',
      { 'x-amz-target': 'SageMaker.ListEndpoints', authorization: AUTH('sagemaker') },
      Buffer.from('{}'),
    );
    expect(call).toMatchObject({
      operation: 'ListEndpoints',
      target: 'SageMaker.ListEndpoints',
      signingService: 'sagemaker',
      signingRegion: 'us-east-1',
      accessKeyId: 'AKIDTEST',
    });
  });

  it('reads query-protocol operations from the Action form field or query parameter', () => {
    const form = describeRequest(
      'POST',
      '/',
      { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: AUTH('iam') },
      Buffer.from('Action=GetRole&Version=2010-05-08&RoleName=r'),
    );
    expect(form).toMatchObject({ operation: 'GetRole', action: 'GetRole', signingService: 'iam' });
    const query = describeRequest('GET', '/?Action=GetCallerIdentity&Version=2011-06-15', { authorization: AUTH('sts') }, Buffer.alloc(0));
    expect(query).toMatchObject({ operation: 'GetCallerIdentity', signingService: 'sts' });
  });

  it('reads RPC v2 operations from the path, and leaves an unnamed request without one', () => {
    expect(describeRequest('POST', '/service/GraniteServiceVersion20100801/operation/DescribeAlarms', {}, Buffer.alloc(0)).operation).toBe(
      'DescribeAlarms',
    );
    expect(describeRequest('GET', '/moto-api/', {}, Buffer.alloc(0)).operation).toBeUndefined();
  });
});

describe('startRecordingProxy', () => {
  let upstream: http.Server | undefined;
  let proxy: RecordingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    if (upstream) {
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream?.close(() => resolve()));
    }
    proxy = undefined;
    upstream = undefined;
  });

  async function echoUpstream(): Promise<string> {
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
        res.end(JSON.stringify({ method: req.method, url: req.url, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    await new Promise<void>((resolve) => upstream?.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  }

  it('forwards method, path, headers (Host included) and body unchanged, and records the operation', async () => {
    proxy = await startRecordingProxy(await echoUpstream());
    const body = '{"EndpointName":"ep-pass"}';
    const res = await fetch(`${proxy.endpoint}/some/path?x=1`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'SageMaker.DescribeEndpoint', Authorization: AUTH('sagemaker'), 'Content-Type': 'application/x-amz-json-1.1' },
      body,
    });
    expect(res.headers.get('x-upstream')).toBe('yes');
    const seen = (await res.json()) as { method: string; url: string; rawHeaders: string[]; body: string };
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/some/path?x=1');
    expect(seen.body).toBe(body);
    const headers = new Map<string, string>();
    for (let i = 0; i < seen.rawHeaders.length; i += 2) headers.set(seen.rawHeaders[i]?.toLowerCase() ?? '', seen.rawHeaders[i + 1] ?? '');
    // SigV4 signs Host: upstream must see the proxy's host, exactly what the client signed.
    expect(headers.get('host')).toBe(new URL(proxy.endpoint).host);
    expect(headers.get('x-amz-target')).toBe('SageMaker.DescribeEndpoint');
    expect(headers.get('authorization')).toBe(AUTH('sagemaker'));
    expect(proxy.calls).toMatchObject([{ operation: 'DescribeEndpoint', signingService: 'sagemaker', status: 200 }]);
  });

  it('answers stubbed operations itself and records them as stubbed', async () => {
    proxy = await startRecordingProxy(await echoUpstream(), { stubs: { ListFeatureGroups: jsonStub({ FeatureGroupSummaries: [] }) } });
    const res = await fetch(proxy.endpoint, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'SageMaker.ListFeatureGroups', Authorization: AUTH('sagemaker') },
      body: '{}',
    });
    expect(res.headers.get('x-upstream')).toBeNull();
    expect(await res.json()).toEqual({ FeatureGroupSummaries: [] });
    expect(proxy.calls).toMatchObject([{ operation: 'ListFeatureGroups', stubbed: true, status: 200 }]);
  });
});
