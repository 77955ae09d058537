import {
  DescribeNotebookInstanceLifecycleConfigCommand,
  SageMakerClient,
  SageMakerServiceException,
  type DescribeNotebookInstanceLifecycleConfigOutput,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  lifecycleConfigReferences,
  notebookLifecycleConfigsCollector,
  toNotebookLifecycleConfig,
} from '../../src/inventory/collectors/notebook-lifecycle-configs.js';
import type { NotebookInstance, Slices } from '../../src/inventory/model.js';
import { ACCOUNT_ID, collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

const sagemaker = mockClient(SageMakerClient);
beforeEach(() => {
  sagemaker.reset();
});
afterAll(() => {
  sagemaker.restore();
});

const EU = 'eu-west-1';
const arn = (name: string, region = 'us-east-1'): string =>
  `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:notebook-instance-lifecycle-config/${name.toLowerCase()}`;
const b64 = (script: string): string => Buffer.from(script, 'utf8').toString('base64');
const created = new Date('2025-02-01T09:00:00.000Z');
const modified = new Date('2025-02-10T16:45:00.000Z');

const AUTO_STOP_SCRIPT = [
  '#!/bin/bash',
  'set -e',
  'IDLE_TIME=3600',
  'wget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py',
  '(crontab -l 2>/dev/null; echo "*/5 * * * * /usr/bin/python3 $PWD/autostop.py --time $IDLE_TIME --ignore-connections") | crontab -',
].join('\n');

const LEAKY_SCRIPT = [
  '#!/bin/bash',
  'sudo -u ec2-user -i <<EOF',
  'pip install -q snowflake-connector-python',
  'export SNOWFLAKE_PASSWORD="Wint3r-Is-Coming!"',
  'aws configure set aws_access_key_id AKIA2OGYBAH6XYZ4QW7M',
  'EOF',
].join('\n');

/** A DescribeNotebookInstanceLifecycleConfig response, with an OnStart script and optionally an OnCreate one. */
function output(name: string, onStart: string = AUTO_STOP_SCRIPT, onCreate?: string, region = 'us-east-1'): DescribeNotebookInstanceLifecycleConfigOutput {
  return {
    NotebookInstanceLifecycleConfigArn: arn(name, region),
    NotebookInstanceLifecycleConfigName: name,
    ...(onCreate !== undefined ? { OnCreate: [{ Content: b64(onCreate) }] } : {}),
    OnStart: [{ Content: b64(onStart) }],
    LastModifiedTime: modified,
    CreationTime: created,
  };
}

const notebook = (name: string, lifecycleConfigName: string | undefined, region = 'us-east-1'): NotebookInstance => ({
  arn: `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:notebook-instance/${name}`,
  name,
  region,
  resourceType: 'AWS::SageMaker::NotebookInstance',
  tags: {},
  status: 'InService',
  directInternetAccess: false,
  rootAccess: false,
  securityGroups: [],
  ...(lifecycleConfigName ? { lifecycleConfigName } : {}),
});

const sources = (notebooks: NotebookInstance[]): Partial<Slices> => ({ notebookInstances: { items: notebooks, errors: [] } });

interface Served {
  calls: { name: string; region: string }[];
}

/** Serves Describe outputs by name; an Error value makes that name fail. */
function serve(configs: Record<string, DescribeNotebookInstanceLifecycleConfigOutput | Error>): Served {
  const served: Served = { calls: [] };
  sagemaker.on(DescribeNotebookInstanceLifecycleConfigCommand).callsFake(async (input: { NotebookInstanceLifecycleConfigName: string }, getClient) => {
    const name = input.NotebookInstanceLifecycleConfigName;
    served.calls.push({ name, region: await getClient().config.region() });
    const c = configs[name];
    if (c === undefined) throw new Error(`unexpected config ${name}`);
    if (c instanceof Error) throw c;
    return c;
  });
  return served;
}

describe('toNotebookLifecycleConfig', () => {
  it('decodes both hooks, keeps where secrets are and whether an auto-stop runs, and drops the scripts', () => {
    const config = toNotebookLifecycleConfig(output('ds-setup', AUTO_STOP_SCRIPT, LEAKY_SCRIPT), 'us-east-1');
    expect(config).toEqual({
      arn: arn('ds-setup'),
      name: 'ds-setup',
      region: 'us-east-1',
      resourceType: 'AWS::SageMaker::NotebookInstanceLifecycleConfig',
      tags: {},
      creationTime: '2025-02-01T09:00:00.000Z',
      lastModifiedTime: '2025-02-10T16:45:00.000Z',
      hooks: ['OnCreate', 'OnStart'],
      secretFindings: [
        { hook: 'OnCreate', kind: 'password assignment', line: 4 },
        { hook: 'OnCreate', kind: 'AWS access key id', line: 5 },
      ],
      autoStop: true,
    });
    const saved = JSON.stringify(config);
    expect(saved).not.toContain('Wint3r');
    expect(saved).not.toContain('AKIA');
    expect(saved).not.toContain(b64(LEAKY_SCRIPT).slice(0, 20));
  });

  it('reports no hooks, no findings and no auto-stop for a configuration without scripts', () => {
    const config = toNotebookLifecycleConfig(
      { NotebookInstanceLifecycleConfigArn: arn('empty'), NotebookInstanceLifecycleConfigName: 'empty', CreationTime: created, LastModifiedTime: modified },
      'us-east-1',
    );
    expect(config).toMatchObject({ hooks: [], secretFindings: [], autoStop: false });
  });
});

describe('lifecycleConfigReferences', () => {
  it('lists each configuration once per region, skipping notebooks without one', () => {
    expect(
      lifecycleConfigReferences(
        sources([notebook('a', 'shared'), notebook('b', 'shared'), notebook('c', undefined), notebook('d', 'shared', EU)]),
      ),
    ).toEqual([
      { name: 'shared', region: EU },
      { name: 'shared', region: 'us-east-1' },
    ]);
  });
});

describe('notebookLifecycleConfigsCollector', () => {
  it('declares exactly the operations it calls, and is derived from notebook instances', () => {
    expect(notebookLifecycleConfigsCollector.operations).toEqual(['sagemaker:DescribeNotebookInstanceLifecycleConfig']);
    expect(notebookLifecycleConfigsCollector.scope).toBe('derived');
  });

  it('describes each configuration the notebooks use once, in the notebook\'s region', async () => {
    const served = serve({ 'auto-stop': output('auto-stop'), leaky: output('leaky', LEAKY_SCRIPT) });
    const { ctx } = collectorContext();
    const slice = await notebookLifecycleConfigsCollector.collect(
      ctx,
      ['us-east-1', EU],
      sources([notebook('nb-1', 'auto-stop'), notebook('nb-2', 'auto-stop'), notebook('nb-3', 'leaky'), notebook('nb-4', undefined)]),
    );
    expect(slice.errors).toEqual([]);
    expect(served.calls.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'auto-stop', region: 'us-east-1' },
      { name: 'leaky', region: 'us-east-1' },
    ]);
    expect(slice.items.map((c) => [c.name, c.autoStop, c.secretFindings.length])).toEqual([
      ['auto-stop', true, 0],
      ['leaky', false, 2],
    ]);
  });

  it('describes a same-named configuration in each region that uses it', async () => {
    const served = serve({ setup: output('setup') });
    const { ctx } = collectorContext();
    const slice = await notebookLifecycleConfigsCollector.collect(
      ctx,
      ['us-east-1', EU],
      sources([notebook('nb-us', 'setup'), notebook('nb-eu', 'setup', EU)]),
    );
    expect(served.calls.map((c) => c.region).sort()).toEqual([EU, 'us-east-1']);
    expect(slice.items.map((c) => c.region).sort()).toEqual([EU, 'us-east-1']);
  });

  it('makes no call when no notebook uses a lifecycle configuration', async () => {
    serve({});
    const { ctx } = collectorContext();
    const slice = await notebookLifecycleConfigsCollector.collect(ctx, ['us-east-1'], sources([notebook('nb', undefined)]));
    expect(slice).toEqual({ items: [], errors: [] });
    expect(sagemaker.calls()).toHaveLength(0);
  });

  it('records a denied Describe against that configuration and collects the others', async () => {
    const message = notAuthorized('sagemaker:DescribeNotebookInstanceLifecycleConfig', arn('secret-setup'));
    serve({
      'auto-stop': output('auto-stop'),
      'secret-setup': serviceError(SageMakerServiceException, 'AccessDeniedException', message),
    });
    const { ctx } = collectorContext();
    const slice = await notebookLifecycleConfigsCollector.collect(
      ctx,
      ['us-east-1'],
      sources([notebook('nb-1', 'auto-stop'), notebook('nb-2', 'secret-setup')]),
    );
    expect(slice.items.map((c) => c.name)).toEqual(['auto-stop']);
    expect(slice.errors).toEqual([
      {
        slice: 'notebookLifecycleConfigs',
        region: 'us-east-1',
        operation: 'DescribeNotebookInstanceLifecycleConfig',
        action: 'sagemaker:DescribeNotebookInstanceLifecycleConfig',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        // Messages are kept to 300 characters.
        message: `${message.slice(0, 297)}...`,
        resourceArn: arn('secret-setup'),
      },
    ]);
  });

  it('records a configuration a notebook names but that no longer exists as an error, not as absent', async () => {
    // There is no List before this Describe: the name comes from a notebook, so "not found" is a finding to surface.
    serve({
      Gone: serviceError(SageMakerServiceException, 'ValidationException', `Unable to describe Notebook Instance Lifecycle Config '${arn('Gone')}'. (Reason: Notebook Instance Lifecycle Config does not exist)`),
    });
    const { ctx } = collectorContext();
    const slice = await notebookLifecycleConfigsCollector.collect(ctx, ['us-east-1'], sources([notebook('nb', 'Gone')]));
    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      expect.objectContaining({ code: 'ValidationException', kind: 'api-error', resourceArn: arn('gone') }),
    ]);
  });

  it('stops with the abort reason when the scan is cancelled', async () => {
    serve({ setup: output('setup') });
    const controller = new AbortController();
    controller.abort();
    const { ctx } = collectorContext({ signal: controller.signal });
    await expect(
      notebookLifecycleConfigsCollector.collect(ctx, ['us-east-1'], sources([notebook('nb', 'setup')])),
    ).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(sagemaker.calls()).toHaveLength(0);
  });
});
