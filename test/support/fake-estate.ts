import { startLocalServer, type RecordedRequest } from './local-server.js';

/**
 * A scripted AWS estate on 127.0.0.1 for many-account and many-region scans through --endpoint-url, speaking the
 * wire protocols the SDK clients use: STS in the query protocol (form body, XML answers), Organizations and SageMaker
 * in JSON 1.1 (X-Amz-Target). Requests are told apart by the SigV4 credential scope, which names the access key,
 * the region and the service. An assumed role's access key is `ASIA<account id>`, so later calls say whose they are.
 */
export interface FakeEstateOptions {
  /** The caller's own account (GetCallerIdentity with the base credentials). */
  callerAccount?: string;
  /** Accounts whose role cannot be assumed (AccessDenied). */
  denyAssume?: readonly string[];
  /** Regions not enabled: every call signed for them fails with InvalidClientTokenId. */
  disabledRegions?: readonly string[];
  /** Pages of Organizations ListAccounts, each a list of accounts. */
  organizationPages?: readonly { Id: string; Name?: string; State?: string; Status?: string }[][];
  /** Organizations ListAccounts fails with this error code (e.g. AccessDeniedException outside the management account). */
  organizationError?: string;
  /** Accounts whose notebooks run with root access (FAIL for notebook-root-disabled); others PASS. */
  rootAccounts?: readonly string[];
}

export interface Signed {
  accessKeyId: string;
  region: string;
  service: string;
}

export function signedBy(req: RecordedRequest): Signed {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''));
  return { accessKeyId: m?.[1] ?? '', region: m?.[2] ?? '', service: m?.[3] ?? '' };
}

export function formOf(req: RecordedRequest): URLSearchParams {
  return new URLSearchParams(req.body);
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function stsError(code: string, message: string, status = 403) {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
  };
}

function xml(action: string, result: string) {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response xmlns="${STS_NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${action}Response>`,
  };
}

const json = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

export async function startFakeEstate(options: FakeEstateOptions = {}) {
  const caller = options.callerAccount ?? '999988887777';
  const accountOf = (accessKeyId: string): string => (accessKeyId.startsWith('ASIA') ? accessKeyId.slice(4) : caller);

  return startLocalServer((req) => {
    const { accessKeyId, region, service } = signedBy(req);
    if (options.disabledRegions?.includes(region)) {
      return service === 'sts'
        ? stsError('InvalidClientTokenId', 'The security token included in the request is invalid.')
        : json({ __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }, 400);
    }
    const account = accountOf(accessKeyId);

    if (service === 'sts') {
      const form = formOf(req);
      const action = form.get('Action');
      if (action === 'GetCallerIdentity') {
        return xml(
          'GetCallerIdentity',
          `<Arn>arn:aws:sts::${account}:assumed-role/Auditor/mlaudit</Arn><UserId>AROAEXAMPLE:mlaudit</UserId><Account>${account}</Account>`,
        );
      }
      if (action === 'AssumeRole') {
        const roleArn = form.get('RoleArn') ?? '';
        const target = roleArn.split(':')[4] ?? '';
        if (options.denyAssume?.includes(target)) {
          return stsError('AccessDenied', `User: arn:aws:sts::${account}:assumed-role/ci/x is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
        }
        const expiration = new Date(Date.now() + 3600_000).toISOString();
        return xml(
          'AssumeRole',
          `<Credentials><AccessKeyId>ASIA${target}</AccessKeyId><SecretAccessKey>secret-${target}</SecretAccessKey><SessionToken>token-${target}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
            `<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:${form.get('RoleSessionName') ?? ''}</AssumedRoleId><Arn>arn:aws:sts::${target}:assumed-role/x/y</Arn></AssumedRoleUser>`,
        );
      }
      return stsError('InvalidAction', `unexpected ${action}`, 400);
    }

    if (service === 'organizations' && req.target === 'AWSOrganizationsV20161128.ListAccounts') {
      if (options.organizationError) {
        return json({ __type: options.organizationError, Message: "You don't have permissions to access this resource." }, 400);
      }
      const pages = options.organizationPages ?? [[]];
      const input = JSON.parse(req.body || '{}') as { NextToken?: string };
      const index = input.NextToken ? Number(input.NextToken.replace('page-', '')) : 0;
      const next = index + 1 < pages.length ? { NextToken: `page-${index + 1}` } : {};
      return json({ Accounts: pages[index] ?? [], ...next });
    }

    if (service === 'sagemaker') {
      const name = `nb-${account}-${region}`;
      const arn = `arn:aws:sagemaker:${region}:${account}:notebook-instance/${name}`;
      if (req.target === 'SageMaker.ListNotebookInstances') {
        return json({ NotebookInstances: [{ NotebookInstanceName: name, NotebookInstanceArn: arn, NotebookInstanceStatus: 'InService' }] });
      }
      if (req.target === 'SageMaker.DescribeNotebookInstance') {
        return json({
          NotebookInstanceName: name,
          NotebookInstanceArn: arn,
          NotebookInstanceStatus: 'InService',
          InstanceType: 'ml.t3.medium',
          DirectInternetAccess: 'Disabled',
          RootAccess: options.rootAccounts?.includes(account) ? 'Enabled' : 'Disabled',
        });
      }
    }
    return json({ __type: 'UnknownOperationException', message: `not scripted: ${service} ${req.target ?? req.body}` }, 501);
  });
}
