import { classifyError } from './classify-error.js';

/**
 * Every region of the commercial `aws` partition where SageMaker AI offers its API (`api.sagemaker.<region>`), for
 * `--all-regions`. A static list, so that a scan's scope does not change under the user between runs; compiled on
 * 2026-11-25 from the AWS General Reference page "Amazon SageMaker AI endpoints and quotas"
 * (https://docs.aws.amazon.com/general/latest/gr/sagemaker.html) and the SageMaker container registries of the newest
 * regions, checked against the region names of the installed SDK's partition data. Regions launched after that, and
 * regions where SageMaker was not yet offered then (ap-east-2 Taipei, ap-southeast-6 New Zealand), can still be named
 * with --region. GovCloud and China are other partitions, with their own credentials: name them with --region.
 *
 * `optIn` marks the regions launched after 20 March 2019, which an account must enable before use; a scan probes
 * every region anyway (see `isRegionNotEnabled`), since an administrator can also disable an opt-in region later.
 */
export const SAGEMAKER_REGIONS: readonly { region: string; name: string; optIn: boolean }[] = [
  { region: 'us-east-1', name: 'US East (N. Virginia)', optIn: false },
  { region: 'us-east-2', name: 'US East (Ohio)', optIn: false },
  { region: 'us-west-1', name: 'US West (N. California)', optIn: false },
  { region: 'us-west-2', name: 'US West (Oregon)', optIn: false },
  { region: 'af-south-1', name: 'Africa (Cape Town)', optIn: true },
  { region: 'ap-east-1', name: 'Asia Pacific (Hong Kong)', optIn: true },
  { region: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', optIn: false },
  { region: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', optIn: false },
  { region: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', optIn: false },
  { region: 'ap-south-1', name: 'Asia Pacific (Mumbai)', optIn: false },
  { region: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', optIn: true },
  { region: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', optIn: false },
  { region: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', optIn: false },
  { region: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)', optIn: true },
  { region: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)', optIn: true },
  { region: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)', optIn: true },
  { region: 'ap-southeast-7', name: 'Asia Pacific (Thailand)', optIn: true },
  { region: 'ca-central-1', name: 'Canada (Central)', optIn: false },
  { region: 'ca-west-1', name: 'Canada West (Calgary)', optIn: true },
  { region: 'eu-central-1', name: 'Europe (Frankfurt)', optIn: false },
  { region: 'eu-central-2', name: 'Europe (Zurich)', optIn: true },
  { region: 'eu-north-1', name: 'Europe (Stockholm)', optIn: false },
  { region: 'eu-south-1', name: 'Europe (Milan)', optIn: true },
  { region: 'eu-south-2', name: 'Europe (Spain)', optIn: true },
  { region: 'eu-west-1', name: 'Europe (Ireland)', optIn: false },
  { region: 'eu-west-2', name: 'Europe (London)', optIn: false },
  { region: 'eu-west-3', name: 'Europe (Paris)', optIn: false },
  { region: 'il-central-1', name: 'Israel (Tel Aviv)', optIn: true },
  { region: 'me-central-1', name: 'Middle East (UAE)', optIn: true },
  { region: 'me-south-1', name: 'Middle East (Bahrain)', optIn: true },
  { region: 'mx-central-1', name: 'Mexico (Central)', optIn: true },
  { region: 'sa-east-1', name: 'South America (Sao Paulo)', optIn: false },
];

export const ALL_SAGEMAKER_REGIONS: readonly string[] = SAGEMAKER_REGIONS.map((r) => r.region);

/** Error codes with which AWS answers a call to a region the account has not enabled. */
const NOT_ENABLED_CODES = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'OptInRequired']);

/**
 * Whether a call failed because its region is not enabled for the account. STS and the query-protocol services
 * answer InvalidClientTokenId ("The security token included in the request is invalid"), JSON services
 * UnrecognizedClientException, EC2 AuthFailure or OptInRequired: the same codes as for bad credentials, so the caller
 * must know that the credentials work elsewhere before reading them as "not enabled".
 */
export function isRegionNotEnabled(err: unknown): boolean {
  const { code, message } = classifyError(err);
  return NOT_ENABLED_CODES.has(code) || /\bnot (been )?enabled\b|\bopt[- ]?in\b/i.test(message);
}
