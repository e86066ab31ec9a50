// The ask coach's panel as a person reads it: a first draft of a broad ask scores near zero, and the panel
// leads with what to do next rather than with the bare score.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CoachPanel } from '@/components/asks/CoachPanel';
import { coachAsk } from '@/lib/asks/coach';

function panelText(report: ReturnType<typeof coachAsk>): string {
  return renderToStaticMarkup(createElement(CoachPanel, { report, skillNames: {} }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the ask coach panel', () => {
  it('leads a broad first draft with what to do next, then keeps the honest score', () => {
    const report = coachAsk({
      title: 'Help with marketing',
      question: 'How do we get more people to know about us?',
      outcome: '',
      context: '',
      skillSlugs: [],
    });
    expect(report.score).toBeLessThan(20);
    const text = panelText(report);
    expect(text.indexOf('What to do next')).toBeGreaterThan(-1);
    expect(text.indexOf('What to do next')).toBeLessThan(text.indexOf('out of 100'));
    expect(text).toContain(report.advice[0]!);
    expect(text).toContain('split it into stages');
    expect(text).toContain(`${report.score} out of 100`);
  });

  it('says there is nothing to change when the ask is specific', () => {
    const report = coachAsk({
      title: 'Check the opening paragraph of our National Lottery bid',
      question:
        'Could you read the 250-word opening paragraph of our Reaching Communities application and tell us whether it makes the need clear?',
      outcome: 'A marked-up paragraph and two or three changes we can make before Friday.',
      context: 'We are a youth club in Leeds; the draft is in a shared Google Doc.',
      skillSlugs: ['bid-writing'],
      durationMinutes: 30,
    });
    const text = panelText(report);
    if (report.advice.length === 0) expect(text).toContain('Nothing to change');
    expect(text).not.toContain('split it into stages');
  });
});
