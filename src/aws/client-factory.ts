import http from 'node:http';
import https from 'node:https';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  DeserializeHandlerArguments,
  DeserializeMiddleware,
  FinalizeHandlerArguments,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  InitializeHandlerArguments,
  InitializeMiddleware,
  MiddlewareStack,
} from '@smithy/types';
import { CallStats } from './call-stats.js';
import { classifyError, isNotFound } from './classify-error.js';
import { OperationPacer } from './operation-pacer.js';
import { CLIENT_SERVICES } from './read-operations.js';
import { operationOf, READ_ONLY_GUARD_NAME, readOnlyGuard } from './read-only-guard.js';

export interface AwsOptions {
  profile?: string;
  /** Overrides every service's endpoint (an emulator, a VPC endpoint). AWS_ENDPOINT_URL[_SERVICE] also work. */
  endpointUrl?: string;
  /** Total attempts per call (the SDK's standard retry mode, with a pacer per operation). */
  maxAttempts?: number;
  /** Per-attempt timeout for a socket that connects but never answers. */
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Sockets per service endpoint; should match the collectors' concurrency. */
  maxSockets?: number;
  /** Fixed credentials (tests, or a role already assumed); the default credential chain otherwise. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Called with one line per call attempt when --debug is on. Never receives headers or credentials. */
  debug?: (line: string) => void;
  /** Counters shared with other factories (one per account in a many-account scan); a fresh set otherwise. */
  stats?: CallStats;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** IAM, Budgets and Organizations have a single global endpoint in the aws partition, signed for us-east-1. */
const GLOBAL_SIGNING_REGION = 'us-east-1';
const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['iam', 'budgets', 'organizations']);

interface ServiceClients {
  sagemaker: SageMakerClient;
  iam: IAMClient;
  kms: KMSClient;
  sts: STSClient;
  cloudwatch: CloudWatchClient;
  budgets: BudgetsClient;
  'application-autoscaling': ApplicationAutoScalingClient;
  organizations: OrganizationsClient;
  tag: ResourceGroupsTaggingAPIClient;
}

type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

const CONSTRUCTORS: { [K in keyof ServiceClients]: ClientConstructor<ServiceClients[K]> } = {
  sagemaker: SageMakerClient as unknown as ClientConstructor<SageMakerClient>,
  iam: IAMClient as unknown as ClientConstructor<IAMClient>,
  kms: KMSClient as unknown as ClientConstructor<KMSClient>,
  sts: STSClient as unknown as ClientConstructor<STSClient>,
  cloudwatch: CloudWatchClient as unknown as ClientConstructor<CloudWatchClient>,
  budgets: BudgetsClient as unknown as ClientConstructor<BudgetsClient>,
  'application-autoscaling': ApplicationAutoScalingClient as unknown as ClientConstructor<ApplicationAutoScalingClient>,
  organizations: OrganizationsClient as unknown as ClientConstructor<OrganizationsClient>,
  tag: ResourceGroupsTaggingAPIClient as unknown as ClientConstructor<ResourceGroupsTaggingAPIClient>,
};

/**
 * One client per service × region, all sharing credentials, retry policy, HTTP agents, the read-only guard and
 * the call counters.
 */
export class ClientFactory {
  readonly stats: CallStats;
  private readonly clients = new Map<string, unknown>();
  private readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  private readonly handler: NodeHttpHandler;
  private readonly pacers = new Map<string, OperationPacer>();

  constructor(private readonly options: AwsOptions = {}) {
    this.stats = options.stats ?? new CallStats();
    // One provider for every client, so SSO/assume-role/IMDS resolve once rather than per client.
    this.credentials =
      options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
    const maxSockets = options.maxSockets ?? 50;
    this.handler = new NodeHttpHandler({
      connectionTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Without it the handler only logs a warning when the timeout passes, and a socket that never answers holds
      // its call, and the scan, forever.
      throwOnRequestTimeout: true,
      // The request timeout ends when the response headers arrive; a body that stops halfway needs this one.
      socketTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      httpAgent: new http.Agent({ keepAlive: true, maxSockets }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets }),
    });
  }

  get<K extends keyof ServiceClients>(service: K, region: string): ServiceClients[K] {
    const signingRegion = GLOBAL_SERVICES.has(service) ? GLOBAL_SIGNING_REGION : region;
    const key = `${service}|${signingRegion}`;
    const existing = this.clients.get(key);
    if (existing) return existing as ServiceClients[K];
    const client = new CONSTRUCTORS[service]({
      region: signingRegion,
      credentials: this.credentials,
      // Standard retries (exponential backoff with jitter) plus a pacer per operation (operation-pacer.ts): the
      // adaptive mode's single rate per client would let one throttled operation slow all the others.
      retryMode: 'standard',
      maxAttempts: this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      requestHandler: this.handler,
      ...(this.options.endpointUrl ? { endpoint: this.options.endpointUrl } : {}),
    });
    installMiddleware(
      (client as unknown as { middlewareStack: MiddlewareStack<object, object> }).middlewareStack,
      this,
      signingRegion,
    );
    this.clients.set(key, client);
    return client;
  }

  /** The pacer of one operation in one region, shared by every call of it. */
  pacer(key: string): OperationPacer {
    let p = this.pacers.get(key);
    if (!p) {
      p = new OperationPacer();
      this.pacers.set(key, p);
    }
    return p;
  }

  debug(line: string): void {
    this.options.debug?.(line);
  }

  destroy(): void {
    for (const c of this.clients.values()) (c as { destroy(): void }).destroy();
    this.clients.clear();
    this.handler.destroy();
  }
}

