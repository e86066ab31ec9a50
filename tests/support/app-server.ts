// App servers that a Playwright spec starts itself from the built app: `next start` (or `npm start`'s
// scripts/start.ts) with an environment of the spec's choosing, its output kept for the failure message.
// Each runs in a process group of its own, so stopping it stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

export interface AppServer {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the server printed, in order. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it) once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` to the process started (not its children: scripts/start.ts must pass it on itself). */
  signal(signal: NodeJS.Signals): void;
  /** Ends the server and what it started, if still running. */
  stop(): Promise<void>;
}

export interface AppServerOptions {
  port: number;
  hostname?: string;
  env: Record<string, string>;
  /** `next` runs `next start` directly (default); `npm-start` runs scripts/start.ts, as `npm start` does. */
  via?: 'next' | 'npm-start';
}

export function startAppServer({ port, hostname = '127.0.0.1', env, via = 'next' }: AppServerOptions): AppServer {
  const require = createRequire(import.meta.url);
  const args =
    via === 'next'
      ? [require.resolve('next/dist/bin/next'), 'start', '--hostname', hostname, '--port', String(port), '--keepAliveTimeout', '65000']
      : [require.resolve('tsx/cli'), 'scripts/start.ts'];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), APP_URL: `http://127.0.0.1:${port}`, ...env },
  });
  const lines: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => lines.push(`[${port}] ${chunk}`));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(`[${port}] ${chunk}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => lines.join(''),
    exited,
    signal(name) {
      if (running()) child.kill(name);
    },
    async stop() {
      // The whole group: scripts/start.ts's `next start` too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group has already gone
      }
      await exited;
    },
  };
}

/** Waits until the server answers `path` with 200 (60 s at most: a build's first start on a loaded machine). */
export async function waitUntilServing(server: AppServer, path = '/signin'): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${server.url}${path}`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.child.exitCode !== null) throw new Error(`The server on port ${server.port} exited:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`The server on port ${server.port} did not start:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
