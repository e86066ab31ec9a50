// Prepared statements for the hottest reads, so PostgreSQL parses and plans them once per connection rather
// than on every request (the volunteer dashboard's statement spent 7.5 ms being planned and 0.5 ms running).
// Opt-in: a statement is prepared only when its SQL starts with PREPARED_MARKER. After five runs PostgreSQL may
// switch a prepared statement to one generic plan for every parameter value; for a statement whose best plan
// depends on its values that is a disaster (the matching candidates went from 18 ms to 116 ms), so only
// statements checked with generic plans (one row by key, bounded lists by indexed owner) carry the marker.
// The name is a digest of the SQL text: the same text always gets the same name, which is what the pg client
// requires of a name it has prepared. Pure apart from its memory of names given.
import { createHash } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';

/** Put first in a statement's SQL to have it prepared once per connection. */
export const PREPARED_MARKER = '/* prepared */';

/** The marker as SQL, to start a `Prisma.sql` statement with. */
export const PREPARED = Prisma.raw(PREPARED_MARKER);

/** At most this many distinct statements are prepared on each connection; past it, statements go unnamed. */
export const MAX_NAMED_STATEMENTS = 200;

export function statementNamer(limit = MAX_NAMED_STATEMENTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  // An empty name is an unnamed statement to pg: parsed and planned for this run only.
  return ({ sql }) => {
    if (!sql.startsWith(PREPARED_MARKER)) return '';
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit) return '';
    const name = `hh_${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
    return name;
  };
}
