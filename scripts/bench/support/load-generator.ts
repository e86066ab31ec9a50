// The load generator of npm run bench:load, in a process of its own (forked by drive() below) so that
// generating requests never shares an event loop with the bench's own work, and the app server is a third
// process. One autocannon run per request: the parent sends the options, this process answers with a
// summary (autocannon reports p97.5 but not p95, so the summary reads its latency histogram itself) with
// the responses counted by their x-nextjs-cache header, for the cache hit rate.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** Requests per second across all connections; unset: as many as the server answers. */
  overallRate?: number;
}

export interface LoadSummary {
  /** Responses per second over the run (all status codes). */
  requestsPerSecond: number;
  responses: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Responses by their x-nextjs-cache header (HIT, STALE, MISS), `none` for those without one. */
  cache: Record<string, number>;
}

/** Runs autocannon once in a child process and resolves with its summary. */
export function drive(options: LoadOptions): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    // The child runs under the same TypeScript loader as this process (tsx passes it in execArgv).
    const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (message: { summary?: LoadSummary; error?: string }) => {
      answered = true;
      if (message.summary) resolve(message.summary);
      else reject(new Error(`load generator: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with code ${code} before answering`));
    });
    child.send(options);
  });
}

// ---------------------------------------------------------------------------------------- the child

interface RunResult {
  latencies: string; // the latency histogram, compressed (skipAggregateResult)
  totalCompletedRequests: number;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: RunResult) => void) => unknown;
/** autocannon's client: 'headers' passes http-parser-js's parsed head, its headers a flat [name, value, ...] list. */
interface Client {
  on(event: 'headers', listener: (head: { headers: string[] }) => void): void;
}
interface Histogram {
  getValueAtPercentile(percentile: number): number;
  destroy(): void;
}

async function runChild(options: LoadOptions): Promise<LoadSummary> {
  const require = createRequire(import.meta.url);
  const autocannon = require('autocannon') as Autocannon;
  // autocannon's own histogram library (its dependency), to read the percentiles it does not report.
  const hdr = createRequire(require.resolve('autocannon'))('hdr-histogram-js') as {
    decodeFromCompressedBase64(encoded: string): Histogram;
  };
  const cache: Record<string, number> = {};
  const countCache = (client: Client) =>
    client.on('headers', ({ headers }) => {
      const at = headers.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === 'x-nextjs-cache');
      const value = at < 0 ? 'none' : headers[at + 1]!.toUpperCase();
      cache[value] = (cache[value] ?? 0) + 1;
    });
  const result = await new Promise<RunResult>((resolve, reject) =>
    autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        headers: options.headers,
        overallRate: options.overallRate,
        skipAggregateResult: true,
        setupClient: countCache,
      },
      (error, run) => (error ? reject(error) : resolve(run)),
    ),
  );
  const histogram = hdr.decodeFromCompressedBase64(result.latencies);
  try {
    return {
      requestsPerSecond: result.totalCompletedRequests / result.duration,
      responses: result.totalCompletedRequests,
      p50: histogram.getValueAtPercentile(50),
      p95: histogram.getValueAtPercentile(95),
      p99: histogram.getValueAtPercentile(99),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
      cache,
    };
  } finally {
    histogram.destroy();
  }
}

if (process.argv.includes('--child') && process.send) {
  process.once('message', (options: LoadOptions) => {
    runChild(options)
      .then((summary) => process.send!({ summary }, () => process.exit(0)))
      .catch((error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)));
  });
}
