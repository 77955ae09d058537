/**
 * End to end: the built CLI (`node bin/mlaudit scan`) against moto, a local AWS emulator, through a proxy that
 * records every request on the wire.
 *
 * What moto (5.2) keeps, checked by creating each resource type and reading it back with Describe*:
 *
 *   round-trips (asserted here)                         ignored or missing (not asserted here; see test/rules)
 *   ------------------------------------------------    --------------------------------------------------------
 *   Notebook: DirectInternetAccess, RootAccess (absent   Notebook: PlatformIdentifier,
 *     unless set: read as the API default Enabled),        InstanceMetadataServiceConfiguration (both absent)
 *     SubnetId, SecurityGroups, KmsKeyId, RoleArn        EndpointConfig without capture: answers
 *   EndpointConfig: KmsKeyId, ProductionVariants           DataCaptureConfig {} (AWS omits it), which the
 *     (InstanceType, InitialInstanceCount),                 collector reads as "enabled at 0%": only the FAIL of
 *     DataCaptureConfig (EnableCapture, sampling,           ep-fail is asserted, not its message id
 *     CaptureOptions, KmsKeyId)                           Endpoint: DataCaptureConfig.CaptureStatus and
 *   Endpoint: EndpointConfigName, status InService,         CurrentSamplingPercentage (absent)
 *     CurrentInstanceCount (= InitialInstanceCount)       Model: EnableNetworkIsolation (always false), so no
 *   TrainingJob: EnableNetworkIsolation,                    model network-isolation verdict is asserted
 *     EnableInterContainerTrafficEncryption, VpcConfig,   ListMonitoringSchedules, ListFeatureGroups,
 *     ResourceConfig (InstanceCount, InstanceType,          ListFlowDefinitions: not implemented, HTTP 500 with
 *     VolumeKmsKeyId), OutputDataConfig.KmsKeyId, RoleArn   an HTML page (the SDK fails with a SyntaxError)
 *   Model: ExecutionRoleArn, PrimaryContainer, VpcConfig
 *   KMS: DescribeKey (KeyManager CUSTOMER, KeyState,
 *     KeySpec, Origin), aliases, GetKeyRotationStatus
 *   IAM: GetRole (trust policy), inline policies,
 *     customer-managed policies (GetPolicyVersion), and
 *     AWS-managed ones (MOTO_IAM_LOAD_MANAGED_POLICIES)
 *
 * Because two list operations fail in moto, every rule whose slices (with the sources of derived slices: KMS keys
 * and IAM roles are found through feature groups too) include monitoring schedules or feature groups reports an
 * ERROR for each failed scope in the plain scan. What happens to its verdicts depends on where the gap is: the keys
 * and roles a rule walks that were read keep their verdicts (each stands on its own Describe), while a rule for which
 * the failed slice is a secondary need (schedules looked up for an endpoint) may not PASS anything in the region.
 * A second scan stubs just those two list calls with empty answers in the proxy (an account with no schedules or
 * feature groups), so the KMS, IAM and key-dependent rules are asserted with nothing missing as well.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateNotebookInstanceCommand,
  CreateTrainingJobCommand,
  SageMakerClient,
  type CreateTrainingJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { findReadOperation, type ServiceId } from '../../src/aws/read-operations.js';
import type { Finding } from '../../src/engine/finding.js';
import type { SliceName } from '../../src/inventory/model.js';
import { blockingSlices } from '../../src/engine/evaluate.js';
import type { ScanReport } from '../../src/report/report.js';
import { motoSuiteEnabled, startMoto, type MotoServer } from '../support/moto.js';
import { jsonStub, startRecordingProxy, type RecordedCall, type RecordingProxy } from '../support/recording-proxy.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };

/** Slices whose List operation moto does not implement, with the operation that fails. */
const UNIMPLEMENTED: Partial<Record<SliceName, string>> = {
  monitoringSchedules: 'ListMonitoringSchedules',
  featureGroups: 'ListFeatureGroups',
  flowDefinitions: 'ListFlowDefinitions',
  inferenceExperiments: 'ListInferenceExperiments',
};

/** Slices the test account holds resources of, so a rule over them cannot pass its assertions vacuously. */
const POPULATED: readonly SliceName[] = ['endpoints', 'endpointConfigs', 'notebookInstances', 'trainingJobs', 'models'];

