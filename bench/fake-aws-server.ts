/**
 * A fake AWS endpoint for the benchmark and the tests: a Node http server on 127.0.0.1 that speaks the wire
 * protocols the real SDK clients use (see wire.ts), serves a generated estate (fake-estate.ts) through a table of
 * operations (fake-operations.ts), adds latency, and enforces a token-bucket rate limit per operation, answering
 * over-limit calls with the service's real throttling error. A table of faults (`FaultRule`) makes chosen requests
 * fail the ways AWS and networks fail. Every request is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ACCOUNT_ID, Estate } from './fake-estate.js';
import { FakeAwsError, OPERATIONS, type OperationEntry } from './fake-operations.js';
import {
  accessDeniedResponse,
  credentialsResponse,
  errorResponse,
  parseRequest,
  successResponse,
  unknownOperationResponse,
  type WireResponse,
} from './wire.js';

export const DEFAULT_LATENCY_MS = 20;

/** A token bucket for the operations whose `service:Operation` or `Operation` matches `pattern` (`*` is a wildcard). */
export interface RateRule {
  pattern: string;
  /** Requests per second; 0 means unlimited. */
  rate: number;
  burst: number;
}

/**
 * Conservative defaults. AWS publishes no per-operation table for SageMaker; ListTrainingJobs is reported near
 * 2 requests per second, and Describe calls tolerate more.
 */
export const DEFAULT_RATE_RULES: readonly RateRule[] = [
  // Per-resource reads named List* are not account-wide listings.
  { pattern: 'ListTags', rate: 10, burst: 10 },
  // The Tagging API's GetResources is documented near 5 requests per second per account and region.
  { pattern: 'tag:GetResources', rate: 5, burst: 5 },
  { pattern: 'iam:List*', rate: 10, burst: 10 },
  { pattern: 'List*', rate: 2, burst: 2 },
  { pattern: '*', rate: 10, burst: 10 },
];

/** `PATTERN=RATE[:BURST],...` (e.g. `List*=2:2,Describe*=40:40,*=10`); `RATE` 0 or `off` is unlimited. */
export function parseRateRules(text: string): RateRule[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((spec) => {
      const m = /^([^=]+)=(off|\d+(?:\.\d+)?)(?::(\d+))?$/.exec(spec);
      if (!m?.[1] || !m[2]) throw new Error(`bad rate rule '${spec}': expected PATTERN=RATE[:BURST]`);
      const rate = m[2] === 'off' ? 0 : Number(m[2]);
      return { pattern: m[1], rate, burst: m[3] !== undefined ? Number(m[3]) : Math.max(1, Math.ceil(rate)) };
    });
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(text);
}

/** The rule that governs `service:operation`: the first match, patterns with a colon matched against both parts. */
export function rateRuleFor(rules: readonly RateRule[], service: string, operation: string): RateRule | undefined {
  return rules.find((r) => globMatch(r.pattern, r.pattern.includes(':') ? `${service}:${operation}` : operation));
}

class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}

/** What a fault does to a request it matches. */
export type Fault =
  /** The service's error `code`, in its protocol's wire shape (status 400 unless given). */
  | { kind: 'error'; code: string; status?: number; message?: string }
  /** The service's own AccessDenied refusal (wire.ts); `action` names the IAM action in the message. */
  | { kind: 'access-denied'; action?: string }
  /** The service's throttling error, as the rate limits answer it. */
  | { kind: 'throttle' }
  /** Credentials refused: an expired session token, or keys the region does not know (a region not enabled). */
  | { kind: 'credentials'; reason: 'expired' | 'invalid' }
  /** Exactly this response, as a proxy, a load balancer or a broken service would send it. */
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  /** The real response with its body cut to `bytes` (default: half), Content-Length matching the cut body. */
  | { kind: 'truncate'; bytes?: number }
  /** The connection is dropped without a response. */
  | { kind: 'reset' }
  /** No response ever: the socket stays open until the client gives up (or the server closes). */
  | { kind: 'hang' }
  /** The real response's headers and the first half of its body, then nothing more on an open socket. */
  | { kind: 'stall' }
  /** The real output, changed before it is encoded: a NextToken that loops, a page of thousands. */
  | { kind: 'edit'; edit: (output: Record<string, unknown>, input: Record<string, unknown>) => Record<string, unknown> };

