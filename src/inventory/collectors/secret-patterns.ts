/**
 * A small, conservative secret scanner for notebook lifecycle scripts. It reports what kind of secret a line seems
 * to hold and where, never the value. It looks for literals only: references that are resolved at run time
 * ($PASSWORD, ${TOKEN}, $(aws secretsmanager ...), {{secrets}}, os.environ[...]) are how a script should get a
 * secret, so they must not be reported.
 */

export interface SecretMatch {
  kind: string;
  /** 1-based line number. */
  line: number;
}

/** AWS's documentation placeholders, which appear in many copied snippets and are not credentials. */
const DOCUMENTED_EXAMPLES = ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'];

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
/** `aws_secret_access_key = ...`, `AWS_SECRET_ACCESS_KEY=...`, `aws configure set aws_secret_access_key ...`. */
const SECRET_ACCESS_KEY = /aws_?secret_?access_?key["']?\s*(?:[=:]|\s)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;
/** PEM (RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8) and PGP private key blocks. */
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * `<name> = <value>` or `<name>: <value>` where the name mentions a password, token, secret or API key
 * (DB_PASSWORD, GITHUB_TOKEN, client_secret, --api-key). The name's suffix is letters, digits and underscores only,
 * so `X-aws-ec2-metadata-token-ttl-seconds: 21600` (the IMDSv2 header) is not a token assignment.
 */
const ASSIGNMENT =
  /([A-Za-z0-9_.-]*?(password|passwd|pwd|token|secret|api[_-]?key)[A-Za-z0-9_]*)["']?\s*(?::=|=|:)\s*(?:(["'])((?:(?!\3).)*)\3|([^\s"';&|)]+))/gi;

/** Values that are obviously not a real secret. */
const PLACEHOLDERS = new Set([
  'changeme',
  'change_me',
  'password',
  'passwd',
  'secret',
  'token',
  'none',
  'null',
  'undefined',
  'true',
  'false',
  'example',
  'redacted',
  'your_password',
  'your-password',
  'yourpassword',
  'your_token',
  'your-token',
]);

/** A value computed or looked up at run time rather than written into the script. */
function isReference(value: string): boolean {
  return (
    /^[$`%@<]/.test(value) || // $VAR ${VAR} $(cmd) `cmd` %(name)s @file <placeholder>
    value.includes('{{') ||
    value.includes('${') ||
    value.includes('$(') ||
    /^(?:os\.environ|os\.getenv|getpass|process\.env|env\.|secrets\.|ssm:|resolve:|arn:)/i.test(value)
  );
}

/** A literal worth reporting: long enough, not a placeholder, not a run of one character (`******`, `xxxxxx`). */
function isLiteralSecret(value: string, quoted: boolean): boolean {
  if (value.length < 6 || isReference(value)) return false;
  if (PLACEHOLDERS.has(value.toLowerCase())) return false;
  if (/^(.)\1*$/.test(value)) return false;
  if (!quoted) {
    // Unquoted, a bare identifier (`password=db_password`, `token = self.token`) is a variable in most languages,
    // and anything with brackets (`get_secret("db")`, `config["token"]`) is an expression.
    if (/^[A-Za-z_][A-Za-z_.]*$/.test(value) || /[()[\]{}]/.test(value)) return false;
  }
  return true;
}

function kindOfName(nameWord: string): string {
  const w = nameWord.toLowerCase();
  if (w.startsWith('pass') || w === 'pwd') return 'password assignment';
  if (w === 'token') return 'token assignment';
  return 'secret assignment';
}

/** The kinds of secrets on one line, in a fixed order, each at most once. */
function scanLine(text: string): string[] {
  const kinds: string[] = [];
  const add = (kind: string): void => {
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  for (const m of text.matchAll(ACCESS_KEY_ID)) if (!DOCUMENTED_EXAMPLES.includes(m[0])) add('AWS access key id');
  for (const m of text.matchAll(SECRET_ACCESS_KEY)) {
    if (m[1] && !DOCUMENTED_EXAMPLES.includes(m[1])) add('AWS secret access key');
  }
  if (PRIVATE_KEY.test(text)) add('private key block');
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[1] ?? '';
    // Already reported as an AWS secret access key (or a documented example of one).
    if (/aws_?secret_?access_?key/i.test(name)) continue;
    const quoted = m[4] !== undefined;
    const value = quoted ? (m[4] ?? '') : (m[5] ?? '');
    if (isLiteralSecret(value, quoted)) add(kindOfName(m[2] ?? ''));
  }
  return kinds;
}

/** Scans a decoded script and returns where it seems to hold secrets (kind and line, never the value). */
export function scanForSecrets(script: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  script.split(/\r?\n/).forEach((text, index) => {
    for (const kind of scanLine(text)) out.push({ kind, line: index + 1 });
  });
  return out;
}

/**
 * The idle auto-stop from the AWS lifecycle-configuration samples: a cron job running `autostop.py`, or a script of
 * its own that checks for idleness and then stops the notebook (CLI `stop-notebook-instance`, boto3
 * `stop_notebook_instance`).
 */
export function hasAutoStop(script: string): boolean {
  if (/autostop\.py/i.test(script)) return true;
  return /idle/i.test(script) && /stop[-_]notebook[-_]instance/i.test(script);
}
