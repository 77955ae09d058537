import {
  DescribeDomainCommand,
  ListDomainsCommand,
  ResourceNotFound,
  type DescribeDomainResponse,
  type DomainDetails,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { domainsCollector, toDomain } from '../../src/inventory/collectors/domains.js';
import { ACCOUNT, listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

// Domains are listed by id and described by DomainId; the suite's "names" are domain ids here.
const arn = (domainId: string): string => sagemakerArn('domain', domainId);
const created = new Date('2025-01-20T08:00:00.000Z');
const modified = new Date('2025-02-03T12:00:00.000Z');
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole-20250120T080000`;

const summary = (domainId: string): DomainDetails => ({
  DomainArn: arn(domainId),
  DomainId: domainId,
  DomainName: `studio-${domainId}`,
  Status: 'InService',
  CreationTime: created,
  LastModifiedTime: modified,
  Url: `https://${domainId}.studio.us-east-1.sagemaker.aws`,
});

/** What DescribeDomain returns for a domain created with the console's quick setup: IAM auth, public internet. */
const minimal = (domainId: string): DescribeDomainResponse => ({
  DomainArn: arn(domainId),
  DomainId: domainId,
  DomainName: `studio-${domainId}`,
  HomeEfsFileSystemId: 'fs-0123456789abcdef0',
  Status: 'InService',
  CreationTime: created,
  LastModifiedTime: modified,
  AuthMode: 'IAM',
  DefaultUserSettings: {
    ExecutionRole: ROLE_ARN,
    SharingSettings: { NotebookOutputOption: 'Allowed' },
    StudioWebPortal: 'ENABLED',
    DefaultLandingUri: 'studio::',
  },
  DomainSettings: { DockerSettings: { EnableDockerAccess: 'DISABLED' } },
  AppNetworkAccessType: 'PublicInternetOnly',
  SubnetIds: ['subnet-0a1b2c3d4e5f60718'],
  Url: `https://${domainId}.studio.us-east-1.sagemaker.aws`,
  VpcId: 'vpc-0a1b2c3d4e5f60718',
  AppSecurityGroupManagement: 'Service',
  TagPropagation: 'DISABLED',
});

const full: DescribeDomainResponse = {
  ...minimal('d-full00000001'),
  AuthMode: 'SSO',
  SingleSignOnManagedApplicationInstanceId: 'ins-0123456789abcdef',
  SingleSignOnApplicationArn: `arn:aws:sso::${ACCOUNT}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`,
  AppNetworkAccessType: 'VpcOnly',
  KmsKeyId: KEY_ARN,
  HomeEfsFileSystemKmsKeyId: KEY_ARN,
  SubnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b1c2d3e4f5a60719'],
  DefaultUserSettings: {
    ExecutionRole: ROLE_ARN,
    SecurityGroups: ['sg-0123456789abcdef0'],
    JupyterLabAppSettings: {
      DefaultResourceSpec: { InstanceType: 'ml.t3.medium' },
      AppLifecycleManagement: {
        IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 120, MinIdleTimeoutInMinutes: 60, MaxIdleTimeoutInMinutes: 480 },
      },
    },
  },
};

describe('toDomain', () => {
  it('maps authentication, network, key, default role and JupyterLab idle shutdown', () => {
    expect(toDomain(full, REGION)).toEqual({
      arn: arn('d-full00000001'),
      name: 'studio-d-full00000001',
      region: REGION,
      resourceType: 'AWS::SageMaker::Domain',
      tags: {},
      domainId: 'd-full00000001',
      status: 'InService',
      creationTime: '2025-01-20T08:00:00.000Z',
      authMode: 'SSO',
      appNetworkAccessType: 'VpcOnly',
      kmsKeyId: KEY_ARN,
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b1c2d3e4f5a60719'],
      singleSignOnApplicationArn: `arn:aws:sso::${ACCOUNT}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`,
      singleSignOnManagedApplicationInstanceId: 'ins-0123456789abcdef',
      defaultExecutionRole: ROLE_ARN,
      jupyterLabIdleShutdown: { enabled: true, idleTimeoutMinutes: 120, minIdleTimeoutMinutes: 60, maxIdleTimeoutMinutes: 480 },
    });
  });

  it('reports no key, idle shutdown disabled and no SSO application for a quick-setup domain', () => {
    const d = toDomain(minimal('d-quick0000001'), REGION);
    expect(d.authMode).toBe('IAM');
    expect(d.appNetworkAccessType).toBe('PublicInternetOnly');
    expect(d.kmsKeyId).toBeUndefined();
    expect(d.singleSignOnApplicationArn).toBeUndefined();
    expect(d.jupyterLabIdleShutdown).toEqual({ enabled: false });
    expect(JSON.parse(JSON.stringify(d.jupyterLabIdleShutdown))).toEqual({ enabled: false });
  });

  it('treats an absent AppNetworkAccessType as the API default, PublicInternetOnly', () => {
    const { AppNetworkAccessType: _omitted, ...rest } = minimal('d-old000000001');
    expect(toDomain(rest, REGION).appNetworkAccessType).toBe('PublicInternetOnly');
  });

  it('falls back to the deprecated HomeEfsFileSystemKmsKeyId', () => {
    expect(toDomain({ ...minimal('d-legacy000001'), HomeEfsFileSystemKmsKeyId: KEY_ARN }, REGION).kmsKeyId).toBe(KEY_ARN);
  });

  it('reads DISABLED idle shutdown as disabled, keeping the timeout for evidence', () => {
    const d = toDomain(
      {
        ...minimal('d-off000000001'),
        DefaultUserSettings: {
          JupyterLabAppSettings: {
            AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'DISABLED', IdleTimeoutInMinutes: 60 } },
          },
        },
      },
      REGION,
    );
    expect(d.jupyterLabIdleShutdown).toEqual({ enabled: false, idleTimeoutMinutes: 60 });
    expect(d.defaultExecutionRole).toBeUndefined();
  });
});

describe('domainsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(domainsCollector.operations).toEqual(['sagemaker:ListDomains', 'sagemaker:DescribeDomain']);
  });

  listDescribeSuite({
    collector: domainsCollector,
    list: { command: ListDomainsCommand, operation: 'ListDomains', pageKey: 'Domains' },
    describe: { command: DescribeDomainCommand, operation: 'DescribeDomain', nameKey: 'DomainId' },
    summary,
    output: minimal,
    arn,
    notFound: (domainId) => new ResourceNotFound({ message: `Domain ${arn(domainId)} not found.`, $metadata: { httpStatusCode: 400 } }),
  });
});
