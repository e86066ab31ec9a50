// Reading PostgreSQL's verdict out of a Prisma error. Races are settled by the database (unique indexes,
// the meetings' exclusion constraint); the code that loses a race catches the error and tells the person
// what happened instead of answering 500. Prisma 7's driver adapters put PostgreSQL's SQLSTATE in
// `meta.driverAdapterError.cause`, on both engines; unique violations also arrive as P2002.

interface AdapterCause {
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
