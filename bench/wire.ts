/**
 * The wire protocols of the AWS services mlaudit calls, as the installed SDK v3 clients speak them:
 * - awsJson1_1 (SageMaker, KMS, Budgets, Application Auto Scaling, Resource Groups Tagging) and awsJson1_0 (CloudWatch at 3.1124.0, in
 *   awsQueryCompatible mode): POST /, `X-Amz-Target: <ServiceTarget>.<Operation>`, JSON in and out; errors are HTTP 4xx
 *   with `{"__type": "...", "message": "..."}`;
 * - awsQuery (STS, IAM): POST / with a form body `Action=<Operation>&Version=...`; XML out, wrapped in
 *   `<OperationResponse><OperationResult>`; errors are `<ErrorResponse><Error><Code>`.
 * Smithy RPC v2 CBOR is not used by any client at the pinned versions (CloudWatch moved to JSON 1.0 first).
 */
import type http from 'node:http';

export type Protocol = 'json1.0' | 'json1.1' | 'query';

export interface ServiceWire {
  /** mlaudit's service id (as in src/aws/read-operations.ts). */
  service: string;
  protocol: Protocol;
  /** JSON protocols: the X-Amz-Target prefix. */
  target?: string;
  /** Query protocols: the XML namespace of responses. */
  xmlns?: string;
  /** SigV4 signing name, from the Authorization header's credential scope. */
  signingName: string;
  /** The error code the service answers when a caller exceeds its rate. */
  throttlingCode: string;
  /** How the service refuses a call the caller's policies do not allow. */
  accessDenied: { status: number; code: string };
  /** How the service refuses expired (`expired`) or unknown (`invalid`) credentials, as in a region not enabled. */
  credentialCodes: { expired: string; invalid: string };
}

/** JSON services: HTTP 400 and the `...Exception` codes. */
const JSON_REFUSALS = {
  accessDenied: { status: 400, code: 'AccessDeniedException' },
  credentialCodes: { expired: 'ExpiredTokenException', invalid: 'UnrecognizedClientException' },
} as const;

/** Query services (and CloudWatch, which kept its query-protocol codes): HTTP 403 and the bare codes. */
const QUERY_REFUSALS = {
  accessDenied: { status: 403, code: 'AccessDenied' },
  credentialCodes: { expired: 'ExpiredToken', invalid: 'InvalidClientTokenId' },
} as const;

export const SERVICES: readonly ServiceWire[] = [
  {
    service: 'sagemaker',
    protocol: 'json1.1',
    target: 'SageMaker',
    signingName: 'sagemaker',
    throttlingCode: 'ThrottlingException',
    ...JSON_REFUSALS,
  },
  { service: 'kms', protocol: 'json1.1', target: 'TrentService', signingName: 'kms', throttlingCode: 'ThrottlingException', ...JSON_REFUSALS },
  {
    service: 'budgets',
    protocol: 'json1.1',
    target: 'AWSBudgetServiceGateway',
    signingName: 'budgets',
    throttlingCode: 'ThrottlingException',
    ...JSON_REFUSALS,
  },
  {
    service: 'application-autoscaling',
    protocol: 'json1.1',
    target: 'AnyScaleFrontendService',
    signingName: 'application-autoscaling',
    throttlingCode: 'ThrottlingException',
    ...JSON_REFUSALS,
  },
  // The Resource Groups Tagging API: signed as `tagging`, mlaudit's (and IAM's) service id `tag`; it answers over-limit
  // calls with ThrottledException, not ThrottlingException.
  {
    service: 'tag',
    protocol: 'json1.1',
    target: 'ResourceGroupsTaggingAPI_20170126',
    signingName: 'tagging',
    throttlingCode: 'ThrottledException',
    ...JSON_REFUSALS,
  },
  // CloudWatch kept its query-protocol error codes when it moved to JSON (awsQueryCompatible): `Throttling`.
  {
    service: 'cloudwatch',
    protocol: 'json1.0',
    target: 'GraniteServiceVersion20100801',
    signingName: 'monitoring',
    throttlingCode: 'Throttling',
    ...QUERY_REFUSALS,
  },
  {
    service: 'sts',
    protocol: 'query',
    xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
    signingName: 'sts',
    throttlingCode: 'Throttling',
    ...QUERY_REFUSALS,
  },
  {
    service: 'iam',
    protocol: 'query',
    xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
    signingName: 'iam',
    throttlingCode: 'Throttling',
    ...QUERY_REFUSALS,
  },
];

