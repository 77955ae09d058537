import {
  DescribeNotebookInstanceLifecycleConfigCommand,
  type DescribeNotebookInstanceLifecycleConfigOutput,
} from '@aws-sdk/client-sagemaker';
import { collectionError, iso, type CollectorContext, type DerivedCollector } from '../collector.js';
import type { CollectionError, Slice, Slices } from '../model.js';
import type { LifecycleHook, NotebookLifecycleConfig, SecretFinding } from '../model-workspaces.js';
import { SLICES } from '../slices.js';
import { hasAutoStop, scanForSecrets } from './secret-patterns.js';

interface Reference {
  name: string;
  region: string;
}

/** Every lifecycle configuration the collected notebook instances use, once per name and region. */
export function lifecycleConfigReferences(sources: Partial<Slices>): Reference[] {
  const found = new Map<string, Reference>();
  for (const nb of sources.notebookInstances?.items ?? []) {
    const name = nb.lifecycleConfigName;
    if (name) found.set(`${nb.region}|${name}`, { name, region: nb.region });
  }
  return [...found.values()].sort((a, b) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name));
}

export function lifecycleConfigArn(name: string, region: string, accountId: string): string {
  // SageMaker writes resource names lowercased in its ARNs.
  return `arn:aws:sagemaker:${region}:${accountId}:notebook-instance-lifecycle-config/${name.toLowerCase()}`;
}

/** Hook contents are base64-encoded shell scripts (at most 16384 characters each). */
function decode(content: string | undefined): string {
  return content ? Buffer.from(content, 'base64').toString('utf8') : '';
}

/**
 * Decodes and scans the scripts, then keeps only the verdicts: which hooks exist, where secrets seem to be (kind and
 * line, never the text) and whether an idle auto-stop is installed. The scripts themselves are not kept.
 */
export function toNotebookLifecycleConfig(
  d: DescribeNotebookInstanceLifecycleConfigOutput,
  region: string,
): NotebookLifecycleConfig {
  const hooks: LifecycleHook[] = [];
  const secretFindings: SecretFinding[] = [];
  let autoStop = false;
  const scripts: [LifecycleHook, DescribeNotebookInstanceLifecycleConfigOutput['OnCreate']][] = [
    ['OnCreate', d.OnCreate],
    ['OnStart', d.OnStart],
  ];
  for (const [hook, entries] of scripts) {
    for (const entry of entries ?? []) {
      const script = decode(entry.Content);
      if (!script) continue;
      if (!hooks.includes(hook)) hooks.push(hook);
      for (const m of scanForSecrets(script)) secretFindings.push({ hook, kind: m.kind, line: m.line });
      autoStop ||= hasAutoStop(script);
    }
  }
  return {
    arn: d.NotebookInstanceLifecycleConfigArn ?? '',
    name: d.NotebookInstanceLifecycleConfigName ?? '',
    region,
    resourceType: SLICES.notebookLifecycleConfigs.resourceType,
    tags: {},
    creationTime: iso(d.CreationTime),
    lastModifiedTime: iso(d.LastModifiedTime),
    hooks,
    secretFindings,
    autoStop,
  };
}

export const notebookLifecycleConfigsCollector: DerivedCollector<'notebookLifecycleConfigs'> = {
  slice: 'notebookLifecycleConfigs',
  scope: 'derived',
  operations: ['sagemaker:DescribeNotebookInstanceLifecycleConfig'],
  collect: async (ctx: CollectorContext, _regions, sources): Promise<Slice<NotebookLifecycleConfig>> => {
    const errors: CollectionError[] = [];
    const items = await Promise.all(
      lifecycleConfigReferences(sources).map(async ({ name, region }): Promise<NotebookLifecycleConfig | undefined> => {
        try {
          const output = await ctx.limit('sagemaker', region)(() => {
            ctx.signal?.throwIfAborted();
            return ctx.clients
              .get('sagemaker', region)
              .send(new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }));
          });
          return toNotebookLifecycleConfig(output, region);
        } catch (err) {
          if (ctx.signal?.aborted) throw err;
          // Unlike a Describe after a List, a configuration that cannot be found is an error here: a notebook
          // names it, so the rules must not conclude from its absence.
          errors.push(
            collectionError(err, {
              slice: 'notebookLifecycleConfigs',
              region,
              service: 'sagemaker',
              operation: 'DescribeNotebookInstanceLifecycleConfig',
              resourceArn: lifecycleConfigArn(name, region, ctx.accountId),
            }),
          );
          return undefined;
        }
      }),
    );
    return {
      items: items
        .filter((c): c is NotebookLifecycleConfig => c !== undefined)
        .sort((a, b) => a.arn.localeCompare(b.arn)),
      errors: errors.sort((a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')),
    };
  },
};