/** SigV4 signing names, as they appear in the credential scope, mapped to mlaudit's service ids. */
const SIGNING_SERVICES: Record<string, ServiceId> = {
  sagemaker: 'sagemaker',
  iam: 'iam',
  kms: 'kms',
  sts: 'sts',
  monitoring: 'cloudwatch',
  budgets: 'budgets',
  'application-autoscaling': 'application-autoscaling',
  // The Resource Groups Tagging API signs as `tagging`; its IAM prefix (mlaudit's service id) is `tag`.
  tagging: 'tag',
};

const WRITE_VERB = /^(Create|Delete|Put|Update|Start|Stop|Tag|Untag|Attach|Detach|Enable|Disable|Add|Remove|Set|Modify|Schedule|Cancel|Import|Register|Deregister)/;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a child process with nothing of the host's AWS configuration. */
function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // async spawn, not spawnSync: the recording proxy lives in this process and must keep serving meanwhile.
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/mlaudit'), ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        AWS_CONFIG_FILE: path.join(ROOT, 'no-such-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(ROOT, 'no-such-aws-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function parseReport(run: CliRun, label: string): ScanReport {
  try {
    return JSON.parse(run.stdout) as ScanReport;
  } catch (err) {
    throw new Error(
      `${label}: stdout is not JSON (${String(err)}); exit ${run.code}\nstdout:\n${run.stdout.slice(0, 2000)}\nstderr:\n${run.stderr}`,
    );
  }
}

function buildCli(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    tsc.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    tsc.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    tsc.once('error', reject);
    tsc.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`tsc -p . failed (exit ${code}), so dist/ cannot be trusted:\n${out}`)),
    );
  });
}

type Expectation = {
  /** Resource names that must PASS. */
  pass: string[];
  /** Resource names that must FAIL, with the message id (null: any, where moto's answer decides it). */
  fail: Record<string, string | null>;
};

/** The rule's verdicts, by resource name: exactly these PASS and FAIL, exactly `errors` ERROR (default none). */
function expectVerdicts(report: ScanReport, ruleId: string, expected: Expectation, errors: string[] = []): void {
  const findings = report.findings.filter((f) => f.ruleId === ruleId);
  const byStatus = (status: Finding['status']) =>
    findings
      .filter((f) => f.status === status)
      .map((f) => f.resource.name)
      .sort();
  expect({ rule: ruleId, PASS: byStatus('PASS'), FAIL: byStatus('FAIL'), ERROR: byStatus('ERROR') }).toEqual({
    rule: ruleId,
    PASS: [...expected.pass].sort(),
    FAIL: Object.keys(expected.fail).sort(),
    ERROR: [...errors].sort(),
  });
  for (const [name, messageId] of Object.entries(expected.fail)) {
    if (messageId === null) continue;
    const finding = findings.find((f) => f.resource.name === name && f.status === 'FAIL');
    expect({ rule: ruleId, resource: name, messageId: finding?.messageId }).toEqual({ rule: ruleId, resource: name, messageId });
  }
}

/** Everything but the wall-clock times of the run. */
function withoutRunTimes(report: ScanReport): unknown {
  const { startedAt: _s, finishedAt: _f, ...scan } = report.scan;
  return { ...report, scan };
}

const enabled = motoSuiteEnabled();

