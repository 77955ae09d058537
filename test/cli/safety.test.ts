import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, runMlaudit, type CliResult } from '../support/cli.js';
import { serialiseInventory } from '../../src/inventory/load.js';
import { inventory, notebook } from '../support/builders.js';
import { startLocalServer } from '../support/local-server.js';

const mlaudit = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => runMlaudit(args, { env: baseEnv(env) });

const HOSTILE = [
  'ansi-\u001b[2J\u001b[31mred',
  'cr-\rPASS everything is fine',
  'osc-\u001b]0;owned\u0007',
  '<script>alert(1)</script>',
  '[click](https://evil.example) | pipe',
  `long-${'x'.repeat(5000)}`,
  'bidi-\u202eexe.txt',
  'nul-\u0000-byte',
];

describe('hostile names from the account', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlaudit-hostile-'));
  const file = join(dir, 'hostile.json');
  writeFileSync(
    file,
    serialiseInventory(
      inventory({ notebookInstances: HOSTILE.map((name) => notebook({ name, rootAccess: true, tags: { note: name } })) }),
    ),
  );

  it('the terminal report shows them inert: no escape, carriage return or bidi control reaches the terminal', async () => {
    const r = await mlaudit(['scan', '--inventory', file, '--rules', 'notebook-root-disabled', '--fail-on', 'none', '--color']);
    expect(r.code, r.stderr).toBe(0);
    const withoutOurColours = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutOurColours).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.stdout).toContain('ansi-\\u001b[2J');
    expect(r.stdout).toContain('cr-\\u000dPASS');
    expect(r.stdout).not.toContain('x'.repeat(1000));
  });

  it('JSON and SARIF stay valid and carry the names exactly', async () => {
    const json = await mlaudit(['scan', '--inventory', file, '--rules', 'notebook-root-disabled', '--fail-on', 'none', '--format', 'json']);
    const names = (JSON.parse(json.stdout) as { findings: { resource: { name: string } }[] }).findings.map((f) => f.resource.name);
    expect(names.sort()).toEqual([...HOSTILE].sort());
    const sarif = await mlaudit(['scan', '--inventory', file, '--rules', 'notebook-root-disabled', '--fail-on', 'none', '--format', 'sarif']);
    const parsed = JSON.parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    for (const result of parsed.runs[0]?.results ?? []) {
      const uri = result.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
      expect(uri).not.toMatch(/[\s<>\u0000-\u001f]/);
      expect(uri).not.toMatch(/^[a-z]+:/i);
    }
  });
});

describe('credentials never appear in output', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
  const TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue';
  let server: Awaited<ReturnType<typeof startLocalServer>>;

  beforeAll(async () => {
    server = await startLocalServer((req) => {
      if (req.body.includes('Action=GetCallerIdentity')) {
        return {
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
        };
      }
      return {
        status: 400,
        body: JSON.stringify({ __type: 'AccessDeniedException', message: 'User: arn:aws:iam::111122223333:user/auditor is not authorized' }),
      };
    });
  });
  afterAll(async () => server.close());

  it('a --debug scan with denied calls prints neither the secret key, the session token nor a signature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-secrets-'));
    const out = join(dir, 'r.json');
    const r = await mlaudit(
      ['scan', '--region', 'us-east-1', '--endpoint-url', server.url, '--rules', 'notebook-root-disabled', '--debug', '--format', `json=${out}`, '--format', 'text', '--fail-on', 'none'],
      { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLESECRETTEST', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.length).toBeGreaterThan(1);
    // The requests really were signed with these credentials...
    expect(String(server.requests[0]?.headers['x-amz-security-token'])).toBe(TOKEN);
    // ...and the debug output shows calls, but nothing that authenticates them.
    expect(r.stderr).toContain('debug: sagemaker:ListNotebookInstances AccessDeniedException');
    const everything = r.stdout + r.stderr + readFileSync(out, 'utf8');
    for (const secret of [SECRET, TOKEN, 'Signature=', 'X-Amz-Security-Token', 'Authorization']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('interrupts', () => {
  it('Ctrl-C during a scan stops promptly, writes nothing, exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlaudit-sigint-'));
    const out = join(dir, 'r.json');
    // A server that accepts connections and never answers.
    const slow = (await import('node:http')).createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as { port: number }).port;
    const child = spawn(process.execPath, ['bin/mlaudit', 'scan', '--region', 'us-east-1', '--endpoint-url', `http://127.0.0.1:${port}`, '--format', 'json', '--output', out], {
      env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sentAt = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(2000);
    expect(stderr).toContain('interrupted');
    expect(existsSync(out)).toBe(false);
    slow.closeAllConnections();
    slow.close();
  });
});
