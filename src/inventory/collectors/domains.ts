import {
  DescribeDomainCommand,
  paginateListDomains,
  type DescribeDomainResponse,
  type DomainDetails,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { Domain } from '../model-workspaces.js';
import { SLICES } from '../slices.js';

export function toDomain(d: DescribeDomainResponse, region: string): Domain {
  const idle = d.DefaultUserSettings?.JupyterLabAppSettings?.AppLifecycleManagement?.IdleSettings;
  return {
    arn: d.DomainArn ?? '',
    // Domain names need not be unique; the id (d-xxxxxxxxxxxx) is what ARNs and every API call use.
    name: d.DomainName ?? d.DomainId ?? '',
    region,
    resourceType: SLICES.domains.resourceType,
    tags: {},
    domainId: d.DomainId ?? '',
    status: d.Status ?? 'Unknown',
    creationTime: iso(d.CreationTime),
    authMode: d.AuthMode,
    // PublicInternetOnly is the API default.
    appNetworkAccessType: d.AppNetworkAccessType ?? 'PublicInternetOnly',
    // HomeEfsFileSystemKmsKeyId is the deprecated name of the same setting; older domains may only report that one.
    // Both are omitted when the domain uses the AWS-managed key.
    kmsKeyId: d.KmsKeyId ?? d.HomeEfsFileSystemKmsKeyId,
    vpcId: d.VpcId,
    subnetIds: d.SubnetIds ?? [],
    singleSignOnApplicationArn: d.SingleSignOnApplicationArn,
    singleSignOnManagedApplicationInstanceId: d.SingleSignOnManagedApplicationInstanceId,
    defaultExecutionRole: d.DefaultUserSettings?.ExecutionRole,
    jupyterLabIdleShutdown: {
      enabled: idle?.LifecycleManagement === 'ENABLED',
      idleTimeoutMinutes: idle?.IdleTimeoutInMinutes,
      minIdleTimeoutMinutes: idle?.MinIdleTimeoutInMinutes,
      maxIdleTimeoutMinutes: idle?.MaxIdleTimeoutInMinutes,
    },
  };
}

export const domainsCollector: RegionalCollector<'domains'> = {
  slice: 'domains',
  scope: 'regional',
  operations: ['sagemaker:ListDomains', 'sagemaker:DescribeDomain'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<DomainDetails, Domain>({
      ctx,
      slice: 'domains',
      region,
      service: 'sagemaker',
      listOperation: 'ListDomains',
      describeOperation: 'DescribeDomain',
      pages: () => pagesOf(paginateListDomains({ client, pageSize: 100 }, {}), (p) => p.Domains),
      arnOf: (s) => s.DomainArn ?? '',
      describe: async (s) => toDomain(await client.send(new DescribeDomainCommand({ DomainId: s.DomainId })), region),
    });
  },
};
