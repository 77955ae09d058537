/**
 * Runs moto (https://github.com/getmoto/moto), a local AWS emulator, for the end-to-end tests.
 * Only ever bound to 127.0.0.1. Each test file starts its own server on its own port, so files never share state.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export const MOTO_INSTALL_HINT = "pip install 'moto[server]'";

/** The Python that runs moto; MLAUDIT_MOTO_PYTHON overrides it (a virtualenv, python3.12). */
export const MOTO_PYTHON = process.env.MLAUDIT_MOTO_PYTHON ?? 'python3';

export interface MotoAvailability {
  available: boolean;
  /** Why not, when it is not: the Python error, or that Python itself is missing. */
  reason?: string;
}

let availability: MotoAvailability | undefined;

/** Whether moto's server (not just the library) can be imported. Checked once per process. */
export function motoAvailability(): MotoAvailability {
  if (availability) return availability;
  // moto.server needs the [server] extra (flask, werkzeug); plain `import moto` succeeds without it.
  const probe = spawnSync(MOTO_PYTHON, ['-c', 'import moto, moto.server'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) {
    availability = { available: false, reason: `${MOTO_PYTHON} could not be run (${probe.error.message})` };
  } else if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').pop() || `exit code ${probe.status}`;
    availability = { available: false, reason: `${MOTO_PYTHON} cannot import moto.server (${last})` };
  } else {
    availability = { available: true };
  }
  return availability;
}

/** CI is "set" unless empty, 0 or false, the way most CI-aware tools read it. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && !['', '0', 'false'].includes(ci.trim().toLowerCase());
}

export type MotoDecision = { action: 'run' } | { action: 'skip'; message: string } | { action: 'fail'; message: string };

/** Run when moto is there; otherwise skip locally with the install hint, but fail under CI, which must have it. */
export function decideMoto(found: MotoAvailability, ci: boolean): MotoDecision {
  if (found.available) return { action: 'run' };
  const why = found.reason ?? 'moto is not installed';
  if (ci) {
    return {
      action: 'fail',
      message: `moto is required when CI is set, but ${why}. Install it in the CI image: ${MOTO_INSTALL_HINT}`,
    };
  }
  return { action: 'skip', message: `skipping moto end-to-end tests: ${why}. To run them: ${MOTO_INSTALL_HINT}` };
}

/**
 * For a test file's top level: returns true when the moto suites should run, false (after saying why) when they
 * should be skipped, and throws, failing the file, when moto is missing under CI.
 */
export function motoSuiteEnabled(): boolean {
  const decision = decideMoto(motoAvailability(), isCi());
  if (decision.action === 'fail') throw new Error(decision.message);
  if (decision.action === 'skip') {
    process.stderr.write(`${decision.message}\n`);
    return false;
  }
  return true;
}

export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  port: number;
  /** Forgets every resource (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** A port the kernel says is free on 127.0.0.1 now; moto binds it a moment later (see the retry in startMoto). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a probe socket'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function tail(text: string, lines = 30): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

class PortTakenError extends Error {}

async function startOnce(port: number, options: StartMotoOptions): Promise<MotoServer> {
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(MOTO_PYTHON, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      // IAM's AWS-managed policies (AdministratorAccess, ...) exist only when loaded at start-up.
      MOTO_IAM_LOAD_MANAGED_POLICIES: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    child.once('error', (err) => {
      spawnError = err;
      resolve();
    });
  });
  // If the test process dies without calling stop(), do not leave moto behind.
  const killOnExit = (): void => {
    if (!exit) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (exit || spawnError) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`could not start moto with ${MOTO_PYTHON}: ${spawnError.message}`);
    if (exit) {
      process.off('exit', killOnExit);
      if (/address already in use/i.test(output)) throw new PortTakenError(output);
      throw new Error(
        `moto exited before answering (code ${exit.code}, signal ${exit.signal}) on ${endpoint}. Its output:\n${tail(output)}`,
      );
    }
    if (await answers(endpoint)) {
      return {
        endpoint,
        port,
        reset: async () => {
          const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
        },
        stop,
      };
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `moto did not answer on ${endpoint}/moto-api/ within ${timeoutMs / 1000}s. Its output:\n${tail(output) || '(none)'}`,
  );
}

/** Starts moto on a free loopback port and waits until it answers. */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  // Between closing the probe socket and moto binding the port another process may take it: try a few ports.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(await freeLoopbackPort(), options);
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 3) throw err;
    }
  }
}
