// Creating and dropping whole databases on a local PostgreSQL server: for test databases and the
// end-to-end demo. Refuses any server that is not on this machine, so a stray DATABASE_URL pointing
// at production can never be emptied by a test run.
import pg from 'pg';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

export function isLocalDatabaseUrl(url: string): boolean {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get('host');
  return LOCAL_HOSTS.has(parsed.hostname) && (socketHost === null || socketHost.startsWith('/'));
}

export function assertLocalDatabaseUrl(url: string, purpose: string): void {
  if (!isLocalDatabaseUrl(url)) {
    throw new Error(`Refusing to use ${new URL(url).hostname} for ${purpose}: only a PostgreSQL server on this machine may be used.`);
  }
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function onMaintenanceDatabase<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Drops (if present) and creates `name`, optionally as a copy of `template`. */
export async function recreateDatabase(url: string, name: string, template?: string): Promise<string> {
  assertLocalDatabaseUrl(url, `recreating database ${name}`);
  await onMaintenanceDatabase(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
  });
  return withDatabaseName(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  assertLocalDatabaseUrl(url, `dropping database ${name}`);
  await onMaintenanceDatabase(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}
