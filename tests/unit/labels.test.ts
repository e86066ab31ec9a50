import { describe, expect, it } from 'vitest';
import { askStatusLabels, plural } from '@/lib/labels';

describe('labels', () => {
  it('pluralises counts', () => {
    expect(plural(0, 'offer')).toBe('0 offers');
    expect(plural(1, 'offer')).toBe('1 offer');
    expect(plural(1200, 'ask')).toBe('1,200 asks');
    expect(plural(2, 'volunteer has', 'volunteers have')).toBe('2 volunteers have');
  });

  it('names every ask status', () => {
    expect(Object.keys(askStatusLabels)).toHaveLength(9);
  });
});
