// Graceful shutdown of an app process (docs/decisions/0021-database-faults.md). On SIGTERM, `next start`
// stops listening and waits for the requests in flight, then exits 143 at once: it knows nothing of the job
// workers, so a job in hand was cut off. With NEXT_MANUAL_SIG_HANDLE=true (npm start sets it) Next leaves
// the signals to the app, and this module does the whole of it: stop taking connections, let the requests in
// flight finish, stop the workers after the jobs in hand, close the database, and exit 0.
import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** The longest the requests in flight are waited for; a deployment's own grace period is longer (Kubernetes: 30 s). */
const REQUESTS_GRACE_MS = 15_000;

export interface ShutdownSteps {
  /** Stops the job workers once their jobs in hand are done. */
  stopJobs(): Promise<void>;
  /** Closes the database last, when nothing uses it any more. */
  closeDatabase(): Promise<void>;
}

/** True when Next leaves SIGTERM and SIGINT to the app (a documented Next setting). */
export function signalsLeftToApp(): boolean {
  return Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
}

const servers = new Set<Server>();
const inFlight = new Set<ServerResponse>();
let watching = false;
let stopping = false;

/**
 * `server.close()` only stops new connections: a client keeping its connection alive (a browser, a proxy)
 * would go on being served on it for as long as it sends. Once stopping, every response closes its connection.
 */
function closeAfter(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
}

/** Remembers the HTTP servers and the responses not yet finished, from Node's request channel. Once per process. */
export function watchRequests(): void {
  if (watching) return;
  watching = true;
  subscribe('http.server.request.start', (message) => {
    const { response, server } = message as { request: IncomingMessage; response: ServerResponse; server: Server };
    servers.add(server);
    inFlight.add(response);
    if (stopping) closeAfter(response);
    response.once('close', () => inFlight.delete(response));
  });
}

/** Installs the SIGTERM/SIGINT handling when Next leaves it to the app; otherwise only stops the workers on the way out. */
export function handleShutdownSignals(steps: ShutdownSteps): void {
  if (!signalsLeftToApp()) {
    // Next exits as soon as its requests are done; the workers get what time that leaves (a job cut off is retried later).
    const stop = () => void steps.stopJobs();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return;
  }
  watchRequests();
  const shutDown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing ${inFlight.size} request(s) in flight and the jobs in hand, then stopping.`);
    inFlight.forEach(closeAfter);
    for (const server of servers) {
      server.close();
      server.closeIdleConnections();
    }
    const requestsDone = await settled(() => inFlight.size === 0, REQUESTS_GRACE_MS);
    let clean = requestsDone;
    try {
      await steps.stopJobs();
      await steps.closeDatabase();
    } catch (error) {
      console.error('Shutdown: stopping the job workers or the database failed.', error);
      clean = false;
    }
    if (!requestsDone) console.error(`Shutdown: ${inFlight.size} request(s) still running after ${REQUESTS_GRACE_MS} ms were cut off.`);
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
  process.on('SIGINT', () => void shutDown('SIGINT'));
}

/** Resolves true once `done()` holds, or false after `timeoutMs`. */
async function settled(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
