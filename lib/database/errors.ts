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
