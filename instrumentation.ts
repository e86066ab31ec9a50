// Next calls register() once when a server process starts, before it serves a request: the job queue
// starts here, in the same process as the app (so the embedded database's one connection is shared).
import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything else: the per-client sign-in limit needs each request's socket address (lib/auth/client-address.ts),
  // the busy page each request's response (lib/database/busy-response.ts), a graceful stop the requests in flight.
  const { recordPeerAddresses } = await import('./lib/auth/peer-address');
  recordPeerAddresses();
  const { trackResponses } = await import('./lib/database/busy-response');
  trackResponses();
  const { handleShutdownSignals, signalsLeftToApp, watchRequests } = await import('./lib/shutdown');
  if (signalsLeftToApp()) watchRequests();
  const { startAppJobs } = await import('./lib/jobs/app');
  const runner = await startAppJobs();
  const { appDatabase, db } = await import('./lib/db');
  // The cached pages are served only while this server hears which tags each committed write changed.
  const { listenForPageChanges } = await import('./lib/cache/listener');
  const database = appDatabase();
  const { env } = await import('./lib/env');
  const listener = database ? await listenForPageChanges(database, undefined, env.DATABASE_LISTEN_URL) : undefined;
  handleShutdownSignals({
    stopJobs: () => runner.stop({ graceful: true, timeoutMs: 10_000 }),
    closeDatabase: async () => {
      await listener?.stop();
      await db.$disconnect();
    },
  });
}

/** A request that failed because the database could not answer is a 503 with the busy page, not a 500 (docs/decisions/0021). */
export const onRequestError: Instrumentation.onRequestError = async (error, request) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { answerBusyIfUnavailable } = await import('./lib/database/busy-response');
  answerBusyIfUnavailable(error, request.headers);
};
