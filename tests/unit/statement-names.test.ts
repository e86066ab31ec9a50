// Which statements are prepared, and under what name (lib/database/statement-names.ts).
import { describe, expect, it } from 'vitest';
import { PREPARED_MARKER, statementNamer } from '@/lib/database/statement-names';

describe('statement names', () => {
  it('names only marked statements, the same text always the same name', () => {
    const name = statementNamer();
    const session = `${PREPARED_MARKER} SELECT 1 FROM "Session" WHERE "sessionToken" = $1`;
    expect(name({ sql: 'SELECT 1' })).toBe('');
    expect(name({ sql: session })).toMatch(/^hh_[A-Za-z0-9_-]{27}$/);
    expect(name({ sql: session })).toBe(name({ sql: session }));
    expect(name({ sql: `${session} LIMIT 1` })).not.toBe(name({ sql: session }));
    // Fits PostgreSQL's 63-byte identifiers.
    expect(name({ sql: session }).length).toBeLessThanOrEqual(63);
  });

  it('stops naming new texts past its cap, and keeps the names it gave', () => {
    const name = statementNamer(2);
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `${PREPARED_MARKER} SELECT '${x}'`) as [string, string, string];
    const first = name({ sql: a });
    name({ sql: b });
    expect(name({ sql: c })).toBe('');
    expect(name({ sql: a })).toBe(first);
  });
});
