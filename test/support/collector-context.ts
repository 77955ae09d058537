import pLimit, { type LimitFunction } from 'p-limit';
import { ClientFactory } from '../../src/aws/client-factory.js';
import type { ServiceId } from '../../src/aws/read-operations.js';
import type { CollectorContext } from '../../src/inventory/collector.js';

export const ACCOUNT_ID = '111122223333';
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };

export interface TestCollectorContext {
  ctx: CollectorContext;
  /** What the collectors noted, in order (not deduplicated, unlike collectInventory). */
  notes: string[];
  clients: ClientFactory;
}

/**
 * A CollectorContext for unit tests. Clients come from a real ClientFactory with fixed credentials;
 * aws-sdk-client-mock stubs the client classes' `send`, so nothing leaves the process.
 */
export function collectorContext(overrides: Partial<Omit<CollectorContext, 'note' | 'clients' | 'limit'>> = {}): TestCollectorContext {
  const clients = new ClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const limits = new Map<string, LimitFunction>();
  const notes: string[] = [];
  const ctx: CollectorContext = {
    accountId: ACCOUNT_ID,
    clients,
    limit: (service: ServiceId, region: string) => {
      const key = `${service}|${region}`;
      let l = limits.get(key);
      if (!l) {
        l = pLimit(4);
        limits.set(key, l);
      }
      return l;
    },
    since: new Date('2025-01-01T00:00:00.000Z'),
    maxJobs: 2000,
    note: (text) => notes.push(text),
    ...overrides,
  };
  return { ctx, notes, clients };
}

/**
 * An error shaped like the SDK's for an unmodeled service error (AccessDeniedException, ValidationException):
 * the service's base exception class with `name` set to the error code.
 */
export function serviceError<E>(
  ExceptionClass: new (options: { name: string; $fault: 'client' | 'server'; $metadata: { httpStatusCode?: number }; message?: string }) => E,
  name: string,
  message: string,
  httpStatusCode = 400,
): E {
  return new ExceptionClass({ name, $fault: 'client', $metadata: { httpStatusCode }, message });
}

/** The text AWS returns when an identity policy lacks an action. */
export function notAuthorized(action: string, resource: string): string {
  return `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/Auditor/mlaudit is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
