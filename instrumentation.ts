// Next calls register() once when a server process starts, before it serves a request: the job queue
// starts here, in the same process as the app (so the embedded database's one connection is shared).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything else: the per-client sign-in limit needs each request's socket address (lib/auth/client-address.ts).
  const { recordPeerAddresses } = await import('./lib/auth/peer-address');
  recordPeerAddresses();
  const { startAppJobs } = await import('./lib/jobs/app');
  await startAppJobs();
}
