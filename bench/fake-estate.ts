/**
 * A deterministic, seeded ML estate of N resources for the fake AWS server: SDK-shaped List summaries and Describe
 * outputs, generated on demand from (kind, index) so that 100,000 resources cost little memory. A mix of compliant
 * and non-compliant settings, realistic field sets, and references (KMS keys, execution roles, lifecycle
 * configurations, endpoints) that the derived collectors follow.
 */
import type {
  DescribeAutoMLJobV2Response,
  DescribeDomainResponse,
  DescribeEndpointConfigOutput,
  DescribeEndpointOutput,
  DescribeFeatureGroupResponse,
  DescribeHyperParameterTuningJobResponse,
  DescribeModelOutput,
  DescribeMonitoringScheduleResponse,
  DescribeNotebookInstanceLifecycleConfigOutput,
  DescribeNotebookInstanceOutput,
  DescribeProcessingJobResponse,
  DescribeTrainingJobResponse,
  DescribeTransformJobResponse,
} from '@aws-sdk/client-sagemaker';
import type { KeyMetadata } from '@aws-sdk/client-kms';

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_SEED = 42;

/** The regional resource kinds, with their share of N. Jobs dominate, as in real estates. */
export const KIND_SHARES = {
  trainingJobs: 0.44,
  processingJobs: 0.28,
  transformJobs: 0.06,
  tuningJobs: 0.02,
  autoMlJobs: 0.01,
  models: 0.08,
  endpointConfigs: 0.05,
  endpoints: 0.025,
  notebookInstances: 0.015,
  featureGroups: 0.01,
  monitoringSchedules: 0.008,
  domains: 0.002,
} as const;

export type Kind = keyof typeof KIND_SHARES;
export const KINDS = Object.keys(KIND_SHARES) as Kind[];

/** Name prefixes; a name is `<prefix>-<index>` so a Describe finds its resource without an index. */
const PREFIX: Record<Kind, string> = {
  trainingJobs: 'train',
  processingJobs: 'proc',
  transformJobs: 'xform',
  tuningJobs: 'hpo',
  autoMlJobs: 'automl',
  models: 'model',
  endpointConfigs: 'epc',
  endpoints: 'ep',
  notebookInstances: 'nb',
  featureGroups: 'fg',
  monitoringSchedules: 'mon',
  domains: 'd',
};

const ARN_TYPE: Record<Kind, string> = {
  trainingJobs: 'training-job',
  processingJobs: 'processing-job',
  transformJobs: 'transform-job',
  tuningJobs: 'hyper-parameter-tuning-job',
  autoMlJobs: 'automl-job',
  models: 'model',
  endpointConfigs: 'endpoint-config',
  endpoints: 'endpoint',
  notebookInstances: 'notebook-instance',
  featureGroups: 'feature-group',
  monitoringSchedules: 'monitoring-schedule',
  domains: 'domain',
};

/**
 * The kinds whose tags mlaudit reads (ListTags, GetResources). Every one of them is tagged, so GetResources returns
 * them all; a fifth lack the cost-allocation tag.
 */
export const TAGGED_KINDS = ['endpoints', 'notebookInstances', 'models', 'featureGroups'] as const satisfies readonly Kind[];

/** The tags of tagged resource number `i` of its kind, in the SDK's (and the wire's) `{Key, Value}` shape. */
export function resourceTags(i: number): { Key: string; Value: string }[] {
  return [{ Key: 'team', Value: `team-${i % 9}` }, ...(i % 5 === 0 ? [] : [{ Key: 'cost-center', Value: `cc-${i % 13}` }])];
}

export const JOB_KINDS: readonly Kind[] = ['trainingJobs', 'processingJobs', 'transformJobs', 'tuningJobs', 'autoMlJobs'];

const DAY_MS = 86_400_000;
/** Resources were created over this window before `now` (inside the CLI's default --since of 90 days). */
const HISTORY_MS = 60 * DAY_MS;
/** The newest 1% of jobs are still running: not cacheable. */
const IN_PROGRESS_SHARE = 0.01;

export interface EstateOptions {
  resources: number;
  seed?: number;
  accountId?: string;
  region?: string;
  /** Anchor of creation times (default: now). */
  now?: Date;
}

