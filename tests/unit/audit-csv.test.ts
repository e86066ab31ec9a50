// The audit log's CSV cells and its query string: pure rules, so every edge is cheap to state.
import { describe, expect, it } from 'vitest';
import { auditCsvLine } from '@/lib/audit/csv';
import { csvCell, csvLine } from '@/lib/csv';
import { auditExportHref, auditHref, decodeCursor, encodeCursor, parseAuditFilters, parseAuditPage } from '@/lib/audit/schema';

describe('csvCell', () => {
  it('leaves plain text alone and writes nothing for no value', () => {
    expect(csvCell('ask.approve')).toBe('ask.approve');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Leeds, West Yorkshire')).toBe('"Leeds, West Yorkshire"');
    expect(csvCell('the "Friends" group')).toBe('"the ""Friends"" group"');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it.each(['=1+1', '+44 20 7946 0000', '-2', '@SUM(A1)', '\tTab', '\rReturn'])('defuses %j so a spreadsheet reads text', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith(`'${value[0]}`)).toBe(true);
  });

  it('defuses and quotes a formula that also holds a quote and a comma', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });

  it('writes a row with its JSON compact and its time in UTC', () => {
    const line = auditCsvLine({
      createdAt: new Date('2026-12-07T15:04:05.006Z'),
      actorId: null,
      actorLabel: 'HalfHour',
      action: 'offer.expire',
      entityType: 'Offer',
      entityId: 'offer-1',
      targetLabel: null,
      before: { status: 'PENDING' },
      after: { status: 'EXPIRED' },
      data: null,
    });
    expect(line).toBe(
      '2026-12-07T15:04:05.006Z,,HalfHour,offer.expire,Offer,offer-1,,"{""status"":""PENDING""}","{""status"":""EXPIRED""}",\r\n',
    );
  });
});

describe('the audit query string', () => {
  it('keeps what makes sense and drops the rest', () => {
    expect(
      parseAuditFilters({
        person: '  priya ',
        action: 'ask.approve',
        target: 'ask-1',
        type: 'Ask',
        from: '2026-12-01',
        to: '2026-12-07',
      }),
    ).toEqual({ person: 'priya', action: 'ask.approve', target: 'ask-1', type: 'Ask', from: '2026-12-01', to: '2026-12-07' });
    expect(
      parseAuditFilters({ person: '', action: 'DROP TABLE', target: 'a b', type: 'Nope', from: '2026-02-30', to: 'tomorrow' }),
    ).toEqual({});
    expect(parseAuditFilters({ action: ['user.suspend', 'ask.approve'] })).toEqual({ action: 'user.suspend' });
  });

  it('reads a range given backwards the right way round', () => {
    expect(parseAuditFilters({ from: '2026-12-07', to: '2026-12-01' })).toEqual({ from: '2026-12-01', to: '2026-12-07' });
  });

  it('takes one cursor, and only a well-formed one', () => {
    const cursor = encodeCursor({ at: new Date('2026-12-07T10:00:00.123Z'), id: 'cm1abc' });
    expect(decodeCursor(cursor)).toEqual({ at: new Date('2026-12-07T10:00:00.123Z'), id: 'cm1abc' });
    expect(parseAuditPage({ after: cursor, before: cursor })).toEqual({ after: cursor });
    expect(parseAuditPage({ before: cursor })).toEqual({ before: cursor });
    expect(parseAuditPage({ after: 'x.y.z', before: '12;DROP' })).toEqual({});
  });

  it('writes addresses with only the filters that are set', () => {
    expect(auditHref({})).toBe('/admin/audit');
    expect(auditHref({ person: 'Jo Admin', action: 'ask.approve' }, { after: '1.a' })).toBe(
      '/admin/audit?person=Jo+Admin&action=ask.approve&after=1.a',
    );
    expect(auditExportHref({ target: 'ask-1' })).toBe('/admin/audit/export?target=ask-1');
  });
});
