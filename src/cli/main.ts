import { Command, CommanderError, Option } from 'commander';
import { RULES } from '../../rules/index.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS } from '../aws/client-factory.js';
import { assertRulesValid } from '../engine/validate-rules.js';
import { DEFAULT_CONFIG_FILE } from '../config/config.js';
import { EXIT } from '../engine/exit-code.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_JOBS, DEFAULT_SINCE_DAYS } from '../inventory/collect.js';
import { DEFAULT_ACCOUNT_CONCURRENCY } from '../inventory/collect-accounts.js';
import { UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { mergeCommand, type MergeFlags } from './merge-command.js';
import { collectList, FORMATS } from './parse.js';
import { policyCommand, type PolicyFlags } from './policy-command.js';
import { explainCommand, rulesCommand, type RulesFlags } from './rules-command.js';
import { scanCommand, type ScanFlags } from './scan-command.js';

const EXIT_HELP = `
Exit codes:
  0    no FAIL at or above --fail-on
  1    at least one FAIL at or above --fail-on (with --baseline: one new since the baseline)
  2    usage, configuration or credentials error
  3    --fail-on-error given and some data could not be collected or evaluated
  130  interrupted (Ctrl-C)`;

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('mlaudit')
    .description('Audit AWS accounts for machine-learning best-practice gaps (SageMaker, Well-Architected ML Lens).')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces and each API call (never credentials)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('scan')
    .description('collect an inventory of the ML estate (read-only) and evaluate the rules over it')
    .option('--inventory <files>', 'evaluate saved inventories offline instead of calling AWS (one per account; repeatable or comma-separated)', collectList, [])
    .option('--save-inventory <file>', 'write what was collected, for later --inventory runs')
    .option('-r, --region <regions>', 'region(s) to scan, repeatable or comma-separated (default: AWS_REGION or the profile)', collectList, [])
    .option('--all-regions', 'every region where SageMaker is offered; regions the account has not enabled are skipped with a note')
    .option('--role-arn <arn>', 'assume this role and scan its account; with --accounts or --organization, the hub role to start from')
    .option('--external-id <id>', 'external ID to pass when assuming roles')
    .option('--role-session-name <name>', 'session name for assumed roles (default: mlaudit)')
    .option('--accounts <ids>', 'scan these accounts (comma-separated, repeatable, or @FILE with one id a line) with --role-name', collectList, [])
    .option('--organization', "scan every ACTIVE account of the caller's AWS Organization with --role-name")
    .option('--role-name <name>', 'role to assume in each account of --accounts or --organization')
    .option('--account-concurrency <n>', 'accounts scanned at once', String(DEFAULT_ACCOUNT_CONCURRENCY))
    .option('-p, --profile <name>', 'AWS profile from ~/.aws/config')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (an emulator, a VPC endpoint)')
    .option('--concurrency <n>', 'API calls in flight per operation and region', String(DEFAULT_CONCURRENCY))
    .option('--request-timeout <seconds>', 'give up on an API call attempt that has not answered after this long', String(DEFAULT_REQUEST_TIMEOUT_MS / 1000))
    .option('--max-attempts <n>', 'attempts per API call (throttled, failed or timed out) before its data counts as unreadable', String(DEFAULT_MAX_ATTEMPTS))
    .option('--cache-dir <dir>', 'keep Describe results of finished jobs here between scans (default: $XDG_CACHE_HOME/mlaudit or ~/.cache/mlaudit)')
    .option('--no-cache', 'describe every resource, neither reading nor writing the rescan cache')
    .option('--since <duration>', 'only jobs created within this window (e.g. 30d, 12h)', `${DEFAULT_SINCE_DAYS}d`)
    .option('--max-jobs <n>', 'at most this many jobs of one kind per region, newest first', String(DEFAULT_MAX_JOBS))
    .option('--rules <ids>', 'only these rules (comma-separated, repeatable)', collectList, [])
    .option('--exclude-rules <ids>', 'skip these rules', collectList, [])
    .option('--min-severity <severity>', 'only rules at or above this severity')
    .option('-f, --format <format[=file]>', `report format: ${FORMATS.join(', ')} (default: text); repeatable, FORMAT=FILE writes to a file`, collectList, [])
    .option('-c, --config <file>', `config file: defaults, rule options, suppressions (default: ./${DEFAULT_CONFIG_FILE} if present)`)
    .option('-o, --output <file>', 'write the (single stdout) report to this file')
    .option('--fail-on <severity>', 'exit 1 when a FAIL is at or above this severity, or none (default: high)')
    .option('--fail-on-error', 'exit 3 when some data could not be collected or evaluated')
    .option('--baseline <file>', 'JSON report of an earlier run: mark FAILs new or unchanged, list fixed ones; only new FAILs count for --fail-on')
    .option('--no-baseline', "ignore the config file's baseline")
    .option('--show-pass', 'list passing resources in the text report, not just counts')
    .addOption(new Option('--color', 'force colours in the text report'))
    .addOption(new Option('--no-color', 'no colours in the text report'))
    .option('-q, --quiet', 'no progress display')
    .option('--debug', 'show stack traces and each API call (never credentials)')
    .addHelpText('after', EXIT_HELP)
    .action(async (flags: ScanFlags) => {
      const debug = (flags.debug ?? false) || (program.opts<{ debug?: boolean }>().debug ?? false);
      setExit(
        await scanCommand(
          { ...flags, debug },
          { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date() },
        ),
      );
    });

  program
    .command('merge')
    .description('combine JSON reports (from scan --format json) into one report, with the summary and exit code of one scan')
    .argument('<reports...>', 'JSON report files')
    .option('-f, --format <format[=file]>', `report format: ${FORMATS.join(', ')} (default: text); repeatable, FORMAT=FILE writes to a file`, collectList, [])
    .option('-o, --output <file>', 'write the (single stdout) report to this file')
    .option('--fail-on <severity>', 'exit 1 when a FAIL is at or above this severity, or none (default: high)')
    .option('--fail-on-error', 'exit 3 when some data could not be collected or evaluated')
    .option('-c, --config <file>', `config file whose suppressions apply to the merged findings (default: ./${DEFAULT_CONFIG_FILE} if present)`)
    .option('--baseline <file>', 'JSON report of an earlier run: mark FAILs new or unchanged, list fixed ones; only new FAILs count for --fail-on')
    .option('--no-baseline', "ignore the config file's baseline")
    .option('--show-pass', 'list passing resources in the text report, not just counts')
    .addOption(new Option('--color', 'force colours in the text report'))
    .addOption(new Option('--no-color', 'no colours in the text report'))
    .addHelpText('after', EXIT_HELP)
    .action((files: string[], flags: MergeFlags) => {
      setExit(
        mergeCommand(files, flags, {
          stdout: process.stdout,
          stderr: process.stderr,
          env: process.env,
          cwd: process.cwd(),
          now: () => new Date(),
        }),
      );
    });

  program
    .command('rules')
    .description('list the rules with their metadata')
    .option('--format <format>', 'text or json', 'text')
    .option('--phase <phases>', 'only these lifecycle phases', collectList, [])
    .option('--dimension <dimensions>', 'only these responsible-AI dimensions', collectList, [])
    .option('--severity <severity>', 'only rules at or above this severity')
    .option('--kind <kinds>', 'security or practice', collectList, [])
    .option('--service <services>', 'only rules reading these services (sagemaker, iam, kms, cloudwatch, ...)', collectList, [])
    .action((flags: RulesFlags) => {
      setExit(rulesCommand(flags, (s) => process.stdout.write(s)));
    });

  program
    .command('policy')
    .description('print the least-privilege IAM policy (JSON) for the selected rules')
    .option('--rules <ids>', 'only these rules', collectList, [])
    .option('--exclude-rules <ids>', 'skip these rules', collectList, [])
    .option('--min-severity <severity>', 'only rules at or above this severity')
    .action((flags: PolicyFlags) => {
      setExit(policyCommand(flags, (s) => process.stdout.write(s)));
    });

  program
    .command('explain')
    .description("print a rule's full documentation: what, why, how to fix, references, IAM actions")
    .argument('<rule-id>')
    .action((id: string) => {
      setExit(explainCommand(id, (s) => process.stdout.write(s)));
    });

  return program;
}

/** The whole CLI: returns the exit code, never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  try {
    assertRulesValid(RULES);
    const program = buildProgram((code) => {
      exitCode = code;
    });
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`mlaudit: ${err.message}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`mlaudit: unexpected error: ${message}\n`);
    if (err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.stderr.write('This is a bug in mlaudit: please report it with the output above.\n');
    return EXIT.usage;
  }
}