/** mulberry32: small, fast and good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pad = (i: number): string => String(i).padStart(6, '0');

export interface KeyRecord {
  id: string;
  arn: string;
  alias: string;
  metadata: KeyMetadata;
  rotation: boolean;
}

export interface RoleRecord {
  name: string;
  arn: string;
  trustsSageMaker: boolean;
  attached: { PolicyName: string; PolicyArn: string }[];
  inline: string[];
}

export interface PolicyRecord {
  name: string;
  arn: string;
  document: string;
}

/** One region's estate. */
export class Estate {
  readonly accountId: string;
  readonly region: string;
  readonly counts: Record<Kind, number>;
  readonly keys: KeyRecord[];
  readonly roles: RoleRecord[];
  readonly policies: PolicyRecord[];
  readonly lifecycleConfigs = ['lcc-autostop', 'lcc-setup', 'lcc-legacy'];
  private readonly seed: number;
  private readonly now: number;

  constructor(options: EstateOptions) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    this.region = options.region ?? 'us-east-1';
    this.now = (options.now ?? new Date()).getTime();
    const n = options.resources;
    const counts = {} as Record<Kind, number>;
    let assigned = 0;
    for (const kind of KINDS) {
      counts[kind] = Math.floor(n * KIND_SHARES[kind]);
      assigned += counts[kind];
    }
    counts.trainingJobs += n - assigned;
    // Every kind is present at small sizes too, so each code path runs.
    if (n >= KINDS.length) {
      for (const kind of KINDS) {
        if (counts[kind] === 0) {
          counts[kind] = 1;
          counts.trainingJobs -= 1;
        }
      }
    }
    this.counts = counts;

    const r = rng(this.seed);
    const nKeys = 8 + Math.floor(n / 2000);
    this.keys = Array.from({ length: nKeys }, (_, k) => {
      const id = `${(hash(`key${k}${this.seed}`) >>> 0).toString(16).padStart(8, '0')}-1111-2222-3333-${pad(k)}abcdef`;
      const arn = `arn:aws:kms:${this.region}:${this.accountId}:key/${id}`;
      // Key 0 is the AWS-managed aws/sagemaker key; one in four customer keys is not rotated; one is pending deletion.
      const awsManaged = k === 0;
      const metadata: KeyMetadata = {
        AWSAccountId: this.accountId,
        KeyId: id,
        Arn: arn,
        CreationDate: new Date(this.now - 400 * DAY_MS),
        Enabled: k !== nKeys - 1,
        Description: awsManaged ? 'Default key that protects my SageMaker data when no other key is defined' : `ml key ${k}`,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: k === nKeys - 1 ? 'PendingDeletion' : 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: awsManaged ? 'AWS' : 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      };
      return { id, arn, alias: awsManaged ? 'alias/aws/sagemaker' : `alias/ml-${k}`, metadata, rotation: k % 4 !== 1 };
    });