/** Which requests a fault applies to. Every condition given must hold; the first matching rule wins. */
export interface FaultRule {
  /** `service:Operation` or `Operation`, `*` a wildcard, as in rate rules. */
  operation: string;
  /** The region the request is signed for (IAM and Budgets: us-east-1). */
  region?: string;
  /** Values the request's input must hold, e.g. `{ TrainingJobName: 'train-000001' }`. */
  input?: Record<string, string>;
  /** Only the first `times` requests the rule matches. */
  times?: number;
  /** Only during this many milliseconds from the first request the rule matched. */
  forMs?: number;
  /** Only this share of the requests it matches, spread evenly (0.75: three in four). */
  share?: number;
  fault: Fault;
}

function inputMatches(wanted: Record<string, string> | undefined, input: Record<string, unknown>): boolean {
  return Object.entries(wanted ?? {}).every(([k, v]) => input[k] === v);
}

/** A rule with its counters: which requests it has matched, and when the first arrived. */
class ActiveFault {
  private matched = 0;
  private firstAt: number | undefined;

  constructor(readonly rule: FaultRule) {}

  /** Whether the rule takes this request; counts it when its static conditions hold. */
  take(service: string, operation: string, region: string, input: Record<string, unknown>, at: number): boolean {
    const { rule } = this;
    const name = rule.operation.includes(':') ? `${service}:${operation}` : operation;
    if (!globMatch(rule.operation, name)) return false;
    if (rule.region !== undefined && rule.region !== region) return false;
    if (!inputMatches(rule.input, input)) return false;
    const k = this.matched++;
    this.firstAt ??= at;
    if (rule.times !== undefined && k >= rule.times) return false;
    if (rule.forMs !== undefined && at - this.firstAt > rule.forMs) return false;
    if (rule.share !== undefined && Math.floor((k + 1) * rule.share) === Math.floor(k * rule.share)) return false;
    return true;
  }
}

/** A reply that is not a whole HTTP response. */
type Drop = { drop: 'reset' | 'hang' } | { drop: 'stall'; response: WireResponse };

export interface RequestRecord {
  /** Milliseconds since the server started (arrival time). */
  t: number;
  service: string;
  operation: string;
  region: string;
  throttled: boolean;
  status: number;
  /** The request's input, as JSON: two equal subjects for one Describe are the same question asked twice. */
  subject: string;
  unknown?: boolean;
  /** The kind of fault injected into this request, if any. */
  fault?: Fault['kind'];
}

export interface FakeAwsServerOptions {
  /** Resources in each region of `regions`. */
  resources: number;
  seed?: number;
  accountId?: string;
  /** Regions that hold the estate (default us-east-1); other regions are empty. */
  regions?: readonly string[];
  latencyMs?: number;
  rateRules?: readonly RateRule[];
  now?: Date;
  /** Replaces or adds operations (tests). */
  operations?: Record<string, OperationEntry>;
  /** Faults to inject from the start (see `FakeAwsServer.setFaults`). */
  faults?: readonly FaultRule[];
}

export interface FakeAwsServer {
  /** `http://127.0.0.1:PORT`, for --endpoint-url. */
  url: string;
  /** performance.now() when the server started: RequestRecord.t counts from here. */
  startedAt: number;
  requests: RequestRecord[];
  estate(region: string): Estate;
  readonly options: Required<Pick<FakeAwsServerOptions, 'latencyMs' | 'rateRules' | 'accountId'>>;
  /** Replaces the fault table; the counters of `times`, `forMs` and `share` start again. */
  setFaults(rules: readonly FaultRule[]): void;
  close(): Promise<void>;
}

