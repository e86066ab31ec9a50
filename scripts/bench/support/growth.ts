// Running a database bench at several sizes and showing how each case grows: `--asks=100000,1000000` runs the
// bench once per size, each in its own process (the app's database client is one per process), on its own kept
// or scratch database, and prints every case side by side with the ratio between the sizes. Each database
// remembers how long it took to fill (a comment on the database), so a reused one still reports its fill time.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabaseName } from '@/lib/database/local-server';

/** The value of `--name=` as one or more positive whole numbers (`--asks=100000,1000000`), or `defaults`. */
export function sizesArg(argv: readonly string[], name: string, defaults: number[]): number[] {
  const raw = argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return defaults;
  const sizes = raw.split(',').map((part) => Number(part.replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 0)) {
    throw new Error(`--${name} takes whole numbers separated by commas, such as --${name}=100000,1000000`);
  }
  return sizes;
}

/** The value of `--name=` as text, or undefined. */
export function textArg(argv: readonly string[], name: string): string | undefined {
  return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** 100000 -> "100k", 1000000 -> "1m", 2500000 -> "2.5m". */
export function sizeLabel(size: number): string {
  if (size >= 1_000_000) return `${Number((size / 1_000_000).toFixed(2))}m`;
  if (size >= 1_000) return `${Number((size / 1_000).toFixed(1))}k`;
  return String(size);
}

/** The database's own name at its default size (as the bench always named it), and `<name>_<size>` otherwise. */
export function sizedDatabaseName(base: string, label: string, isDefault: boolean): string {
  return isDefault ? base : `${base}_${label.replace('.', '_')}`;
}

// ---------------------------------------------------------------------------------------- fill times

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Writes how long the fill took onto the database itself, for later runs that reuse it. */
export async function recordFillSeconds(client: pg.Client, name: string, seconds: number): Promise<void> {
  await client.query(`COMMENT ON DATABASE "${name.replace(/"/g, '""')}" IS 'bench fill: ${seconds.toFixed(1)} s'`);
}

export async function recordedFillSeconds(client: pg.Client, name: string): Promise<number | undefined> {
  const comment = (
    await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    )
  ).rows[0]?.comment;
  const seconds = comment ? /bench fill: ([\d.]+) s/.exec(comment)?.[1] : undefined;
  return seconds === undefined ? undefined : Number(seconds);
}

// ---------------------------------------------------------------------------------------- several sizes

/**
 * Runs this same script once per entry of `runs` (the arguments that pick one size), each in a child process that
 * writes its results as JSON to the file named by `--json=`, and returns them in order. The child's own report
 * is shown as it runs.
 */
export async function runEachSize<T>(runs: string[][], shared: string[]): Promise<T[]> {
  const directory = await mkdtemp(path.join(tmpdir(), 'bench-growth-'));
  try {
    const results: T[] = [];
    for (const [index, run] of runs.entries()) {
      const file = path.join(directory, `${index}.json`);
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...shared, ...run, `--json=${file}`], {
          stdio: 'inherit',
          env: process.env,
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the run ${run.join(' ')} failed (exit ${code})`))));
      });
      results.push(JSON.parse(await readFile(file, 'utf8')) as T);
    }
    return results;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export interface GrowthRow {
  name: string;
  /** One figure per size, in the sizes' order; undefined where a size had no such case. */
  values: Array<number | undefined>;
  note?: string;
}

/** Prints each row's figure at every size and the ratio of the last size's to the first's. */
export function printGrowthTable(title: string, labels: string[], rows: GrowthRow[], unit = 'ms'): void {
  const header = ['case', ...labels.map((label) => `${label} ${unit}`), `x (${labels.at(-1)}/${labels[0]})`, ''];
  const body = rows.map((row) => {
    const first = row.values[0];
    const last = row.values.at(-1);
    const ratio = first !== undefined && last !== undefined && first > 0 ? `${(last / first).toFixed(2)}` : '-';
    return [row.name, ...row.values.map((value) => (value === undefined ? '-' : value.toFixed(1))), ratio, row.note ?? ''];
  });
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : i === cells.length - 1 ? cell : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  for (const row of body) console.log(line(row));
}

/** The machine's load average, to quote beside the figures (other work on a shared machine slows every case). */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
