import { describe, expect, it } from 'vitest';
import { parseAskListQuery } from '@/lib/asks/schema';

describe('the /asks query string', () => {
  it('reads a page number and a category', () => {
    expect(parseAskListQuery({ page: '3', category: 'finance' })).toEqual({ page: 3, category: 'finance' });
  });

  it('falls back to defaults for anything a person or a bot might type', () => {
    expect(parseAskListQuery({})).toEqual({ page: 1, category: undefined });
    expect(parseAskListQuery({ page: 'abc', category: '<script>' })).toEqual({ page: 1, category: undefined });
    expect(parseAskListQuery({ page: '-4', category: '' })).toEqual({ page: 1, category: undefined });
    expect(parseAskListQuery({ page: '1e9' })).toEqual({ page: 1, category: undefined });
    expect(parseAskListQuery({ page: ['2', '5'], category: ['digital', 'finance'] })).toEqual({ page: 2, category: 'digital' });
  });
});