    const nPolicies = 3 + Math.floor(n / 5000);
    this.policies = Array.from({ length: nPolicies }, (_, k) => ({
      name: `ml-access-${k}`,
      arn: `arn:aws:iam::${this.accountId}:policy/ml-access-${k}`,
      document: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::ml-data-${k}/*` },
          // One customer policy is far too broad.
          ...(k === 1 ? [{ Effect: 'Allow', Action: '*', Resource: '*' }] : []),
        ],
      }),
    }));
    const nRoles = 6 + Math.floor(n / 1000);
    this.roles = [
      ...Array.from({ length: nRoles }, (_, k): RoleRecord => ({
        name: `sagemaker-exec-${k}`,
        arn: `arn:aws:iam::${this.accountId}:role/service-role/sagemaker-exec-${k}`,
        trustsSageMaker: true,
        attached: [
          k === 0
            ? { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }
            : { PolicyName: 'AmazonSageMakerFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess' },
          { PolicyName: `ml-access-${k % nPolicies}`, PolicyArn: `arn:aws:iam::${this.accountId}:policy/ml-access-${k % nPolicies}` },
        ],
        inline: k % 2 === 0 ? ['s3-scratch'] : [],
      })),
      // Roles for other services, which ListRoles returns and the collector skips.
      ...Array.from({ length: 5 }, (_, k): RoleRecord => ({
        name: `ec2-app-${k}`,
        arn: `arn:aws:iam::${this.accountId}:role/ec2-app-${k}`,
        trustsSageMaker: false,
        attached: [],
        inline: [],
      })),
    ];
  }

  // ---- naming ----------------------------------------------------------------------------------------------------

  name(kind: Kind, i: number): string {
    return kind === 'domains' ? `d-${pad(i)}fakedom` : `${PREFIX[kind]}-${pad(i)}`;
  }

  /** The resource type as the ARN (and the Tagging API's ResourceTypeFilters) names it, e.g. `notebook-instance`. */
  arnType(kind: Kind): string {
    return ARN_TYPE[kind];
  }

  arn(kind: Kind, i: number): string {
    return `arn:aws:sagemaker:${this.region}:${this.accountId}:${ARN_TYPE[kind]}/${this.name(kind, i)}`;
  }

  /** Index of a resource from its name (or domain id); undefined when no such resource exists. */
  indexOf(kind: Kind, name: unknown): number | undefined {
    if (typeof name !== 'string') return undefined;
    const m = kind === 'domains' ? /^d-(\d{6})fakedom$/.exec(name) : new RegExp(`^${PREFIX[kind]}-(\\d{6,})$`).exec(name);
    if (!m?.[1]) return undefined;
    const i = Number(m[1]);
    return i < this.counts[kind] ? i : undefined;
  }

  /** Index 0 is the newest; creation times fall evenly over the history window. */
  creationTime(kind: Kind, i: number): Date {
    const step = HISTORY_MS / Math.max(1, this.counts[kind]);
    return new Date(this.now - 60_000 - Math.floor((i + 1) * step));
  }

  /** Indices [lo, hi) created strictly after `after` and before `before`. */
  createdBetween(kind: Kind, after?: Date, before?: Date): [number, number] {
    const count = this.counts[kind];
    // creationTime decreases with the index: binary search each bound.
    const firstNotAfter = (t: number): number => {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.creationTime(kind, mid).getTime() > t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const hi = after ? firstNotAfter(after.getTime()) : count;
    const lo = before ? firstNotAfter(before.getTime() - 1) : 0;
    return [Math.min(lo, hi), hi];
  }

  private random(kind: Kind, i: number): () => number {
    return rng(hash(`${kind}:${i}:${this.seed}`));
  }

  private isRunning(kind: Kind, i: number): boolean {
    return i < Math.ceil(this.counts[kind] * IN_PROGRESS_SHARE);
  }

  /** Completed, Failed or Stopped for most jobs; InProgress for the newest. */
  jobStatus(kind: Kind, i: number): string {
    if (this.isRunning(kind, i)) return 'InProgress';
    const x = this.random(kind, i)();
    return x < 0.85 ? 'Completed' : x < 0.95 ? 'Failed' : 'Stopped';
  }

  private keyRef(r: () => number): string | undefined {
    const x = r();
    if (x < 0.25) return undefined;
    const key = this.keys[Math.floor(r() * this.keys.length)] ?? this.keys[0];
    if (!key) return undefined;
    // References are written every way the API accepts: key ARN, key id, alias name, alias ARN.
    if (x < 0.6) return key.arn;
    if (x < 0.75) return key.id;
    if (x < 0.9) return key.alias;
    return `arn:aws:kms:${this.region}:${this.accountId}:${key.alias}`;
  }

  private roleArn(r: () => number): string {
    const sageMakerRoles = this.roles.filter((x) => x.trustsSageMaker);
    return (sageMakerRoles[Math.floor(r() * sageMakerRoles.length)] ?? sageMakerRoles[0])?.arn ?? '';
  }

  private vpc(r: () => number): { Subnets: string[]; SecurityGroupIds: string[] } | undefined {
    return r() < 0.6 ? { Subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], SecurityGroupIds: ['sg-0123456789abcdef0'] } : undefined;
  }

  // ---- List summaries --------------------------------------------------------------------------------------------

  summary(kind: Kind, i: number): Record<string, unknown> {
    const name = this.name(kind, i);
    const arn = this.arn(kind, i);
    const CreationTime = this.creationTime(kind, i);
    const LastModifiedTime = new Date(CreationTime.getTime() + 3_600_000);
    switch (kind) {
      case 'trainingJobs':
        return { TrainingJobName: name, TrainingJobArn: arn, CreationTime, LastModifiedTime, TrainingJobStatus: this.jobStatus(kind, i) };
      case 'processingJobs':
        return { ProcessingJobName: name, ProcessingJobArn: arn, CreationTime, LastModifiedTime, ProcessingJobStatus: this.jobStatus(kind, i) };
      case 'transformJobs':
        return { TransformJobName: name, TransformJobArn: arn, CreationTime, LastModifiedTime, TransformJobStatus: this.jobStatus(kind, i) };
      case 'tuningJobs':
        return {
          HyperParameterTuningJobName: name,
          HyperParameterTuningJobArn: arn,
          HyperParameterTuningJobStatus: this.jobStatus(kind, i),
          Strategy: 'Bayesian',
          CreationTime,
          LastModifiedTime,
          TrainingJobStatusCounters: { Completed: 10, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 0 },
          ObjectiveStatusCounters: { Succeeded: 10, Pending: 0, Failed: 0 },
        };
      case 'autoMlJobs':
        return {
          AutoMLJobName: name,
          AutoMLJobArn: arn,
          AutoMLJobStatus: this.jobStatus(kind, i),
          AutoMLJobSecondaryStatus: 'Completed',
          CreationTime,
          LastModifiedTime,
        };
      case 'models':
        return { ModelName: name, ModelArn: arn, CreationTime };
      case 'endpointConfigs':
        return { EndpointConfigName: name, EndpointConfigArn: arn, CreationTime };
      case 'endpoints':
        return { EndpointName: name, EndpointArn: arn, CreationTime, LastModifiedTime, EndpointStatus: 'InService' };
      case 'notebookInstances':
        return {
          NotebookInstanceName: name,
          NotebookInstanceArn: arn,
          NotebookInstanceStatus: 'InService',
          Url: `${name}.notebook.${this.region}.sagemaker.aws`,
          InstanceType: 'ml.t3.medium',
          CreationTime,
          LastModifiedTime,
        };
      case 'featureGroups':
        return { FeatureGroupName: name, FeatureGroupArn: arn, CreationTime, FeatureGroupStatus: 'Created', OfflineStoreStatus: { Status: 'Active' } };
      case 'monitoringSchedules':
        return {
          MonitoringScheduleName: name,
          MonitoringScheduleArn: arn,
          CreationTime,
          LastModifiedTime,
          MonitoringScheduleStatus: 'Scheduled',
          EndpointName: this.name('endpoints', i % Math.max(1, this.counts.endpoints)),
          MonitoringType: 'DataQuality',
        };
      case 'domains':
        return {
          DomainId: name,
          DomainArn: arn,
          DomainName: `studio-${i}`,
          Status: 'InService',
          CreationTime,
          LastModifiedTime,
          Url: `https://${name}.studio.${this.region}.sagemaker.aws`,
        };
    }
  }

  // ---- Describe outputs ------------------------------------------------------------------------------------------

  describe(kind: Kind, i: number): object {
    const r = this.random(kind, i);
    r(); // the first draw decides the job status
    const name = this.name(kind, i);
    const arn = this.arn(kind, i);
    const CreationTime = this.creationTime(kind, i);
    const LastModifiedTime = new Date(CreationTime.getTime() + 3_600_000);
    const good = r() < 0.7;
    switch (kind) {
      case 'trainingJobs': {
        const status = this.jobStatus(kind, i);
        const running = status === 'InProgress';
        const out: DescribeTrainingJobResponse = {
          TrainingJobName: name,
          TrainingJobArn: arn,
          TrainingJobStatus: status as DescribeTrainingJobResponse['TrainingJobStatus'],
          SecondaryStatus: running ? 'Training' : status === 'Completed' ? 'Completed' : status === 'Failed' ? 'Failed' : 'Stopped',
          ...(status === 'Failed' ? { FailureReason: 'AlgorithmError: ExecuteUserScriptError: exit code 1' } : {}),
          HyperParameters: { epochs: String(5 + (i % 20)), 'learning-rate': '0.001', batch_size: '64', sagemaker_program: 'train.py' },
          AlgorithmSpecification: {
            TrainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310',
            TrainingInputMode: 'File',
            EnableSageMakerMetricsTimeSeries: true,
            MetricDefinitions: [{ Name: 'train:loss', Regex: 'loss: ([0-9\\.]+)' }],
          },
          RoleArn: this.roleArn(r),
          InputDataConfig: [
            {
              ChannelName: 'train',
              DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://ml-data-${i % 7}/train/`, S3DataDistributionType: 'FullyReplicated' } },
              CompressionType: 'None',
              RecordWrapperType: 'None',
            },
          ],
          OutputDataConfig: { KmsKeyId: this.keyRef(r), S3OutputPath: `s3://ml-artifacts-${i % 7}/output/` },
          ModelArtifacts: { S3ModelArtifacts: `s3://ml-artifacts-${i % 7}/output/${name}/output/model.tar.gz` },
          ResourceConfig: {
            InstanceType: r() < 0.5 ? 'ml.g5.xlarge' : 'ml.m5.2xlarge',
            InstanceCount: 1 + Math.floor(r() * 2),
            VolumeSizeInGB: 50,
            VolumeKmsKeyId: this.keyRef(r),
          },
          VpcConfig: this.vpc(r),
          StoppingCondition: r() < 0.8 ? { MaxRuntimeInSeconds: 86_400, ...(good ? { MaxWaitTimeInSeconds: 172_800 } : {}) } : undefined,
          CreationTime,
          TrainingStartTime: new Date(CreationTime.getTime() + 120_000),
          ...(running ? {} : { TrainingEndTime: LastModifiedTime }),
          LastModifiedTime,
          SecondaryStatusTransitions: [
            { Status: 'Starting', StartTime: CreationTime, EndTime: new Date(CreationTime.getTime() + 120_000), StatusMessage: 'Preparing the instances for training' },
            { Status: 'Training', StartTime: new Date(CreationTime.getTime() + 120_000), StatusMessage: 'Training image download completed. Training in progress.' },
          ],
          EnableNetworkIsolation: good,
          EnableInterContainerTrafficEncryption: good && r() < 0.8,
          EnableManagedSpotTraining: good,
          ...(good ? { CheckpointConfig: { S3Uri: `s3://ml-artifacts-${i % 7}/checkpoints/${name}/` } } : {}),
          TrainingTimeInSeconds: running ? undefined : 3000,
          BillableTimeInSeconds: running ? undefined : good ? 1100 : 3000,
          ...(r() < 0.6 ? { DebugHookConfig: { S3OutputPath: `s3://ml-artifacts-${i % 7}/debug/` } } : {}),
          ...(r() < 0.5 ? { ProfilerConfig: { S3OutputPath: `s3://ml-artifacts-${i % 7}/profiler/`, DisableProfiler: false } } : {}),
          ...(good ? { ExperimentConfig: { ExperimentName: `exp-${i % 50}`, TrialName: `trial-${i}`, RunName: `run-${i}` } } : {}),
        };
        return out;
      }
      case 'processingJobs': {
        const status = this.jobStatus(kind, i);
        const out: DescribeProcessingJobResponse = {
          ProcessingJobName: name,
          ProcessingJobArn: arn,
          ProcessingJobStatus: status as DescribeProcessingJobResponse['ProcessingJobStatus'],
          ProcessingInputs: [
            { InputName: 'input-1', AppManaged: false, S3Input: { S3Uri: `s3://ml-data-${i % 7}/raw/`, LocalPath: '/opt/ml/processing/input', S3DataType: 'S3Prefix', S3InputMode: 'File' } },
          ],
          ProcessingOutputConfig: {
            KmsKeyId: this.keyRef(r),
            Outputs: [{ OutputName: 'out', AppManaged: false, S3Output: { S3Uri: `s3://ml-data-${i % 7}/processed/`, LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }],
          },
          ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30, VolumeKmsKeyId: this.keyRef(r) } },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          AppSpecification: { ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3', ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'] },
          NetworkConfig: { EnableNetworkIsolation: good, EnableInterContainerTrafficEncryption: good, VpcConfig: this.vpc(r) },
          RoleArn: this.roleArn(r),
          CreationTime,
          ProcessingStartTime: new Date(CreationTime.getTime() + 60_000),
          ...(status === 'InProgress' ? {} : { ProcessingEndTime: LastModifiedTime }),
          LastModifiedTime,
        };
        return out;
      }
      case 'transformJobs': {
        const status = this.jobStatus(kind, i);
        const out: DescribeTransformJobResponse = {
          TransformJobName: name,
          TransformJobArn: arn,
          TransformJobStatus: status as DescribeTransformJobResponse['TransformJobStatus'],
          ModelName: this.name('models', i % Math.max(1, this.counts.models)),
          MaxConcurrentTransforms: 4,
          BatchStrategy: 'MultiRecord',
          TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://ml-data-${i % 7}/batch/` } }, ContentType: 'text/csv', SplitType: 'Line' },
          TransformOutput: { S3OutputPath: `s3://ml-data-${i % 7}/batch-out/`, KmsKeyId: this.keyRef(r), AssembleWith: 'Line' },
          TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeKmsKeyId: this.keyRef(r) },
          CreationTime,
          TransformStartTime: new Date(CreationTime.getTime() + 60_000),
          ...(status === 'InProgress' ? {} : { TransformEndTime: LastModifiedTime }),
        };
        return out;
      }
      case 'tuningJobs': {
        const status = this.jobStatus(kind, i);
        const strategy = good ? 'Bayesian' : r() < 0.5 ? 'Random' : 'Grid';
        const out: DescribeHyperParameterTuningJobResponse = {
          HyperParameterTuningJobName: name,
          HyperParameterTuningJobArn: arn,
          HyperParameterTuningJobConfig: {
            Strategy: strategy,
            HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
            ResourceLimits: { MaxNumberOfTrainingJobs: good ? 20 : 500, MaxParallelTrainingJobs: good ? 4 : 50, ...(good ? { MaxRuntimeInSeconds: 86_400 } : {}) },
            ParameterRanges:
              strategy === 'Grid'
                ? { CategoricalParameterRanges: [{ Name: 'optimizer', Values: ['adam', 'sgd'] }, { Name: 'batch', Values: ['32', '64', '128'] }] }
                : { ContinuousParameterRanges: [{ Name: 'learning-rate', MinValue: '0.0001', MaxValue: '0.1', ScalingType: 'Logarithmic' }] },
            TrainingJobEarlyStoppingType: good ? 'Auto' : 'Off',
            ...(good ? { TuningJobCompletionCriteria: { TargetObjectiveMetricValue: 0.05 } } : {}),
          },
          TrainingJobDefinition: {
            StaticHyperParameters: { epochs: '10' },
            AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-1', TrainingInputMode: 'File' },
            RoleArn: this.roleArn(r),
            OutputDataConfig: { S3OutputPath: `s3://ml-artifacts-${i % 7}/hpo/`, KmsKeyId: this.keyRef(r) },
            ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30, VolumeKmsKeyId: this.keyRef(r) },
            VpcConfig: this.vpc(r),
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
            EnableNetworkIsolation: good,
            EnableInterContainerTrafficEncryption: good,
            EnableManagedSpotTraining: good,
          },
          HyperParameterTuningJobStatus: status as DescribeHyperParameterTuningJobResponse['HyperParameterTuningJobStatus'],
          CreationTime,
          ...(status === 'InProgress' ? {} : { HyperParameterTuningEndTime: LastModifiedTime }),
          LastModifiedTime,
          TrainingJobStatusCounters: { Completed: 10, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 0 },
          ObjectiveStatusCounters: { Succeeded: 10, Pending: 0, Failed: 0 },
          ...(r() < 0.2 ? { WarmStartConfig: { WarmStartType: 'IdenticalDataAndAlgorithm', ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: this.name('tuningJobs', i + 1) }] } } : {}),
        };
        return out;
      }
      case 'autoMlJobs': {
        const status = this.jobStatus(kind, i);
        const out: DescribeAutoMLJobV2Response = {
          AutoMLJobName: name,
          AutoMLJobArn: arn,
          AutoMLJobInputDataConfig: [{ ChannelType: 'training', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://ml-data-${i % 7}/automl/` } } }],
          OutputDataConfig: { S3OutputPath: `s3://ml-artifacts-${i % 7}/automl/`, KmsKeyId: this.keyRef(r) },
          RoleArn: this.roleArn(r),
          AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'label' } },
          CreationTime,
          LastModifiedTime,
          AutoMLJobStatus: status as DescribeAutoMLJobV2Response['AutoMLJobStatus'],
          AutoMLJobSecondaryStatus: status === 'InProgress' ? 'TrainingModels' : 'Completed',
          ...(good ? { SecurityConfig: { EnableInterContainerTrafficEncryption: true, VolumeKmsKeyId: this.keyRef(r), VpcConfig: this.vpc(r) } } : {}),
        };
        return out;
      }
      case 'models': {
        const out: DescribeModelOutput = {
          ModelName: name,
          ModelArn: arn,
          CreationTime,
          ExecutionRoleArn: this.roleArn(r),
          PrimaryContainer: {
            Image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310',
            Mode: 'SingleModel',
            ModelDataUrl: `s3://ml-artifacts-${i % 7}/output/${this.name('trainingJobs', i)}/model.tar.gz`,
            Environment: { SAGEMAKER_PROGRAM: 'inference.py', SAGEMAKER_REGION: this.region },
          },
          VpcConfig: this.vpc(r),
          EnableNetworkIsolation: good,
        };
        return out;
      }
      case 'endpointConfigs': {
        const capture = r() < 0.6;
        const out: DescribeEndpointConfigOutput = {
          EndpointConfigName: name,
          EndpointConfigArn: arn,
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: this.name('models', i % Math.max(1, this.counts.models)),
              InitialInstanceCount: good ? 2 : 1,
              InstanceType: 'ml.m5.large',
              InitialVariantWeight: 1,
            },
          ],
          ...(capture
            ? {
                DataCaptureConfig: {
                  EnableCapture: true,
                  InitialSamplingPercentage: 20,
                  DestinationS3Uri: `s3://ml-capture-${i % 7}/`,
                  KmsKeyId: this.keyRef(r),
                  CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
                },
              }
            : {}),
          KmsKeyId: this.keyRef(r),
          CreationTime,
        };
        return out;
      }
      case 'endpoints': {
        const capture = r() < 0.6;
        const out: DescribeEndpointOutput = {
          EndpointName: name,
          EndpointArn: arn,
          EndpointConfigName: this.name('endpointConfigs', i % Math.max(1, this.counts.endpointConfigs)),
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              DeployedImages: [{ SpecifiedImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310' }],
              CurrentWeight: 1,
              DesiredWeight: 1,
              CurrentInstanceCount: good ? 2 : 1,
              DesiredInstanceCount: good ? 2 : 1,
            },
          ],
          ...(capture
            ? { DataCaptureConfig: { EnableCapture: true, CaptureStatus: 'Started', CurrentSamplingPercentage: 20, DestinationS3Uri: `s3://ml-capture-${i % 7}/`, KmsKeyId: this.keyRef(r) } }
            : {}),
          EndpointStatus: 'InService',
          CreationTime,
          LastModifiedTime,
        };
        return out;
      }
      case 'notebookInstances': {
        const inVpc = r() < 0.6;
        const out: DescribeNotebookInstanceOutput = {
          NotebookInstanceArn: arn,
          NotebookInstanceName: name,
          NotebookInstanceStatus: 'InService',
          Url: `${name}.notebook.${this.region}.sagemaker.aws`,
          InstanceType: 'ml.t3.medium',
          ...(inVpc ? { SubnetId: 'subnet-0a1b2c3d', SecurityGroups: ['sg-0123456789abcdef0'] } : {}),
          RoleArn: this.roleArn(r),
          KmsKeyId: this.keyRef(r),
          NetworkInterfaceId: inVpc ? 'eni-0123456789abcdef0' : undefined,
          LastModifiedTime,
          CreationTime,
          NotebookInstanceLifecycleConfigName: r() < 0.7 ? this.lifecycleConfigs[i % this.lifecycleConfigs.length] : undefined,
          DirectInternetAccess: good ? 'Disabled' : 'Enabled',
          VolumeSizeInGB: 5,
          RootAccess: good ? 'Disabled' : 'Enabled',
          PlatformIdentifier: good ? 'notebook-al2-v3' : 'notebook-al1-v1',
          InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: good ? '2' : '1' },
        };
        return out;
      }
      case 'featureGroups': {
        const out: DescribeFeatureGroupResponse = {
          FeatureGroupArn: arn,
          FeatureGroupName: name,
          RecordIdentifierFeatureName: 'record_id',
          EventTimeFeatureName: 'event_time',
          FeatureDefinitions: [
            { FeatureName: 'record_id', FeatureType: 'String' },
            { FeatureName: 'event_time', FeatureType: 'Fractional' },
            { FeatureName: 'amount', FeatureType: 'Fractional' },
          ],
          CreationTime,
          OnlineStoreConfig: { EnableOnlineStore: true, SecurityConfig: { KmsKeyId: this.keyRef(r) } },
          OfflineStoreConfig: {
            S3StorageConfig: { S3Uri: `s3://ml-features-${i % 7}/`, KmsKeyId: good ? this.keyRef(r) : undefined },
            DisableGlueTableCreation: false,
          },
          RoleArn: this.roleArn(r),
          FeatureGroupStatus: 'Created',
          NextToken: undefined,
        };
        return out;
      }
      case 'monitoringSchedules': {
        const out: DescribeMonitoringScheduleResponse = {
          MonitoringScheduleArn: arn,
          MonitoringScheduleName: name,
          MonitoringScheduleStatus: 'Scheduled',
          MonitoringType: 'DataQuality',
          CreationTime,
          LastModifiedTime,
          MonitoringScheduleConfig: {
            ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' },
            MonitoringJobDefinitionName: `dq-def-${i}`,
            MonitoringType: 'DataQuality',
          },
          EndpointName: this.name('endpoints', i % Math.max(1, this.counts.endpoints)),
          LastMonitoringExecutionSummary: {
            MonitoringScheduleName: name,
            ScheduledTime: LastModifiedTime,
            CreationTime: LastModifiedTime,
            LastModifiedTime,
            MonitoringExecutionStatus: good ? 'Completed' : 'CompletedWithViolations',
          },
        };
        return out;
      }
      case 'domains': {
        const out: DescribeDomainResponse = {
          DomainArn: arn,
          DomainId: name,
          DomainName: `studio-${i}`,
          HomeEfsFileSystemId: 'fs-0123456789abcdef0',
          Status: 'InService',
          CreationTime,
          LastModifiedTime,
          AuthMode: good ? 'SSO' : 'IAM',
          DefaultUserSettings: {
            ExecutionRole: this.roleArn(r),
            SecurityGroups: ['sg-0123456789abcdef0'],
            ...(good
              ? { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 120 } } } }
              : {}),
          },
          AppNetworkAccessType: good ? 'VpcOnly' : 'PublicInternetOnly',
          SubnetIds: ['subnet-0a1b2c3d'],
          Url: `https://${name}.studio.${this.region}.sagemaker.aws`,
          VpcId: 'vpc-0123456789abcdef0',
          KmsKeyId: good ? this.keyRef(r) : undefined,
        };
        return out;
      }
    }
  }

  lifecycleConfig(name: string): DescribeNotebookInstanceLifecycleConfigOutput | undefined {
    if (!this.lifecycleConfigs.includes(name)) return undefined;
    const script =
      name === 'lcc-autostop'
        ? '#!/bin/bash\nset -e\nwget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py\n(crontab -l 2>/dev/null; echo "*/5 * * * * /usr/bin/python3 $PWD/autostop.py --time 3600 --ignore-connections") | crontab -\n'
        : name === 'lcc-legacy'
          ? '#!/bin/bash\nexport DB_PASSWORD=hunter2-not-a-real-one\npip install -r /home/ec2-user/SageMaker/requirements.txt\n'
          : '#!/bin/bash\nsudo -u ec2-user -i <<EOF\nconda activate python3\npip install --upgrade sagemaker\nEOF\n';
    const created = new Date(this.now - 200 * DAY_MS);
    return {
      NotebookInstanceLifecycleConfigArn: `arn:aws:sagemaker:${this.region}:${this.accountId}:notebook-instance-lifecycle-config/${name}`,
      NotebookInstanceLifecycleConfigName: name,
      OnStart: [{ Content: Buffer.from(script, 'utf8').toString('base64') }],
      CreationTime: created,
      LastModifiedTime: created,
    };
  }

  /** A KMS key by key id, key ARN, alias name or alias ARN. */
  findKey(keyId: unknown): KeyRecord | undefined {
    if (typeof keyId !== 'string') return undefined;
    const aliasArn = /^arn:aws:kms:[^:]+:\d{12}:(alias\/.+)$/.exec(keyId)?.[1];
    return this.keys.find((k) => k.id === keyId || k.arn === keyId || k.alias === keyId || k.alias === aliasArn);
  }

  trustPolicy(role: RoleRecord): string {
    const service = role.trustsSageMaker ? 'sagemaker.amazonaws.com' : 'ec2.amazonaws.com';
    return encodeURIComponent(
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }),
    );
  }

  roleCreated(): Date {
    return new Date(this.now - 300 * DAY_MS);
  }
}
