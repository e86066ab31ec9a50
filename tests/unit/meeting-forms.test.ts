// The meeting page's forms as the server renders them (what a browser without JavaScript gets): every
// field labelled, the bound action posted by a plain form, and the right buttons.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BookAgainForm } from '@/components/meetings/BookAgainForm';
import { CancelMeetingForm } from '@/components/meetings/CancelMeetingForm';
import { MeetingButtonForm } from '@/components/meetings/MeetingButtonForm';
import { ProposeMoveForm } from '@/components/meetings/ProposeMoveForm';
import type { FormResult } from '@/lib/forms';

const action = async (): Promise<FormResult<never>> => ({ ok: false, fieldErrors: {}, values: {} });
const dates = { minDate: '2026-12-01', maxDate: '2027-03-01' };

/** Every input, textarea and select has a <label for> naming its id. */
function expectLabelled(html: string) {
  const ids = [...html.matchAll(/<(?:input|textarea|select)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(html, `label for ${id}`).toContain(`for="${id}"`);
}

describe('meeting forms without JavaScript', () => {
  it('propose a move: date and time in the named zone, an optional note', () => {
    const html = renderToStaticMarkup(createElement(ProposeMoveForm, { action, zoneLabel: 'UK time', ...dates }));
    expect(html).toContain('<form');
    expect(html).toContain('name="date"');
    expect(html).toContain('name="time"');
    expect(html).toContain('name="note"');
    expect(html).toContain('In UK time');
    expect(html).toContain('min="2026-12-01"');
    expectLabelled(html);
  });

  it('cancel: a reason, and a warning when it would be late', () => {
    const late = renderToStaticMarkup(createElement(CancelMeetingForm, { action, late: true }));
    expect(late).toContain('name="reason"');
    expect(late).toContain('late cancellation');
    expectLabelled(late);
    expect(renderToStaticMarkup(createElement(CancelMeetingForm, { action, late: false }))).not.toContain('late cancellation');
  });

  it('book again: date and time', () => {
    const html = renderToStaticMarkup(
      createElement(BookAgainForm, { action, zoneLabel: 'Asia/Kolkata', durationLabel: '30 minutes', ...dates }),
    );
    expect(html).toContain('Another 30 minutes on the same ask');
    expectLabelled(html);
  });

  it('answer a move: one form, two buttons that say which', () => {
    const html = renderToStaticMarkup(
      createElement(MeetingButtonForm, {
        action,
        hidden: { moveId: 'move-1' },
        buttons: [
          { label: 'Accept the new time', pendingText: '…', name: 'answer', value: 'accept' },
          { label: 'Decline it', pendingText: '…', name: 'answer', value: 'decline' },
        ],
      }),
    );
    expect(html).toContain('type="hidden" name="moveId" value="move-1"');
    const button = (label: string) => html.match(new RegExp(`<button[^>]*>${label}</button>`))?.[0] ?? '';
    expect(button('Accept the new time')).toContain('value="accept"');
    expect(button('Accept the new time')).toContain('name="answer"');
    expect(button('Decline it')).toContain('value="decline"');
    expect(button('Decline it')).toContain('name="answer"');
  });
});
