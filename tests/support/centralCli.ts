/**
 * The central server's entry point (`npm run central`) run by its command-line tests. Kept out of processes.ts,
 * which benchmarks import too, because it registers a vitest hook.
 */
import { spawn } from 'node:child_process';
import { expect, onTestFinished } from 'vitest';
import { projectRoot, runTypeScript } from './processes';

/** `npm run central` as its command-line tests see it: what it prints, whether it listens, how it exits. */
export interface CentralCliProcess {
  stdout(): string;
  stderr(): string;
  /** Resolves with the URL once the listening line is printed; rejects if it exits first. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  /** SIGTERM unless it has exited; resolves with the exit status. */
  stop(): Promise<number | null>;
}

/**
 * Runs the central server's entry point with exactly `args`, inside a test, and stops it when the test finishes.
 * The environment is the runner's plus `env`, less HCC_ADMIN_TOKEN: each test decides whether the server sees one.
 */
export function runCentralCli(args: string[], env: NodeJS.ProcessEnv = {}): CentralCliProcess {
  const { HCC_ADMIN_TOKEN: _inherited, ...runnerEnv } = process.env;
  const child = spawn(process.execPath, [...runTypeScript, 'server/main.ts', ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...runnerEnv, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /^central listening on (\S+)$/m.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    void exited.then((code) => reject(new Error(`central exited with ${code} before listening:\n${stdout}${stderr}`)));
  });
  // Tests that expect it to refuse its arguments never wait for the listening line.
  listening.catch(() => {});
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  onTestFinished(async () => {
    await stop();
  });
  return { stdout: () => stdout, stderr: () => stderr, listening, exited, signal: (name) => child.kill(name), stop };
}

/** `npm run central` refused its arguments as it should: one line on stderr naming `reason`, exit status 2. */
export async function expectArgumentRefused(central: CentralCliProcess, reason: string): Promise<void> {
  expect(await central.exited).toBe(2);
  const lines = central.stderr().trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(reason);
}
