import type { ErrorKind } from '../inventory/model.js';
import { ReadOnlyViolationError } from './read-only-guard.js';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AuthorizationErrorException',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
]);

const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
]);

export interface ClassifiedError {
  kind: ErrorKind;
  code: string;
  message: string;
  httpStatus?: number;
  credentials: boolean;
}

interface SdkErrorLike {
  name?: unknown;
  Code?: unknown;
  /** Node's system error code (ECONNRESET, ETIMEDOUT) on network failures. */
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** Keeps messages to one short line; SDK messages never hold credentials, but some echo whole HTML bodies. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

export function classifyError(err: unknown): ClassifiedError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  // The SDK names a dropped connection and a request timeout alike `TimeoutError`; Node's code tells them apart.
  const network = (e.name === 'TimeoutError' || e.name === 'Error') && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code);
  const code = network
    ? (e.code as string)
    : typeof e.name === 'string' && e.name !== 'Error'
      ? e.name
      : typeof e.Code === 'string'
        ? e.Code
        : 'Error';
  const message = oneLine(typeof e.message === 'string' ? e.message : String(err));
  const httpStatus = e.$metadata?.httpStatusCode;
  const base = { code, message, ...(httpStatus !== undefined ? { httpStatus } : {}) };
  if (err instanceof ReadOnlyViolationError) return { ...base, kind: 'api-error', credentials: false };
  if (ACCESS_DENIED.has(code) || httpStatus === 403) {
    return { ...base, kind: 'access-denied', credentials: CREDENTIALS.has(code) };
  }
  if (THROTTLED.has(code) || httpStatus === 429) return { ...base, kind: 'throttled', credentials: false };
  if (CREDENTIALS.has(code)) return { ...base, kind: 'api-error', credentials: true };
  // An emulator or proxy that does not know an operation answers 501, or a 500 with an HTML page the SDK
  // cannot parse: name it by its HTTP status rather than the parser's complaint.
  if (httpStatus === 501 || code === 'NotImplemented' || code === 'UnknownOperationException') {
    return { ...base, kind: 'not-implemented', credentials: false };
  }
  // A body cut off by a timeout carries the deserializer's note too, but it is a timeout, not an unreadable answer.
  const timedOut = e.name === 'TimeoutError';
  if (!timedOut && (code === 'SyntaxError' || /Unexpected token|is not valid JSON|Deserialization error/i.test(message))) {
    return {
      ...base,
      code: httpStatus !== undefined ? `HTTP${httpStatus}` : 'MalformedResponse',
      message: `unreadable response${httpStatus !== undefined ? ` (HTTP ${httpStatus})` : ''}: ${message.slice(0, 120)}`,
      kind: httpStatus === 500 || httpStatus === 404 ? 'not-implemented' : 'api-error',
      credentials: false,
    };
  }
  return { ...base, kind: 'api-error', credentials: false };
}

/** A Describe after a List can find the resource gone: SageMaker says so in several ways. */
/** Whether an error code says the credentials themselves were refused (expired, invalid), not the request. */
export function isCredentialsCode(code: string): boolean {
  return CREDENTIALS.has(code);
}

export function isNotFound(err: unknown): boolean {
  const { code, message } = classifyError(err);
  if (code === 'ResourceNotFound' || code === 'ResourceNotFoundException' || code === 'NoSuchEntity' ||
    code === 'NoSuchEntityException' || code === 'NotFoundException') {
    return true;
  }
  return code === 'ValidationException' && /could not find|does not exist|not found|cannot be found/i.test(message);
}
