import {
  DescribeNotebookInstanceCommand,
  paginateListNotebookInstances,
  type DescribeNotebookInstanceCommandOutput,
  type NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { NotebookInstance } from '../model.js';
import { SLICES } from '../slices.js';

export function toNotebookInstance(d: DescribeNotebookInstanceCommandOutput, region: string): NotebookInstance {
  return {
    arn: d.NotebookInstanceArn ?? '',
    name: d.NotebookInstanceName ?? '',
    region,
    resourceType: SLICES.notebookInstances.resourceType,
    tags: {},
    status: d.NotebookInstanceStatus ?? 'Unknown',
    instanceType: d.InstanceType,
    // The API default is Enabled: an absent value means the notebook can reach the internet.
    directInternetAccess: d.DirectInternetAccess !== 'Disabled',
    rootAccess: d.RootAccess !== 'Disabled',
    subnetId: d.SubnetId,
    securityGroups: d.SecurityGroups ?? [],
    kmsKeyId: d.KmsKeyId,
    platformIdentifier: d.PlatformIdentifier,
    lifecycleConfigName: d.NotebookInstanceLifecycleConfigName,
    roleArn: d.RoleArn,
    creationTime: iso(d.CreationTime),
    lastModifiedTime: iso(d.LastModifiedTime),
    minimumImdsVersion: d.InstanceMetadataServiceConfiguration?.MinimumInstanceMetadataServiceVersion,
  };
}

export const notebookInstancesCollector: RegionalCollector<'notebookInstances'> = {
  slice: 'notebookInstances',
  scope: 'regional',
  operations: ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<NotebookInstanceSummary, NotebookInstance>({
      ctx,
      slice: 'notebookInstances',
      region,
      service: 'sagemaker',
      listOperation: 'ListNotebookInstances',
      describeOperation: 'DescribeNotebookInstance',
      pages: () => pagesOf(paginateListNotebookInstances({ client, pageSize: 100 }, {}), (p) => p.NotebookInstances),
      arnOf: (s) => s.NotebookInstanceArn ?? '',
      describe: async (s) =>
        toNotebookInstance(
          await client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: s.NotebookInstanceName })),
          region,
        ),
    });
  },
};