export async function startFakeAwsServer(options: FakeAwsServerOptions): Promise<FakeAwsServer> {
  const latencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
  const rateRules = options.rateRules ?? DEFAULT_RATE_RULES;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const now = options.now ?? new Date();
  const populated = new Set(options.regions ?? ['us-east-1']);
  const operations = { ...OPERATIONS, ...(options.operations ?? {}) };
  const estates = new Map<string, Estate>();
  const estate = (region: string): Estate => {
    let e = estates.get(region);
    if (!e) {
      e = new Estate({
        resources: populated.has(region) ? options.resources : 0,
        accountId,
        region,
        now,
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      });
      estates.set(region, e);
    }
    return e;
  };
  const buckets = new Map<string, TokenBucket | null>();
  const bucketFor = (service: string, region: string, operation: string, at: number): TokenBucket | null => {
    const key = `${service}:${region}:${operation}`;
    let b = buckets.get(key);
    if (b === undefined) {
      const rule = rateRuleFor(rateRules, service, operation);
      b = rule && rule.rate > 0 ? new TokenBucket(rule.rate, rule.burst, at) : null;
      buckets.set(key, b);
    }
    return b;
  };

  const started = performance.now();
  const requests: RequestRecord[] = [];
  let faults = (options.faults ?? []).map((r) => new ActiveFault(r));

  const answer = (headers: http.IncomingHttpHeaders, body: string): WireResponse | Drop => {
    const at = performance.now();
    const parsed = parseRequest(headers, body);
    if ('error' in parsed) {
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: `fake aws: ${parsed.error}` };
    }
    const { wire, operation, region, input } = parsed;
    const record: RequestRecord = {
      t: at - started,
      service: wire.service,
      operation,
      region,
      throttled: false,
      status: 200,
      subject: JSON.stringify(input),
    };
    requests.push(record);
    const entry = operations[`${wire.service}:${operation}`];
    const fault = faults.find((f) => f.take(wire.service, operation, region, input, at))?.rule.fault;
    if (fault) record.fault = fault.kind;
    let response: WireResponse;
    /** The operation's real answer, its output changed by `edit` when given. */
    const succeed = (edit?: (output: Record<string, unknown>, input: Record<string, unknown>) => Record<string, unknown>) => {
      if (!entry) {
        record.unknown = true;
        return unknownOperationResponse(wire, operation);
      }
      try {
        const output = entry.handler({ estate: estate(region), input });
        return successResponse(wire, operation, edit ? edit(output as Record<string, unknown>, input) : output);
      } catch (err) {
        if (!(err instanceof FakeAwsError)) throw err;
        return errorResponse(wire, err.status, err.code, err.message);
      }
    };
    if (!fault) {
      if (entry && !(bucketFor(wire.service, region, operation, at)?.take(at) ?? true)) {
        record.throttled = true;
        response = errorResponse(wire, 400, wire.throttlingCode, 'Rate exceeded');
      } else {
        response = succeed();
      }
    } else {
      switch (fault.kind) {
        case 'reset':
        case 'hang':
          record.status = 0;
          return { drop: fault.kind };
        case 'error':
          response = errorResponse(wire, fault.status ?? 400, fault.code, fault.message ?? `injected ${fault.code}`);
          break;
        case 'access-denied':
          response = accessDeniedResponse(wire, operation, accountId, fault.action);
          break;
        case 'throttle':
          record.throttled = true;
          response = errorResponse(wire, 400, wire.throttlingCode, 'Rate exceeded');
          break;
        case 'credentials':
          response = credentialsResponse(wire, fault.reason);
          break;
        case 'raw':
          response = { status: fault.status, headers: { 'content-type': fault.contentType ?? 'text/html' }, body: fault.body };
          break;
        case 'stall':
          response = succeed();
          record.status = response.status;
          return { drop: 'stall', response };
        case 'truncate': {
          const whole = succeed();
          response = { ...whole, body: whole.body.slice(0, fault.bytes ?? Math.floor(whole.body.length / 2)) };
          break;
        }
        case 'edit':
          response = succeed(fault.edit);
          break;
      }
    }
    record.status = response.status;
    return response;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let reply: WireResponse | Drop;
      try {
        reply = answer(req.headers, Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        reply = { status: 500, headers: { 'content-type': 'text/plain' }, body: `fake aws: ${String(err)}` };
      }
      if ('drop' in reply) {
        // A hung or stalled request keeps its socket until the client times out or close() ends every connection.
        if (reply.drop === 'reset') req.socket.destroy();
        if (reply.drop === 'stall') {
          const { status, headers, body } = reply.response;
          res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
          res.write(body.slice(0, Math.floor(body.length / 2)));
        }
        return;
      }
      const out = reply;
      const send = (): void => {
        res.writeHead(out.status, { ...out.headers, 'content-length': String(Buffer.byteLength(out.body)) });
        res.end(out.body);
      };
      if (latencyMs > 0) setTimeout(send, latencyMs);
      else send();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    startedAt: started,
    requests,
    estate,
    options: { latencyMs, rateRules, accountId },
    setFaults: (rules) => {
      faults = rules.map((r) => new ActiveFault(r));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