export interface ParsedRequest {
  wire: ServiceWire;
  operation: string;
  region: string;
  input: Record<string, unknown>;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/** Identifies service, operation, region and input of an SDK request; undefined when it is not one we can read. */
export function parseRequest(headers: http.IncomingHttpHeaders, body: string): ParsedRequest | { error: string } {
  const auth = typeof headers.authorization === 'string' ? CREDENTIAL_SCOPE.exec(headers.authorization) : null;
  const region = auth?.[1] ?? 'us-east-1';
  const signingName = auth?.[2];
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const wire = SERVICES.find((s) => s.target === prefix);
    if (!wire) return { error: `unknown X-Amz-Target service ${prefix}` };
    let input: Record<string, unknown> = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return { error: 'request body is not JSON' };
      }
    }
    return { wire, operation: target.slice(dot + 1), region, input };
  }
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (action) {
    const wire = SERVICES.find((s) => s.protocol === 'query' && s.signingName === signingName) ??
      SERVICES.find((s) => s.service === (action === 'GetCallerIdentity' ? 'sts' : 'iam'));
    if (!wire) return { error: 'unknown query service' };
    const input: Record<string, unknown> = {};
    for (const [k, v] of form) if (k !== 'Action' && k !== 'Version') input[k] = v;
    return { wire, operation: action, region, input };
  }
  return { error: 'request names no operation (no X-Amz-Target, no Action)' };
}

/** JSON protocols carry timestamps as epoch seconds. */
function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Date) return raw.getTime() / 1000;
  return value;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** awsQuery XML: structures nest by member name, lists are `<member>` elements, timestamps ISO 8601. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

function requestId(): string {
  return `fake-${Math.random().toString(16).slice(2, 10)}`;
}

export function successResponse(wire: ServiceWire, operation: string, output: unknown): WireResponse {
  const id = requestId();
  if (wire.protocol === 'query') {
    const body =
      `<${operation}Response xmlns="${wire.xmlns ?? ''}"><${operation}Result>${toXml(output)}</${operation}Result>` +
      `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${operation}Response>`;
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
  }
  return {
    status: 200,
    headers: { 'content-type': `application/x-amz-json-${wire.protocol === 'json1.0' ? '1.0' : '1.1'}`, 'x-amzn-requestid': id },
    body: JSON.stringify(output ?? {}, jsonReplacer),
  };
}

export function errorResponse(wire: ServiceWire, status: number, code: string, message: string): WireResponse {
  const id = requestId();
  if (wire.protocol === 'query') {
    const fault = status >= 500 ? 'Receiver' : 'Sender';
    const body =
      `<ErrorResponse xmlns="${wire.xmlns ?? ''}"><Error><Type>${fault}</Type><Code>${escapeXml(code)}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
    return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
  }
  const headers: Record<string, string> = {
    'content-type': `application/x-amz-json-${wire.protocol === 'json1.0' ? '1.0' : '1.1'}`,
    'x-amzn-requestid': id,
  };
  // awsQueryCompatible services also name the query-protocol error code in a header.
  if (wire.service === 'cloudwatch') headers['x-amzn-query-error'] = `${code};${status >= 500 ? 'Receiver' : 'Sender'}`;
  return { status, headers, body: JSON.stringify({ __type: code, message }) };
}

/** What the service says for an operation it does not have. */
export function unknownOperationResponse(wire: ServiceWire, operation: string): WireResponse {
  if (wire.protocol === 'query') {
    return errorResponse(wire, 400, 'InvalidAction', `Could not find operation ${operation} for version of the API`);
  }
  return errorResponse(wire, 400, 'UnknownOperationException', `Unknown operation ${operation}`);
}

/**
 * The refusal of a call the caller's policies do not allow, worded as AWS words it. `action` is the IAM action
 * (Budgets, for one, authorises every read with budgets:ViewBudget); `service:Operation` when not given.
 */
export function accessDeniedResponse(wire: ServiceWire, operation: string, accountId: string, action?: string): WireResponse {
  const what = action ?? `${wire.service}:${operation}`;
  return errorResponse(
    wire,
    wire.accessDenied.status,
    wire.accessDenied.code,
    `User: arn:aws:iam::${accountId}:user/mlaudit-bench is not authorized to perform: ${what} because no identity-based policy allows the ${what} action`,
  );
}

/** The refusal of credentials: `expired` session tokens, or keys the region does not know (`invalid`). */
export function credentialsResponse(wire: ServiceWire, reason: 'expired' | 'invalid'): WireResponse {
  const message =
    reason === 'expired'
      ? 'The security token included in the request is expired'
      : 'The security token included in the request is invalid.';
  // With the status of the service's other refusals: 403 from the query services, 400 from the JSON ones.
  return errorResponse(wire, wire.accessDenied.status, wire.credentialCodes[reason], message);
}
