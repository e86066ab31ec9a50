// Escalation (lib/reports/escalation.ts): warnings, no-shows and late cancellations together, three in 90 days
// put a person on the review queue, with a warning suggested first and a suspension once warned.
import { describe, expect, it } from 'vitest';
import { escalate, type Strike } from '@/lib/reports/escalation';

const NOW = new Date('2026-12-07T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const strike = (kind: Strike['kind'], days: number): Strike => ({ kind, at: daysAgo(days) });

describe('escalate', () => {
  it('leaves someone with two strikes off the queue', () => {
    const result = escalate([strike('no-show', 3), strike('late-cancellation', 20)], NOW);
    expect(result).toMatchObject({ needsReview: false, suggested: null, counts: { 'no-show': 1, 'late-cancellation': 1, warning: 0 } });
    expect(result.because).toBe('1 no-show, 1 late cancellation in 90 days');
  });

  it('puts three of any kind in 90 days on the queue, suggesting a warning when never warned', () => {
    const result = escalate([strike('no-show', 3), strike('late-cancellation', 20), strike('no-show', 89)], NOW);
    expect(result).toMatchObject({ needsReview: true, suggested: 'WARN' });
    expect(result.because).toBe('2 no-shows, 1 late cancellation in 90 days: never warned. Suggested: a warning first.');
    expect(result.recent.map((entry) => entry.at)).toEqual([daysAgo(3), daysAgo(20), daysAgo(89)]);
  });

  it('suggests suspending someone already warned who goes on', () => {
    const result = escalate([strike('warning', 30), strike('no-show', 10), strike('no-show', 2)], NOW);
    expect(result).toMatchObject({ needsReview: true, suggested: 'SUSPEND', counts: { warning: 1, 'no-show': 2 } });
    expect(result.because).toContain('already warned');
  });

  it('forgets strikes older than 90 days, and ignores ones in the future', () => {
    const result = escalate([strike('no-show', 91), strike('warning', 120), strike('no-show', 5), strike('no-show', -1)], NOW);
    expect(result).toMatchObject({ needsReview: false, counts: { 'no-show': 1, warning: 0 } });
  });

  it('counts the window’s edge: exactly 90 days ago is out, a minute later is in', () => {
    const edge = new Date(NOW.getTime() - 90 * 86_400_000);
    const justIn = new Date(edge.getTime() + 60_000);
    const base = [strike('no-show', 1), strike('no-show', 2)];
    expect(escalate([...base, { kind: 'late-cancellation', at: edge }], NOW).needsReview).toBe(false);
    expect(escalate([...base, { kind: 'late-cancellation', at: justIn }], NOW).needsReview).toBe(true);
  });

  it('says so when there is nothing', () => {
    expect(escalate([], NOW)).toMatchObject({ needsReview: false, because: 'Nothing in 90 days' });
  });
});