/**
 * A page that hands back the very token it was asked with. The SDK's paginators would ask for it again, and again:
 * a listing that never ends. It fails instead, so the collector records that slice as unreadable.
 */
export class PaginationLoopError extends Error {
  override name = 'PaginationLoop';
}

/** The pagination tokens of the read operations: NextToken, Marker for IAM, PaginationToken for the Tagging API. */
const PAGE_TOKENS = ['NextToken', 'Marker', 'PaginationToken'] as const;

function callKey(context: HandlerExecutionContext): string {
  const { client, operation } = operationOf(context);
  return `${CLIENT_SERVICES[client] ?? client}:${operation}`;
}

function installMiddleware(stack: MiddlewareStack<object, object>, factory: ClientFactory, region: string): void {
  stack.add(readOnlyGuard, { step: 'initialize', priority: 'high', name: READ_ONLY_GUARD_NAME });

  const countCalls: InitializeMiddleware<object, object> = (next, context) => async (args: InitializeHandlerArguments<object>) => {
    const key = callKey(context);
    factory.stats.recordCall(key);
    try {
      return await next(args);
    } catch (err) {
      if (!isNotFound(err)) factory.stats.recordFailure();
      throw err;
    }
  };
  stack.add(countCalls, { step: 'initialize', priority: 'low', name: 'mlauditCallCounter' });

  // Inside the call counter, so that a loop counts as a failed call.
  const stopPageLoops: InitializeMiddleware<object, object> = (next, context) => async (args: InitializeHandlerArguments<object>) => {
    const out = await next(args);
    const input = args.input as Record<string, unknown>;
    const output = out.output as Record<string, unknown>;
    for (const field of PAGE_TOKENS) {
      const sent = input[field];
      if (typeof sent === 'string' && sent !== '' && output[field] === sent) {
        throw new PaginationLoopError(`${callKey(context)} returned the ${field} it was sent: its pages would repeat forever`);
      }
    }
    return out;
  };
  stack.add(stopPageLoops, { step: 'initialize', priority: 'low', name: 'mlauditPageLoopStop' });

  // The deserialize step runs once per HTTP attempt, inside the retry loop.
  const countAttempts: DeserializeMiddleware<object, object> = (next, context) => async (args: DeserializeHandlerArguments<object>) => {
    const started = Date.now();
    try {
      const out = await next(args);
      factory.stats.recordAttempt(false);
      factory.debug(`${callKey(context)} ok ${Date.now() - started}ms`);
      return out;
    } catch (err) {
      const c = classifyError(err);
      factory.stats.recordAttempt(c.kind === 'throttled');
      factory.debug(`${callKey(context)} ${c.code}${c.httpStatus ? ` HTTP ${c.httpStatus}` : ''} ${Date.now() - started}ms`);
      throw err;
    }
  };
  stack.add(countAttempts, { step: 'deserialize', priority: 'high', name: 'mlauditAttemptCounter' });

  // Inside the retry loop: every attempt, first or retry, waits for its operation's pacer.
  const pace: FinalizeRequestMiddleware<object, object> = (next, context) => async (args: FinalizeHandlerArguments<object>) => {
    const pacer = factory.pacer(`${callKey(context)}|${region}`);
    await pacer.acquire();
    try {
      const out = await next(args);
      pacer.success();
      return out;
    } catch (err) {
      if (classifyError(err).kind === 'throttled') pacer.throttled();
      throw err;
    }
  };
  stack.addRelativeTo(pace, { relation: 'after', toMiddleware: 'retryMiddleware', name: 'mlauditOperationPacer' });
}
