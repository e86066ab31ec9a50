// A PostgreSQL 15 server of the spec's own, in a temporary directory on a free port, that the spec may
// restart or stop: the machine's shared cluster serves other tests and is never touched. Run as the
// postgres user when the tests run as root (initdb refuses root).
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** Debian's server binaries, newest version installed (15 on our machines), unless POSTGRES_BIN names others. */
const BIN = process.env.POSTGRES_BIN ?? newestInstalled('/usr/lib/postgresql');

function newestInstalled(root: string): string {
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No PostgreSQL server under ${root}: apt-get install postgresql, or set POSTGRES_BIN.`);
  return path.join(root, newest, 'bin');
}

export interface PrivatePostgres {
  port: number;
  /** The address of a database on this server (as the postgres superuser, trust authentication). */
  url(database: string): string;
  /** `pg_ctl restart -m fast`: every connection is ended, then the server starts again. Resolves when it accepts connections. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m fast`, for an outage longer than a restart; `start()` ends it. */
  stopFast(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its files. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(path.join(tmpdir(), 'hh-faults-pg-'));
  const data = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(root, uid, gid);
  }
  // Never synchronous: the spec's own requests run on this event loop while the server restarts.
  const run = async (command: string, args: string[]) => {
    const [file, ...rest] = asRoot
      ? ['runuser', '-u', 'postgres', '--', path.join(BIN, command), ...args]
      : [path.join(BIN, command), ...args];
    await promisify(execFile)(file!, rest, { timeout: 120_000 }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
  };
  const port = await freePort();
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // fsync off: a throwaway server; the socket in our own directory, so it never meets the shared cluster's.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', data, '-l', path.join(root, 'log'), '-o', options, '-w', '-t', '60', ...args]);
  await ctl('start');
  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restart: () => ctl('restart', '-m', 'fast'),
    stopFast: () => ctl('stop', '-m', 'fast'),
    start: () => ctl('start'),
    async stop() {
      try {
        await ctl('stop', '-m', 'immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
