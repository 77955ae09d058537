/**
 * A transparent HTTP proxy on 127.0.0.1 that forwards every request to an upstream (moto) unchanged and records
 * which AWS operation it was, so a test can check what a real run of the CLI sent over the wire.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  /** The access key id the request was signed with (never the secret, which is not sent). */
  accessKeyId?: string;
  /** The SigV4 signing name from the Authorization header's credential scope (`sagemaker`, `iam`, `monitoring`). */
  signingService?: string;
  signingRegion?: string;
  /** JSON protocols (SageMaker, KMS, CloudWatch, Budgets): the X-Amz-Target header, e.g. `SageMaker.ListEndpoints`. */
  target?: string;
  /** Query protocols (IAM, STS): the `Action` form field or query parameter. */
  action?: string;
  /** The operation name however it was carried; undefined when the request named none. */
  operation?: string;
  status?: number;
  /** Answered by the proxy from `stubs`, not by the upstream. */
  stubbed?: boolean;
}

/** A canned answer for one operation, given by the proxy itself instead of the upstream. */
export interface StubResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RecordingProxyOptions {
  /**
   * Answers for operations the upstream does not implement, keyed by operation name (`ListFeatureGroups`).
   * Stubbed calls are recorded like the others. Without stubs the proxy is fully transparent.
   */
  stubs?: Record<string, StubResponse>;
}

/** A JSON-protocol (awsJson1_1) success response, as SageMaker and KMS send them. */
export function jsonStub(body: unknown): StubResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'recording-proxy-stub' },
    body: JSON.stringify(body),
  };
}

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT`, to pass as --endpoint-url. */
  endpoint: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;
/** Smithy RPC v2 (CBOR) puts the operation in the path. */
const RPC_V2_PATH = /^\/service\/[^/]+\/operation\/([^/?]+)/;

export function describeRequest(
  method: string,
  path: string,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
): RecordedCall {
  const call: RecordedCall = { method, path };
  const auth = headers.authorization;
  const scope = typeof auth === 'string' ? CREDENTIAL_SCOPE.exec(auth) : null;
  if (scope) {
    call.accessKeyId = scope[1];
    call.signingRegion = scope[2];
    call.signingService = scope[3];
  }
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    call.target = target;
    call.operation = target.slice(target.lastIndexOf('.') + 1);
    return call;
  }
  const query = new URL(path, 'http://proxy.invalid').searchParams;
  const contentType = String(headers['content-type'] ?? '');
  const form = contentType.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(body.toString('utf8'))
    : undefined;
  const action = form?.get('Action') ?? query.get('Action') ?? undefined;
  if (action) {
    call.action = action;
    call.operation = action;
    return call;
  }
  const rpc = RPC_V2_PATH.exec(path);
  if (rpc?.[1]) call.operation = decodeURIComponent(rpc[1]);
  return call;
}

/** Starts the proxy. Headers (Host included, which SigV4 signs) and bodies go upstream byte for byte. */
export async function startRecordingProxy(upstream: string, options: RecordingProxyOptions = {}): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const calls: RecordedCall[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const call = describeRequest(req.method ?? 'GET', req.url ?? '/', req.headers, body);
      calls.push(call);
      const stub = call.operation !== undefined ? options.stubs?.[call.operation] : undefined;
      if (stub) {
        call.status = stub.status;
        call.stubbed = true;
        res.writeHead(stub.status, { ...stub.headers, 'content-length': String(Buffer.byteLength(stub.body)) });
        res.end(stub.body);
        return;
      }
      const forward = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          // rawHeaders keeps names, order and duplicates exactly as the SDK sent them.
          headers: req.rawHeaders,
          agent,
        },
        (upstreamRes) => {
          call.status = upstreamRes.statusCode;
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, upstreamRes.rawHeaders);
          upstreamRes.pipe(res);
        },
      );
      forward.on('error', (err) => {
        call.status = 502;
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`recording proxy: upstream ${upstream} failed: ${err.message}`);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
