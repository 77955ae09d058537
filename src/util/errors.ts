/** A problem with what the user asked for: reported as one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Credentials missing or rejected: also exit 2, since nothing can be scanned. */
export class CredentialsError extends UsageError {
  override name = 'CredentialsError';
}
