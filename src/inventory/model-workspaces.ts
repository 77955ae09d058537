/** Inventory types of the workspaces group: see model.ts for the conventions every item follows. */
import type { PolicyDocument, PolicyStatement, ResourceBase } from './model.js';
import { sagemakerSlice, type SliceInfo } from './slice-info.js';

export type LifecycleHook = 'OnCreate' | 'OnStart';

/** Where a lifecycle script appears to hold a secret. Never the matched text: the inventory must not carry it. */
export interface SecretFinding {
  hook: LifecycleHook;
  /** What matched, e.g. `AWS access key id`, `private key block`, `password assignment`. */
  kind: string;
  /** 1-based line in the decoded script. */
  line: number;
}

/**
 * A notebook instance lifecycle configuration. The scripts themselves are scanned while collecting and then
 * dropped, so neither a saved inventory nor a report can leak what they hold.
 */
export interface NotebookLifecycleConfig extends ResourceBase {
  creationTime?: string;
  lastModifiedTime?: string;
  /** The hooks that carry a script. */
  hooks: LifecycleHook[];
  secretFindings: SecretFinding[];
  /** A script installs or calls the well-known idle auto-stop (autostop.py, or an idle check that stops the notebook). */
  autoStop: boolean;
}

export interface StudioIdleShutdown {
  /** IdleSettings.LifecycleManagement = ENABLED. */
  enabled: boolean;
  idleTimeoutMinutes?: number;
  /** The bounds within which users may pick their own timeout. */
  minIdleTimeoutMinutes?: number;
  maxIdleTimeoutMinutes?: number;
}

export interface Domain extends ResourceBase {
  domainId: string;
  status: string;
  creationTime?: string;
  /** `IAM` or `SSO`. */
  authMode?: string;
  /** `PublicInternetOnly` (the API default, also when DescribeDomain omits it) or `VpcOnly`. */
  appNetworkAccessType: string;
  kmsKeyId?: string;
  vpcId?: string;
  subnetIds: string[];
  singleSignOnApplicationArn?: string;
  /** Set for SSO domains created before SingleSignOnApplicationArn existed. */
  singleSignOnManagedApplicationInstanceId?: string;
  /** DefaultUserSettings.ExecutionRole. */
  defaultExecutionRole?: string;
  /** DefaultUserSettings.JupyterLabAppSettings.AppLifecycleManagement.IdleSettings; disabled when absent. */
  jupyterLabIdleShutdown: StudioIdleShutdown;
}

export interface WorkspaceSliceItems {
  notebookLifecycleConfigs: NotebookLifecycleConfig;
  domains: Domain;
}

export const WORKSPACE_SLICES: { [K in keyof WorkspaceSliceItems]: SliceInfo } = {
  // Derived: only the configurations the collected notebook instances use are described.
  notebookLifecycleConfigs: sagemakerSlice('AWS::SageMaker::NotebookInstanceLifecycleConfig', 'NotebookInstanceLifecycleConfig', {
    dependsOn: ['notebookInstances'],
    listOperation: 'DescribeNotebookInstanceLifecycleConfig',
  }),
  domains: sagemakerSlice('AWS::SageMaker::Domain', 'Domain'),
};

export const SAGEMAKER_SERVICE_PRINCIPAL = 'sagemaker.amazonaws.com';

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function assumesRole(s: PolicyStatement): boolean {
  return asArray(s.Action).some((a) => /^(sts:AssumeRole|sts:\*|\*)$/i.test(a));
}

function namesService(principal: unknown, service: string): boolean {
  if (typeof principal !== 'object' || principal === null) return false;
  const services = (principal as { Service?: unknown }).Service;
  const list = Array.isArray(services) ? services : [services];
  return list.some((s) => typeof s === 'string' && s.toLowerCase() === service);
}

/** The trust statements that let `service` (a service principal such as sagemaker.amazonaws.com) assume the role. */
export function serviceTrustStatements(trust: PolicyDocument | undefined, service = SAGEMAKER_SERVICE_PRINCIPAL): PolicyStatement[] {
  return asArray(trust?.Statement).filter(
    (s) => s.Effect === 'Allow' && assumesRole(s) && namesService(s.Principal, service.toLowerCase()),
  );
}

/** True when the role's trust policy lets SageMaker assume it (the role is a SageMaker execution role). */
export function trustsSageMaker(trust: PolicyDocument | undefined): boolean {
  return serviceTrustStatements(trust).length > 0;
}
