// The two things our own database tooling (migrations, test databases) needs from a connection,
// so the same code runs on PGlite and on a PostgreSQL server through node-postgres.
import type { PGlite } from '@electric-sql/pglite';
import type { ClientBase } from 'pg';

export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}

export function pgliteConnection(pglite: PGlite): SqlConnection {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    async exec(script: string) {
      await pglite.exec(script);
    },
  };
}

export function pgConnection(client: ClientBase): SqlConnection {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(script: string) {
      // Without parameters node-postgres uses the simple query protocol, which accepts many statements.
      await client.query(script);
    },
  };
}
