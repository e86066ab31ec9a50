// The one audit log (issue 21): append-only in the database on both engines, written in the transaction of
// the change it records, read by admins only with filters, pages that neither skip nor repeat a row, a CSV a
// spreadsheet cannot be tricked by, and a deleted account's rows kept behind a tombstone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount } from '@/lib/account/mutations';
import { recordAudit } from '@/lib/audit/record';
import { actorLabel, exportAuditCsv, listAudit } from '@/lib/audit/queries';
import { AccessDenied } from '@/lib/auth/actor';
import type { DatabaseClient } from '@/lib/database/client';
import { db } from '@/lib/db';
import { createUser } from '../support/factories';
import { testEngines } from '../support/engines';
import { withJobQueue } from '../support/jobs';

// Deleting an account withdraws offers and may queue emails in its transaction.
withJobQueue();

const REFUSED = /append-only/;
const LONDON = 'Europe/London';

describe.each(testEngines().map((engine) => ({ ...engine, client: undefined as DatabaseClient | undefined })))(
  'the audit table on the $name engine',
  (engine) => {
    const client = () => engine.client!.db;
    beforeAll(() => {
      engine.client = engine.open();
    });
    afterAll(async () => {
      await engine.client?.close();
    });

    async function oneRow(action: string) {
      const user = await createUser(client());
      await client().$transaction((tx) =>
        recordAudit(tx, { actorId: user.id, action, target: { type: 'User', id: user.id }, before: { a: 1 }, after: { a: 2 } }),
      );
      return client().auditLog.findFirstOrThrow({ where: { action } });
    }

    it('keeps what recordAudit writes: who, what, which target, when, before and after', async () => {
      const row = await oneRow('test.keep');
      expect(row).toMatchObject({ action: 'test.keep', entityType: 'User', before: { a: 1 }, after: { a: 2 }, data: null });
      expect(row.createdAt).toBeInstanceOf(Date);
    });

    it('refuses UPDATE in raw SQL, even one that matches no row', async () => {
      const row = await oneRow('test.update');
      await expect(client().$executeRawUnsafe(`UPDATE "AuditLog" SET action = 'test.changed' WHERE id = '${row.id}'`)).rejects.toThrow(
        REFUSED,
      );
      await expect(client().$executeRawUnsafe(`UPDATE "AuditLog" SET action = 'test.changed' WHERE false`)).rejects.toThrow(REFUSED);
      // Prisma's own update goes the same way.
      await expect(client().auditLog.update({ where: { id: row.id }, data: { action: 'test.changed' } })).rejects.toThrow(REFUSED);
      expect(await client().auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    });

    it('refuses DELETE in raw SQL', async () => {
      const row = await oneRow('test.delete');
      await expect(client().$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE id = '${row.id}'`)).rejects.toThrow(REFUSED);
      await expect(client().$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(REFUSED);
      expect(await client().auditLog.findUnique({ where: { id: row.id } })).toEqual(row);
    });

    it('refuses TRUNCATE in raw SQL, alone or with other tables', async () => {
      const row = await oneRow('test.truncate');
      await expect(client().$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(REFUSED);
      await expect(client().$executeRawUnsafe(`TRUNCATE "Skill", "AuditLog" CASCADE`)).rejects.toThrow(REFUSED);
      expect(await client().auditLog.findUnique({ where: { id: row.id } })).toEqual(row);
    });

    it('writes nothing when the change it records rolls back', async () => {
      const user = await createUser(client());
      await expect(
        client().$transaction(async (tx) => {
          await tx.user.update({ where: { id: user.id }, data: { name: 'Renamed' } });
          await recordAudit(tx, { actorId: user.id, action: 'test.rollback', target: { type: 'User', id: user.id } });
          throw new Error('the change fails after its record');
        }),
      ).rejects.toThrow('the change fails');
      expect(await client().auditLog.count({ where: { action: 'test.rollback' } })).toBe(0);
      expect((await client().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Test User');
    });
  },
);

// ------------------------------------------------------------------------------------------------ reading

async function admin() {
  return createUser(db, { name: 'Ada Admin', role: 'ADMIN', email: `ada-${Math.random().toString(36).slice(2)}@halfhour.example` });
}

/** Rows with chosen times, as a test may write them (the app only ever writes now). */
async function rows(
  entries: Array<{ actorId?: string | null; action: string; entityType?: string; entityId: string; at: string; data?: object }>,
) {
  await db.auditLog.createMany({
    data: entries.map((entry) => ({
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType ?? 'Ask',
      entityId: entry.entityId,
      createdAt: new Date(entry.at),
      data: entry.data,
    })),
  });
}

async function readCsv(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Byte for byte: Response.text() would drop the byte order mark the file starts with.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** A small RFC 4180 reader, to prove the file reads back as the cells that were written. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return out;
}

describe('/admin/audit', () => {
  it('is for admins only: the list and the CSV refuse everyone else', async () => {
    const volunteer = await createUser(db);
    const suspendedAdmin = await createUser(db, { role: 'ADMIN', status: 'SUSPENDED' });
    for (const someone of [volunteer, suspendedAdmin]) {
      await expect(listAudit(someone, {}, LONDON)).rejects.toBeInstanceOf(AccessDenied);
      expect(() => exportAuditCsv(someone, {}, LONDON)).toThrow(AccessDenied);
    }
  });

  it('filters by person (name, email or id), action, target, type and days in the admin’s zone', async () => {
    const ada = await admin();
    const priya = await createUser(db, { name: 'Priya Shah', email: `priya-${Date.now()}@charity.example` });
    const tom = await createUser(db, { name: 'Tom Ellis' });
    const target = `ask-filter-${Date.now()}`;
    await rows([
      { actorId: priya.id, action: 'ask.submit', entityId: target, at: '2026-07-01T10:00:00Z' },
      // 23:30 UTC on 1 July is already 2 July in London (BST).
      { actorId: priya.id, action: 'ask.edit', entityId: target, at: '2026-07-01T23:30:00Z' },
      { actorId: tom.id, action: 'ask.approve', entityId: target, at: '2026-07-03T09:00:00Z' },
      { actorId: tom.id, action: 'user.suspend', entityType: 'User', entityId: priya.id, at: '2026-07-04T09:00:00Z' },
    ]);
    const actions = async (input: Record<string, string>) =>
      (await listAudit(ada, input, LONDON)).rows
        .filter((row) => row.entityId === target || row.entityId === priya.id)
        .map((row) => row.action);

    expect(await actions({ person: 'priya' })).toEqual(['ask.edit', 'ask.submit']);
    expect(await actions({ person: priya.email.toUpperCase() })).toEqual(['ask.edit', 'ask.submit']);
    expect(await actions({ person: tom.id })).toEqual(['user.suspend', 'ask.approve']);
    expect(await actions({ action: 'ask.approve', target })).toEqual(['ask.approve']);
    expect(await actions({ target })).toEqual(['ask.approve', 'ask.edit', 'ask.submit']);
    expect(await actions({ target: priya.id, type: 'User' })).toEqual(['user.suspend']);
    expect(await actions({ target, type: 'User' })).toEqual([]);
    expect(await actions({ target, from: '2026-07-02', to: '2026-07-02' })).toEqual(['ask.edit']);
    expect(await actions({ target, from: '2026-07-01', to: '2026-07-01' })).toEqual(['ask.submit']);
    // Nonsense is dropped, never an error: an unknown type or a bad date means "any".
    expect(await actions({ target, type: 'Nothing', from: '2026-02-31', to: 'soon' })).toEqual(['ask.approve', 'ask.edit', 'ask.submit']);

    const list = await listAudit(ada, { target }, LONDON);
    expect(list.actions).toEqual(expect.arrayContaining(['ask.approve', 'ask.edit', 'ask.submit', 'user.suspend']));
    expect(actorLabel(list.rows[0]!.actor)).toBe(`Tom Ellis <${tom.email}>`);
  });

  it('pages by (time, id): older then newer again, with no row skipped or repeated, even when rows share a time', async () => {
    const ada = await admin();
    const target = `ask-pages-${Date.now()}`;
    // 23 rows, many sharing a millisecond, so only the id orders them.
    await rows(
      Array.from({ length: 23 }, (_, n) => ({
        action: `test.page${n}`,
        entityId: target,
        at: `2026-08-0${1 + Math.floor(n / 5)}T12:00:00Z`,
      })),
    );
    const everything = (await db.auditLog.findMany({ where: { entityId: target }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })).map(
      (row) => row.id,
    );

    const seen: string[] = [];
    let page = await listAudit(ada, { target }, LONDON, 5);
    expect(page.newer).toBeUndefined();
    const pages = [page];
    seen.push(...page.rows.map((row) => row.id));
    // A row written while the admin reads is newer than every cursor: it shifts nothing.
    await rows([{ action: 'test.meanwhile', entityId: target, at: new Date().toISOString() }]);
    while (page.older) {
      page = await listAudit(ada, { target, after: page.older }, LONDON, 5);
      pages.push(page);
      seen.push(...page.rows.map((row) => row.id));
    }
    expect(seen).toEqual(everything);
    expect(pages.map((p) => p.rows.length)).toEqual([5, 5, 5, 5, 3]);

    // Back up with "Newer": the same pages in reverse, and the first page now says there is something newer.
    const back: string[][] = [];
    while (page.newer) {
      page = await listAudit(ada, { target, before: page.newer }, LONDON, 5);
      back.push(page.rows.map((row) => row.id));
    }
    const meanwhile = await db.auditLog.findFirstOrThrow({ where: { entityId: target, action: 'test.meanwhile' } });
    expect(back).toEqual([
      ...pages
        .slice(0, -1)
        .reverse()
        .map((p) => p.rows.map((row) => row.id)),
      [meanwhile.id],
    ]);
  });

  it('exports the filtered rows as CSV that keeps commas, quotes and line breaks, and defuses formulas', async () => {
    const ada = await admin();
    const sly = await createUser(db, { name: '=HYPERLINK("http://evil.example","Click")', email: `sly-${Date.now()}@test.example` });
    const target = `ask-csv-${Date.now()}`;
    const note = 'Line one, with a comma\nand "quotes" on line two';
    await rows([
      { actorId: sly.id, action: 'ask.reject', entityId: target, at: '2026-09-01T09:00:00Z', data: { note } },
      { actorId: null, action: 'ask.expire', entityId: target, at: '2026-09-02T09:00:00Z', data: { total: -1 } },
      { actorId: ada.id, action: 'ask.approve', entityId: `other-${target}`, at: '2026-09-03T09:00:00Z' },
    ]);

    const text = await readCsv(exportAuditCsv(ada, { target }, LONDON));
    expect(text.startsWith('\uFEFFtime_utc,actor_id,actor,action,')).toBe(true);
    const [header, ...lines] = parseCsv(text.slice(1));
    expect(header).toEqual(['time_utc', 'actor_id', 'actor', 'action', 'target_type', 'target_id', 'target', 'before', 'after', 'data']);
    expect(lines.map((line) => line[3])).toEqual(['ask.expire', 'ask.reject']);
    const [expired, rejected] = lines as [string[], string[]];
    expect(expired.slice(0, 3)).toEqual(['2026-09-02T09:00:00.000Z', '', 'HalfHour']);
    expect(expired[9]).toBe('{"total":-1}');
    // The name a user chose is text, not a formula, and the note comes back whole.
    expect(rejected[2]).toBe(`'=HYPERLINK("http://evil.example","Click") <${sly.email}>`);
    expect(JSON.parse(rejected[9]!)).toEqual({ note });
    for (const line of lines) for (const cell of line) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('keeps a deleted account’s rows and shows a tombstone where the person was', async () => {
    const ada = await admin();
    const leaver = await createUser(db, { name: 'Lena Leaver', email: `lena-${Date.now()}@test.example`, onboardedAt: new Date() });
    const target = `ask-tomb-${Date.now()}`;
    await db.$transaction((tx) => recordAudit(tx, { actorId: leaver.id, action: 'ask.withdraw', target: { type: 'Ask', id: target } }));
    const before = await db.auditLog.findMany({ where: { actorId: leaver.id }, orderBy: { createdAt: 'asc' } });

    const result = await deleteAccount({ id: leaver.id, role: 'USER', status: 'ACTIVE' }, { confirm: 'delete my account' });

    expect(result.ok).toBe(true);
    expect(await db.user.findUnique({ where: { id: leaver.id } })).toBeNull();
    const after = await db.auditLog.findMany({ where: { actorId: leaver.id }, orderBy: { createdAt: 'asc' } });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((row) => row.action)).toEqual(['ask.withdraw', 'user.delete']);

    const list = await listAudit(ada, { person: leaver.id }, LONDON);
    expect(list.rows.map((row) => [row.action, row.actor])).toEqual([
      ['user.delete', { kind: 'deleted', id: leaver.id }],
      ['ask.withdraw', { kind: 'deleted', id: leaver.id }],
    ]);
    expect(list.rows[0]!.targetLabel).toBe('Deleted account');
    const csv = await readCsv(exportAuditCsv(ada, { person: leaver.id }, LONDON));
    expect(csv).toContain('Deleted account');
    expect(csv).not.toContain('Lena');
    expect(csv).not.toContain(leaver.email);
  });
});
