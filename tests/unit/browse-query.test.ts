import { describe, expect, it } from 'vitest';
import { browseHref, DEFAULT_BROWSE_QUERY, decodeCursor, encodeCursor, hasFilters, parseBrowseQuery } from '@/lib/asks/browse-query';
import { searchWords, tsQueryText, wantsTypoLookup } from '@/lib/asks/search-terms';

const cursor = { key: 'newest' as const, at: new Date('2026-06-14T10:00:00.123Z'), id: 'ask-harbour-gift-aid-tins' };

describe('the /asks query string', () => {
  it('reads every filter, the sort and the page', () => {
    expect(
      parseBrowseQuery({
        q: '  budget help ',
        skill: 'gift-aid',
        category: 'finance',
        cause: 'HEALTH',
        duration: '45',
        medium: ['PHONE', 'VIDEO'],
        region: 'WALES',
        posted: '7',
        sort: 'deadline',
        page: 'last',
      }),
    ).toEqual({
      q: 'budget help',
      skill: 'gift-aid',
      category: 'finance',
      cause: 'HEALTH',
      duration: 45,
      media: ['VIDEO', 'PHONE'],
      region: 'WALES',
      postedWithin: 7,
      sort: 'deadline',
      page: { kind: 'last' },
    });
  });

  it('falls back to the defaults for an empty query string', () => {
    expect(parseBrowseQuery({})).toEqual({ ...DEFAULT_BROWSE_QUERY, q: undefined });
  });

  it('drops values that make no sense instead of failing', () => {
    const query = parseBrowseQuery({
      q: '',
      skill: '<script>alert(1)</script>',
      category: 'Finance!',
      cause: 'PUPPIES',
      duration: '25',
      medium: ['CARRIER_PIGEON', 'PHONE', 'PHONE'],
      region: 'ATLANTIS',
      posted: '1e9',
      sort: 'random',
      page: 'banana',
    });
    expect(query).toEqual({ ...DEFAULT_BROWSE_QUERY, q: undefined, media: ['PHONE'] });
  });

  it('takes the first of a repeated parameter and ignores huge numbers', () => {
    const query = parseBrowseQuery({ duration: ['30', '60'], region: ['LONDON', 'WALES'], posted: '99999999999999999999' });
    expect(query.duration).toBe(30);
    expect(query.region).toBe('LONDON');
    expect(query.postedWithin).toBeUndefined();
  });

  it('keeps search text short and free of control characters', () => {
    expect(parseBrowseQuery({ q: 'a'.repeat(500) }).q).toHaveLength(200);
    expect(parseBrowseQuery({ q: 'gift\u0000aid\n' }).q).toBe('gift aid');
    expect(parseBrowseQuery({ q: '   ' }).q).toBeUndefined();
  });

  it('drops skills and skill areas that do not exist', () => {
    const known = { skills: new Set(['gift-aid']), categories: new Set(['finance']) };
    expect(parseBrowseQuery({ skill: 'gift-aid', category: 'finance' }, known)).toMatchObject({ skill: 'gift-aid', category: 'finance' });
    expect(parseBrowseQuery({ skill: 'juggling', category: 'circus' }, known)).toMatchObject({ skill: undefined, category: undefined });
  });

  it('reads cursors and ignores garbage, mismatched or doubled ones', () => {
    const text = encodeCursor(cursor);
    expect(text).toBe('n.1781431200123.ask-harbour-gift-aid-tins');
    expect(parseBrowseQuery({ after: text }).page).toEqual({ kind: 'after', cursor });
    expect(parseBrowseQuery({ before: text }).page).toEqual({ kind: 'before', cursor });
    for (const params of [
      { after: 'garbage' },
      { after: 'n.99999999999999999.x' }, // past the largest date
      { after: 'n.1.<script>' },
      { after: "n.1.x' OR 1=1 --" },
      { after: text, before: text },
      { after: [text, text] },
      { after: text, page: 'last' },
      { after: text, sort: 'deadline' }, // a newest-first cursor means nothing in deadline order
    ]) {
      expect(parseBrowseQuery(params).page, JSON.stringify(params)).toEqual({ kind: 'first' });
    }
    expect(decodeCursor('d.0.abc')).toEqual({ key: 'deadline', at: new Date(0), id: 'abc' });
    expect(parseBrowseQuery({ after: encodeCursor({ ...cursor, key: 'newest' }), sort: 'best-fit' }).page.kind).toBe('after');
  });

  it('writes a query back to the same URL it was read from, leaving out defaults', () => {
    expect(browseHref(DEFAULT_BROWSE_QUERY)).toBe('/asks');
    const params = {
      q: 'gift aid',
      skill: 'gift-aid',
      cause: 'HEALTH',
      duration: '30',
      medium: ['VIDEO', 'EMAIL'],
      region: 'WALES',
      posted: '1',
      sort: 'deadline',
    };
    const query = parseBrowseQuery(params);
    const href = browseHref(query);
    expect(href).toBe(
      '/asks?q=gift+aid&skill=gift-aid&cause=HEALTH&duration=30&medium=VIDEO&medium=EMAIL&region=WALES&posted=1&sort=deadline',
    );
    const back = Object.fromEntries(
      [...new URL(href, 'http://x').searchParams.keys()].map((key) => {
        const all = new URL(href, 'http://x').searchParams.getAll(key);
        return [key, all.length > 1 ? all : all[0]!];
      }),
    );
    expect(parseBrowseQuery(back)).toEqual(query);
    expect(browseHref({ ...query, sort: 'newest', page: { kind: 'after', cursor } })).toContain(
      'after=n.1781431200123.ask-harbour-gift-aid-tins',
    );
    expect(browseHref({ page: { kind: 'last' } })).toBe('/asks?page=last');
  });

  it('knows when anything narrows the list', () => {
    expect(hasFilters(DEFAULT_BROWSE_QUERY)).toBe(false);
    expect(hasFilters({ ...DEFAULT_BROWSE_QUERY, media: ['PHONE'] })).toBe(true);
    expect(hasFilters({ ...DEFAULT_BROWSE_QUERY, q: 'budget' })).toBe(true);
  });
});

