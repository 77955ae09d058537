import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, InitializeMiddleware } from '@smithy/types';
import { CLIENT_SERVICES, findReadOperation } from './read-operations.js';

export class ReadOnlyViolationError extends Error {
  override name = 'ReadOnlyViolationError';
  constructor(
    readonly client: string,
    readonly operation: string,
  ) {
    super(
      `mlaudit refused to send ${client}.${operation}: it is not on the read-only allowlist (src/aws/read-operations.ts)`,
    );
  }
}

/** The operation name from the SDK's middleware context (`DescribeEndpointCommand` → `DescribeEndpoint`). */
export function operationOf(context: HandlerExecutionContext): { client: string; operation: string } {
  const client = context.clientName ?? 'unknown';
  const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
  return { client, operation };
}

/**
 * Runs in the initialize step, before serialisation, signing and sending: a refused command never leaves the
 * process and never sees credentials.
 */
export const readOnlyGuard: InitializeMiddleware<object, object> =
  (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
  async (args: InitializeHandlerArguments<object>) => {
    const { client, operation } = operationOf(context);
    const service = CLIENT_SERVICES[client];
    if (service === undefined || findReadOperation(service, operation) === undefined) {
      throw new ReadOnlyViolationError(client, operation);
    }
    return next(args);
  };

export const READ_ONLY_GUARD_NAME = 'mlauditReadOnlyGuard';