describe.skipIf(!enabled)('mlaudit scan against moto', () => {
  let moto: MotoServer | undefined;
  let proxy: RecordingProxy | undefined;
  let stubbedProxy: RecordingProxy | undefined;
  let workDir = '';
  let keyRotated = '';
  let keyNotRotated = '';

  /** Plain scan: moto as it is, through the transparent proxy, saving the inventory. */
  let plain: CliRun;
  let plainReport: ScanReport;
  /** Same account, the two unimplemented list calls answered empty by the proxy, --fail-on high. */
  let stubbed: CliRun;
  let stubbedReport: ScanReport;
  /** Offline runs over the inventory the plain scan saved. */
  let offline: CliRun;
  let offlineHigh: CliRun;
  let offlineCritical: CliRun;

  beforeAll(async () => {
    const [server] = await Promise.all([startMoto(), buildCli()]);
    moto = server;
    workDir = mkdtempSync(path.join(tmpdir(), 'mlaudit-moto-'));
    await createAccount(moto.endpoint);

    proxy = await startRecordingProxy(moto.endpoint);
    stubbedProxy = await startRecordingProxy(moto.endpoint, {
      stubs: {
        ListMonitoringSchedules: jsonStub({ MonitoringScheduleSummaries: [] }),
        ListFeatureGroups: jsonStub({ FeatureGroupSummaries: [] }),
        ListFlowDefinitions: jsonStub({ FlowDefinitionSummaries: [] }),
        ListInferenceExperiments: jsonStub({ InferenceExperiments: [] }),
      },
    });
    const inventoryFile = path.join(workDir, 'inventory.json');
    const scan = (endpoint: string, failOn: string, extra: string[] = []) =>
      runCli(['scan', '--region', REGION, '--endpoint-url', endpoint, '--format', 'json', '--fail-on', failOn, '--quiet', ...extra]);
    [plain, stubbed] = await Promise.all([
      scan(proxy.endpoint, 'none', ['--save-inventory', inventoryFile]),
      scan(stubbedProxy.endpoint, 'high'),
    ]);
    plainReport = parseReport(plain, 'plain scan');
    stubbedReport = parseReport(stubbed, 'stubbed scan');
    const fromInventory = (failOn: string) =>
      runCli(['scan', '--inventory', inventoryFile, '--format', 'json', '--fail-on', failOn, '--quiet']);
    [offline, offlineHigh, offlineCritical] = await Promise.all([
      fromInventory('none'),
      fromInventory('high'),
      fromInventory('critical'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await stubbedProxy?.close();
    await moto?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** The estate: for every rule asserted below, one resource that passes and one that fails. */
  async function createAccount(endpoint: string): Promise<void> {
    const config = { region: REGION, endpoint, credentials: CREDENTIALS };
    const kms = new KMSClient(config);
    const iam = new IAMClient(config);
    const sagemaker = new SageMakerClient(config);
    try {
      const rotated = await kms.send(new CreateKeyCommand({ Description: 'key-pass-rotated' }));
      const notRotated = await kms.send(new CreateKeyCommand({ Description: 'key-fail-no-rotation' }));
      keyRotated = rotated.KeyMetadata?.KeyId ?? '';
      keyNotRotated = notRotated.KeyMetadata?.KeyId ?? '';
      const rotatedArn = rotated.KeyMetadata?.Arn ?? '';
      await kms.send(new EnableKeyRotationCommand({ KeyId: keyRotated }));
      // Referenced only through its alias, so the scan must resolve the alias to the key.
      await kms.send(new CreateAliasCommand({ AliasName: 'alias/key-fail-no-rotation', TargetKeyId: keyNotRotated }));

      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
      const role = async (name: string) =>
        (await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }))).Role?.Arn ?? '';
      const rolePass = await role('role-pass');
      const roleAdmin = await role('role-fail-admin');
      const roleWildcard = await role('role-fail-wildcard');
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: 'role-pass',
          PolicyName: 'training-data',
          PolicyDocument: policy([
            { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::ml-data/*' },
            { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: rotatedArn },
          ]),
        }),
      );
      // A customer-managed policy makes the scan read it (GetPolicy, GetPolicyVersion).
      const ecrPull = await iam.send(
        new CreatePolicyCommand({
          PolicyName: 'policy-pass-ecr-pull',
          PolicyDocument: policy([
            {
              Effect: 'Allow',
              Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
              Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/ml',
            },
          ]),
        }),
      );
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'role-pass', PolicyArn: ecrPull.Policy?.Arn }));
      await iam.send(
        new AttachRolePolicyCommand({ RoleName: 'role-fail-admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
      );
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: 'role-fail-wildcard',
          PolicyName: 'everything',
          PolicyDocument: policy([{ Effect: 'Allow', Action: '*:*', Resource: '*' }]),
        }),
      );

      await sagemaker.send(
        new CreateNotebookInstanceCommand({
          NotebookInstanceName: 'nb-pass',
          InstanceType: 'ml.t3.medium',
          RoleArn: rolePass,
          DirectInternetAccess: 'Disabled',
          RootAccess: 'Disabled',
          SubnetId: 'subnet-0a1b2c3d',
          SecurityGroupIds: ['sg-0a1b2c3d'],
          // A bare key id, as the console writes it: the scan must resolve it to the key ARN.
          KmsKeyId: keyRotated,
        }),
      );
      await sagemaker.send(
        new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-fail-defaults', InstanceType: 'ml.t3.medium', RoleArn: roleAdmin }),
      );

      await sagemaker.send(
        new CreateModelCommand({
          ModelName: 'model-pass',
          ExecutionRoleArn: rolePass,
          PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/ml:1', ModelDataUrl: 's3://ml-data/model.tar.gz' },
          EnableNetworkIsolation: true,
        }),
      );
      await sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'epc-pass',
          KmsKeyId: rotatedArn,
          ProductionVariants: [
            { VariantName: 'main', ModelName: 'model-pass', InstanceType: 'ml.m5.large', InitialInstanceCount: 2, InitialVariantWeight: 1 },
          ],
          DataCaptureConfig: {
            EnableCapture: true,
            InitialSamplingPercentage: 100,
            DestinationS3Uri: 's3://ml-data/capture',
            KmsKeyId: 'alias/key-fail-no-rotation',
            CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
          },
        }),
      );
      await sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'epc-fail',
          ProductionVariants: [{ VariantName: 'main', ModelName: 'model-pass', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }],
        }),
      );
      await sagemaker.send(new CreateEndpointCommand({ EndpointName: 'ep-pass', EndpointConfigName: 'epc-pass' }));
      await sagemaker.send(new CreateEndpointCommand({ EndpointName: 'ep-fail', EndpointConfigName: 'epc-fail' }));

      const job = (name: string, roleArn: string, instances: number, secure: Partial<CreateTrainingJobCommandInput>) =>
        sagemaker.send(
          new CreateTrainingJobCommand({
            TrainingJobName: name,
            RoleArn: roleArn,
            AlgorithmSpecification: { TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1', TrainingInputMode: 'File' },
            OutputDataConfig: { S3OutputPath: 's3://ml-data/output' },
            ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: instances, VolumeSizeInGB: 30 },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
            ...secure,
          }),
        );
      const secure = (instances: number, ice: boolean): Partial<CreateTrainingJobCommandInput> => ({
        EnableNetworkIsolation: true,
        EnableInterContainerTrafficEncryption: ice,
        VpcConfig: { Subnets: ['subnet-0a1b2c3d'], SecurityGroupIds: ['sg-0a1b2c3d'] },
        OutputDataConfig: { S3OutputPath: 's3://ml-data/output', KmsKeyId: rotatedArn },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: instances, VolumeSizeInGB: 30, VolumeKmsKeyId: rotatedArn },
      });
      await job('tj-pass', rolePass, 2, secure(2, true));
      // One instance has no inter-container traffic: encryption does not apply and the job passes without it.
      await job('tj-pass-single-instance', rolePass, 1, secure(1, false));
      await job('tj-fail', roleWildcard, 2, {});
    } finally {
      kms.destroy();
      iam.destroy();
      sagemaker.destroy();
    }
  }

  /** Verdicts that come out the same whether or not the unimplemented list calls are stubbed. */
  const MOTO_ROUND_TRIPPED: Record<string, Expectation> = {
    'notebook-in-vpc': { pass: ['nb-pass'], fail: { 'nb-fail-defaults': 'noVpc' } },
    'notebook-no-direct-internet': { pass: ['nb-pass'], fail: { 'nb-fail-defaults': 'directInternet' } },
    'notebook-root-disabled': { pass: ['nb-pass'], fail: { 'nb-fail-defaults': 'rootEnabled' } },
    'training-network-isolation': { pass: ['tj-pass', 'tj-pass-single-instance'], fail: { 'tj-fail': 'isolationDisabled' } },
    'training-intercontainer-encryption': { pass: ['tj-pass', 'tj-pass-single-instance'], fail: { 'tj-fail': 'iceDisabled' } },
    'training-volume-kms': { pass: ['tj-pass', 'tj-pass-single-instance'], fail: { 'tj-fail': 'noVolumeKey' } },
    'training-output-kms': { pass: ['tj-pass', 'tj-pass-single-instance'], fail: { 'tj-fail': 'noOutputKey' } },
    'endpoint-multi-instance': { pass: ['ep-pass'], fail: { 'ep-fail': 'singleInstance' } },
    // moto answers DataCaptureConfig {} for epc-fail (AWS omits it), hence no message id.
    'endpoint-data-capture': { pass: ['ep-pass'], fail: { 'ep-fail': null } },
  };

  /** Verdicts of rules that read monitoring schedules, feature groups, or KMS keys and IAM roles (found through them). */
  const stubbedExpectations = (): Record<string, Expectation> => ({
    'notebook-kms-cmk': { pass: ['nb-pass'], fail: { 'nb-fail-defaults': 'noKey' } },
    'endpoint-config-kms': { pass: ['epc-pass'], fail: { 'epc-fail': 'noKey' } },
    'kms-sagemaker-keys-healthy': { pass: [keyRotated], fail: { [keyNotRotated]: 'rotationDisabled' } },
    'iam-execution-role-not-admin': {
      pass: ['role-pass'],
      fail: { 'role-fail-admin': 'adminPolicy', 'role-fail-wildcard': 'wildcardPolicy' },
    },
    'endpoint-model-monitor': { pass: [], fail: { 'ep-pass': 'noSchedule', 'ep-fail': 'noSchedule' } },
    // No feature groups in the account: nothing to judge.
    'featuregroup-offline-kms': { pass: [], fail: {} },
  });

  describe('plain scan (moto as it is)', () => {
    it('exits 0 under --fail-on none and prints one JSON report for account and region', () => {
      expect(plain.stderr).not.toMatch(/unexpected error|This is a bug/);
      expect(plain.code, plain.stderr).toBe(0);
      expect(plainReport.scan.accounts).toEqual(['123456789012']);
      expect(plainReport.scan.regions).toEqual([REGION]);
    });

    it.each(Object.entries(MOTO_ROUND_TRIPPED))('%s: exact PASS and FAIL sets', (ruleId, expected) => {
      expectVerdicts(plainReport, ruleId, expected);
    });

    it('names each failed list operation and its region in errors[], and nothing else failed', () => {
      const errors = plainReport.errors
        .map((e) => ({ slice: e.slice, operation: e.operation, action: e.action, region: e.region, perResource: e.resourceArn !== undefined }))
        .sort((a, b) => a.operation.localeCompare(b.operation));
      expect(errors).toEqual([
        { slice: 'featureGroups', operation: 'ListFeatureGroups', action: 'sagemaker:ListFeatureGroups', region: REGION, perResource: false },
        { slice: 'flowDefinitions', operation: 'ListFlowDefinitions', action: 'sagemaker:ListFlowDefinitions', region: REGION, perResource: false },
        {
          slice: 'inferenceExperiments',
          operation: 'ListInferenceExperiments',
          action: 'sagemaker:ListInferenceExperiments',
          region: REGION,
          perResource: false,
        },
        {
          slice: 'monitoringSchedules',
          operation: 'ListMonitoringSchedules',
          action: 'sagemaker:ListMonitoringSchedules',
          region: REGION,
          perResource: false,
        },
      ]);
    });

    // Every rule in the registry, so a rule added later is held to this too.
    const affected = RULES.filter((rule) => blockingSlices(rule).some((s) => UNIMPLEMENTED[s] !== undefined));
    /** Rules that draw on a failed slice for their verdicts, rather than walking it or a list derived from it. */
    const affectedThroughSecondary = affected.filter(
      (rule) =>
        rule.needs[0] !== undefined &&
        POPULATED.includes(rule.needs[0]) &&
        rule.needs.slice(1).some((s) => UNIMPLEMENTED[s] !== undefined),
    );
    /** The scope ERRORs the plain scan must hold for a rule: one per failed slice it is blocked by. */
    const failedScopes = (ruleId: string): string[] => {
      const rule = RULES.find((r) => r.id === ruleId);
      if (!rule) throw new Error(`no rule ${ruleId}`);
      return blockingSlices(rule)
        .filter((s) => UNIMPLEMENTED[s] !== undefined)
        .map((s) => `${s} (${REGION})`);
    };

    it('has rules that depend on the slices moto cannot list, directly, through derived slices, and as a secondary need', () => {
      expect(affected.map((r) => r.id)).toEqual(
        expect.arrayContaining([
          'endpoint-model-monitor',
          'featuregroup-offline-kms',
          'iam-execution-role-not-admin',
          'kms-sagemaker-keys-healthy',
        ]),
      );
      expect(affectedThroughSecondary.map((r) => r.id)).toEqual(expect.arrayContaining(['endpoint-model-monitor']));
    });

    it.each(affected.map((rule) => [rule.id, rule] as const))(
      '%s: ERROR for each failed scope, naming the operation and region',
      (ruleId, rule) => {
        const findings = plainReport.findings.filter((f) => f.ruleId === ruleId);
        let scopes = 0;
        for (const slice of blockingSlices(rule)) {
          const operation = UNIMPLEMENTED[slice];
          if (operation === undefined) continue;
          scopes += 1;
          const scope = findings.find((f) => f.resource.name === `${slice} (${REGION})`);
          expect(scope?.status, `${ruleId}: no ERROR for the ${slice} scope`).toBe('ERROR');
          expect(scope?.region).toBe(REGION);
          expect(scope?.message).toContain(`${operation} in ${REGION} failed`);
        }
        expect(scopes, `${ruleId}: not blocked by any failed slice`).toBeGreaterThan(0);
      },
    );

    it.each(affectedThroughSecondary.map((rule) => [rule.id, rule] as const))(
      '%s: a secondary need failed to list, so no resource in that region gets a verdict (never PASS)',
      (ruleId, rule) => {
        const scopeNames = new Set(failedScopes(ruleId));
        const resources = plainReport.findings.filter(
          (f) => f.ruleId === ruleId && f.region === REGION && !scopeNames.has(f.resource.name),
        );
        // The account has endpoints; without them this would hold vacuously.
        expect(resources.length, `${ruleId}: no resource findings in ${REGION}`).toBeGreaterThan(0);
        expect(resources.filter((f) => f.status === 'PASS').map((f) => f.resource.name)).toEqual([]);
        expect(resources.filter((f) => f.status !== 'ERROR').map((f) => `${f.resource.name} ${f.status}`)).toEqual([]);
        const failed = rule.needs.slice(1).flatMap((s) => UNIMPLEMENTED[s] ?? []);
        for (const f of resources) expect(failed.some((op) => f.message.includes(`${op} in ${REGION} failed`)), f.message).toBe(true);
      },
    );

    it('endpoint-model-monitor: every endpoint and the schedules scope are ERROR', () => {
      const findings = plainReport.findings.filter((f) => f.ruleId === 'endpoint-model-monitor');
      expect(findings.map((f) => [f.resource.name, f.status]).sort()).toEqual([
        ['ep-fail', 'ERROR'],
        ['ep-pass', 'ERROR'],
        [`monitoringSchedules (${REGION})`, 'ERROR'],
      ]);
      for (const f of findings) expect(f.message).toMatch(/ListMonitoringSchedules in us-east-1 failed/);
    });

    it('rules that walk every key or role keep the verdicts of those they read, and report the failed source as ERROR', () => {
      // Keys and roles are found through feature groups too, so the lists may be short; each key or role that was
      // read still stands on its own Describe, and the gap itself is reported once.
      for (const ruleId of ['iam-execution-role-not-admin', 'kms-sagemaker-keys-healthy']) {
        const expected = stubbedExpectations()[ruleId];
        if (!expected) throw new Error(`no expectation for ${ruleId}`);
        expect(failedScopes(ruleId)).toEqual([`featureGroups (${REGION})`]);
        expectVerdicts(plainReport, ruleId, expected, failedScopes(ruleId));
        const scope = plainReport.findings.find((f) => f.ruleId === ruleId && f.resource.name === `featureGroups (${REGION})`);
        expect(scope?.message).toContain(`ListFeatureGroups in ${REGION} failed`);
      }
    });

    it('rules that only look a key up keep their verdicts when an unrelated source failed', () => {
      const expected = stubbedExpectations()['notebook-kms-cmk'];
      if (!expected) throw new Error('no expectation for notebook-kms-cmk');
      expectVerdicts(plainReport, 'notebook-kms-cmk', expected);
    });
  });

  describe('scan with the unimplemented list calls answered empty', () => {
    it('exits 1 under --fail-on high, with high-severity FAILs present', () => {
      expect(stubbed.stderr).not.toMatch(/unexpected error|This is a bug/);
      expect(stubbed.code, stubbed.stderr).toBe(1);
      expect(stubbedReport.findings.some((f) => f.status === 'FAIL' && f.severity === 'high')).toBe(true);
    });

    it('collected everything: no errors, no ERROR findings', () => {
      expect(stubbedReport.errors).toEqual([]);
      expect(stubbedReport.findings.filter((f) => f.status === 'ERROR').map((f) => `${f.ruleId} ${f.resource.name}`)).toEqual([]);
    });

    it.each(Object.entries(MOTO_ROUND_TRIPPED))('%s: same verdicts as the plain scan', (ruleId, expected) => {
      expectVerdicts(stubbedReport, ruleId, expected);
    });

    it.each(['notebook-kms-cmk', 'endpoint-config-kms', 'kms-sagemaker-keys-healthy', 'iam-execution-role-not-admin', 'endpoint-model-monitor', 'featuregroup-offline-kms'])(
      '%s: exact PASS and FAIL sets',
      (ruleId) => {
        const expected = stubbedExpectations()[ruleId];
        if (!expected) throw new Error(`no expectation for ${ruleId}`);
        expectVerdicts(stubbedReport, ruleId, expected);
      },
    );

    it('resolved the alias a resource used to the key it names', () => {
      const key = stubbedReport.findings.find((f) => f.ruleId === 'kms-sagemaker-keys-healthy' && f.resource.name === keyNotRotated);
      expect(key?.resource.arn).toBe(`arn:aws:kms:${REGION}:123456789012:key/${keyNotRotated}`);
    });
  });

  describe('offline runs over the saved inventory', () => {
    it('--inventory reproduces the live report (apart from run times) and exits 0 under --fail-on none', () => {
      expect(offline.code, offline.stderr).toBe(0);
      const report = parseReport(offline, 'offline scan');
      expect(report.findings.length).toBeGreaterThan(0);
      expect(withoutRunTimes(report)).toEqual(withoutRunTimes(plainReport));
    });

    it('--fail-on high exits 1 (high FAILs exist); --fail-on critical exits 0 (none is critical)', () => {
      expect(plainReport.findings.some((f) => f.status === 'FAIL' && f.severity === 'high')).toBe(true);
      expect(plainReport.findings.some((f) => f.status === 'FAIL' && f.severity === 'critical')).toBe(false);
      expect(offlineHigh.code, offlineHigh.stderr).toBe(1);
      expect(offlineCritical.code, offlineCritical.stderr).toBe(0);
    });
  });

  describe('read-only on the wire', () => {
    const allCalls = (): RecordedCall[] => [...(proxy?.calls ?? []), ...(stubbedProxy?.calls ?? [])];

    it('every request names a known service and an operation on the read-only allowlist', () => {
      const calls = allCalls();
      expect(calls.length).toBeGreaterThan(20);
      const offending = calls
        .map((c) => ({ service: SIGNING_SERVICES[c.signingService ?? ''], operation: c.operation, call: c }))
        .filter(({ service, operation }) => service === undefined || operation === undefined || !findReadOperation(service, operation))
        .map(({ call }) => `${call.signingService ?? '?'}:${call.operation ?? '?'} ${call.method} ${call.path}`);
      expect(offending).toEqual([]);
    });

    it('no request carries a write verb', () => {
      const writes = allCalls()
        .map((c) => c.target ?? c.action ?? c.operation ?? '')
        .filter((op) => WRITE_VERB.test(op.slice(op.lastIndexOf('.') + 1)));
      expect(writes).toEqual([]);
    });

    it('every request was signed with the credentials passed to the child, for us-east-1', () => {
      const signers = new Set(allCalls().map((c) => `${c.accessKeyId} ${c.signingRegion}`));
      expect([...signers]).toEqual([`${CREDENTIALS.accessKeyId} ${REGION}`]);
    });

    it('went through every service the scan needs (the recording is not vacuous)', () => {
      const seen = new Set(allCalls().map((c) => `${SIGNING_SERVICES[c.signingService ?? '']}:${c.operation}`));
      for (const op of [
        'sts:GetCallerIdentity',
        'tag:GetResources',
        'sagemaker:ListNotebookInstances',
        'sagemaker:DescribeNotebookInstance',
        'sagemaker:ListEndpoints',
        'sagemaker:DescribeEndpoint',
        'sagemaker:ListEndpointConfigs',
        'sagemaker:DescribeEndpointConfig',
        'sagemaker:ListTrainingJobs',
        'sagemaker:DescribeTrainingJob',
        'sagemaker:ListModels',
        'sagemaker:DescribeModel',
        'sagemaker:ListMonitoringSchedules',
        'sagemaker:ListFeatureGroups',
        'kms:DescribeKey',
        'kms:GetKeyRotationStatus',
        'iam:GetRole',
        'iam:ListAttachedRolePolicies',
        'iam:ListRolePolicies',
        'iam:GetRolePolicy',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
      ]) {
        expect(seen, op).toContain(op);
      }
    });
  });
});
