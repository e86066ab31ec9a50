// Reading PostgreSQL's verdict out of a Prisma error. Races are settled by the database (unique indexes,
// the meetings' exclusion constraint); the code that loses a race catches the error and tells the person
// what happened instead of answering 500. Prisma 7's driver adapters put PostgreSQL's SQLSTATE in
// `meta.driverAdapterError.cause`, on both engines; unique violations also arrive as P2002.

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
  constraint?: { index?: string } | string;
  message?: string;
  originalMessage?: string;
}

function adapterCause(error: unknown): AdapterCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}

/** PostgreSQL's SQLSTATE for a failed statement ('23505' unique, '23P01' exclusion, '23514' check), if known. */
export function postgresErrorCode(error: unknown): string | undefined {
  if ((error as { code?: string } | null)?.code === 'P2002') return '23505';
  const cause = adapterCause(error);
  return cause?.originalCode ?? cause?.code;
}

/** True when `error` is a violation of the named constraint or index (or of any, when no name is given). */
function violates(error: unknown, sqlState: string, name?: string): boolean {
  if (postgresErrorCode(error) !== sqlState) return false;
  if (!name) return true;
  const cause = adapterCause(error);
  const text = `${cause?.originalMessage ?? cause?.message ?? ''} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  return text.includes(name);
}

export function isUniqueViolation(error: unknown, name?: string): boolean {
  return violates(error, '23505', name);
}

export function isExclusionViolation(error: unknown, name?: string): boolean {
  return violates(error, '23P01', name);
}

/**
 * True when PostgreSQL aborted the transaction because it collided with another: a deadlock ('40P01') or a
 * serialization failure ('40001'). Nothing about the work was wrong, so running it again can succeed
 * (lib/database/transactions.ts does). Prisma reports both as P2034 through @prisma/adapter-pg; the embedded
 * engine's adapter names only 40001 so, which is why the SQLSTATE is read as well.
 */
export function isTransactionConflict(error: unknown): boolean {
  if ((error as { code?: string } | null)?.code === 'P2034') return true;
  const code = postgresErrorCode(error);
  return code === '40001' || code === '40P01';
}

/**
 * SQLSTATEs that say the database could not answer now, not that the request was wrong: a connection
 * exception (class 08), too many connections, a statement cancelled by statement_timeout, and the server
 * shutting down, crashing or still starting up.
 */
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57014', '57P01', '57P02', '57P03']);
/** What @prisma/adapter-pg calls a socket that failed (ECONNREFUSED, ECONNRESET, ETIMEDOUT) or a full server. */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Prisma's own: cannot reach the server, timed out, the server closed the connection, no connection from the pool. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/**
 * pg's own errors carry no code: the pool gave up waiting for a connection (DATABASE_CONNECT_TIMEOUT_MS), or
 * the connection ended under a query. Reached through Prisma, they arrive as they are.
 */
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|ECONNREFUSED/i;

/**
 * True when `error` says PostgreSQL could not answer (pool exhausted, connection refused or lost, a statement
 * past its timeout, the server restarting), as opposed to refusing what was asked. The app answers such a
 * request with its "busy, try again" page and status 503 (lib/database/busy-response.ts).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    const cause = adapterCause(current);
    const sqlState = cause?.originalCode ?? cause?.code;
    if (sqlState && (UNAVAILABLE_SQLSTATES.has(sqlState) || sqlState.startsWith('08'))) return true;
    if (cause?.kind && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    if (current instanceof Error && UNAVAILABLE_MESSAGES.test(current.message)) return true;
  }
  return false;
}