describe('search words and the tsquery built from them', () => {
  it('keeps only letters and digits, lower-cased and distinct', () => {
    expect(searchWords("Budget's & <script> BUDGET | !(x) 2026")).toEqual(['budget', 's', 'script', 'x', '2026']);
    expect(searchWords('\'; DROP TABLE "Ask"; --')).toEqual(['drop', 'table', 'ask']);
    expect(searchWords('Café élan')).toEqual(['café', 'élan']);
    expect(searchWords('   ')).toEqual([]);
  });

  it('searches for at most six words of sensible length', () => {
    expect(searchWords('one two three four five six seven eight')).toHaveLength(6);
    expect(searchWords(`${'a'.repeat(41)} gift`)).toEqual(['gift']);
  });

  it('looks up only longer, all-letter words for misspellings', () => {
    expect(wantsTypoLookup('budgetting')).toBe(true);
    expect(wantsTypoLookup('tax')).toBe(false);
    expect(wantsTypoLookup('2026')).toBe(false);
  });

  it('ORs each word with its alternatives and ANDs the words', () => {
    expect(tsQueryText([['budgetting', 'budgeting', 'budget'], ['plan']])).toBe('(budgetting | budgeting | budget) & plan');
    expect(tsQueryText([['gift']])).toBe('gift');
    expect(tsQueryText([])).toBe('');
  });

  it('cannot be made to carry tsquery operators, whatever it is given', () => {
    const text = tsQueryText([["x' | !y & z:* <-> (w)"], ['a\\b']]);
    expect(text).toBe('(x | y | z | w) & (a | b)');
    expect(text).not.toMatch(/[!:*<>'\\-]/);
  });
});
