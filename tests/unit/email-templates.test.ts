// Every email HalfHour sends, rendered as its recipient would get it: what they read in the HTML and in
// the plain text, where its links go, why it says they got it, and the calendar invite where there is one.
import { HtmlValidate } from 'html-validate';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingInvite } from '@/lib/email/calendar';
import { emailSubject, renderEmail } from '@/lib/email/render';
import { promisedControl } from '../support/email-buttons';
import { EMAIL_KINDS, EMAIL_TOPICS, type EmailContext, type EmailKind, type EmailMessage, type RenderedEmail } from '@/lib/email/messages';

const APP = 'https://halfhour.example';

const context: EmailContext = {
  appUrl: APP,
  recipientName: 'Siobhán O’Neill',
  preferencesUrl: `${APP}/account/emails`,
  // Set for every kind here, so the always-sent ones prove they leave it out.
  unsubscribeUrl: `${APP}/unsubscribe?token=tok_123&topic=offers`,
  messageId: '<0a1b2c@halfhour.example>',
  sender: 'HalfHour <no-reply@halfhour.example>',
};

// A person without an account: no name, and no unsubscribe link.
const stranger: EmailContext = { ...context, recipientName: null, unsubscribeUrl: null };

// Names and titles carry &, <, quotes and apostrophes so the tests prove they are escaped, not interpreted.
const ASK = 'Check our "Bags & <Boxes>" appeal\'s opening';
const ORG = 'Friends of St Mary’s & <Riverside> Trust';
const VOLUNTEER = "Dev O'Connor";
const INVITER = 'Jo "JJ" Jones';

const meeting = {
  meetingId: 'cmeet123',
  askTitle: ASK,
  withName: VOLUNTEER,
  startsAt: '2026-12-11T15:00:00.000Z',
  endsAt: '2026-12-11T15:45:00.000Z',
  timeZone: 'America/New_York',
  medium: 'VIDEO' as const,
  joinDetails: 'https://meet.example.org/abc-defg?pwd=x1&lang=en',
};
const CLINIC = 'Gift Aid "basics" & <claims> for small charities';
const clinic = {
  clinicId: 'cclin1',
  seatId: 'cseat1',
  topic: CLINIC,
  volunteerName: VOLUNTEER,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  timeZone: meeting.timeZone,
  medium: 'VIDEO' as const,
  joinDetails: meeting.joinDetails,
  sequence: 1,
  url: `${APP}/clinics/cclin1`,
};
// What a reader in New York sees for that meeting.
const NY_WHEN = 'Fri 11 Dec, 10:00 GMT-5';

interface Fixture {
  message: EmailMessage;
  context?: EmailContext;
  /** Text the subject must contain. */
  subject: string[];
  /** Values the reader must see, in both the HTML and the plain text. */
  shows: string[];
  cta: string;
  greeting?: string;
}

const fixtures: Record<EmailKind, Fixture> = {
  'sign-in-link': {
    message: { kind: 'sign-in-link', data: { url: `${APP}/api/auth/callback/email?token=abc123&email=sam%40example.org`, minutes: 15 } },
    context: stranger,
    subject: ['Your HalfHour sign-in link'],
    shows: ['expires in 15 minutes', 'If you did not ask to sign in, you can ignore this email'],
    cta: `${APP}/api/auth/callback/email?token=abc123&email=sam%40example.org`,
    greeting: 'Hello,',
  },
  'organisation-invite': {
    message: {
      kind: 'organisation-invite',
      data: { organisationName: ORG, inviterName: INVITER, url: `${APP}/invites/tok_abc?x=1&y=2`, expiresAt: '2026-12-08T12:00:00.000Z' },
    },
    context: stranger,
    subject: [INVITER, ORG, 'invited you to join'],
    shows: [ORG, INVITER, 'Tue, 8 Dec 2026', 'If you were not expecting this invitation, you can ignore this email'],
    cta: `${APP}/invites/tok_abc?x=1&y=2`,
    greeting: 'Hello,',
  },
  'organisation-verified': {
    message: { kind: 'organisation-verified', data: { organisationName: ORG, url: `${APP}/asks/new` } },
    subject: [ORG, 'is verified on HalfHour'],
    shows: [ORG, `because you are a member of ${ORG}`],
    cta: `${APP}/asks/new`,
  },
  'organisation-rejected': {
    message: {
      kind: 'organisation-rejected',
      data: {
        organisationName: ORG,
        reason: 'The charity number 123456 belongs to "another" charity & we couldn\'t match it.',
        url: `${APP}/orgs/o1/edit`,
      },
    },
    subject: ['We could not verify', ORG],
    shows: [ORG, 'The charity number 123456 belongs to "another" charity & we couldn\'t match it.'],
    cta: `${APP}/orgs/o1/edit`,
  },
  'ask-approved': {
    message: { kind: 'ask-approved', data: { askTitle: ASK, organisationName: ORG, url: `${APP}/asks/a1` } },
    subject: ['Your ask is live', ASK],
    shows: [ASK, ORG, 'Volunteers can now see it'],
    cta: `${APP}/asks/a1`,
  },
  'ask-changes-requested': {
    message: {
      kind: 'ask-changes-requested',
      data: { askTitle: ASK, note: 'Say which <b>funder</b> it is for.\nAnd the deadline.', url: `${APP}/asks/a1/edit` },
    },
    subject: ['Changes needed', ASK],
    shows: [ASK, 'Say which <b>funder</b> it is for.', 'And the deadline.'],
    cta: `${APP}/asks/a1/edit`,
  },
  'ask-rejected': {
    message: { kind: 'ask-rejected', data: { askTitle: ASK, note: 'We can’t help with recruiting trustees.', url: `${APP}/asks/a1` } },
    subject: ['not approved', ASK],
    shows: [ASK, 'We can’t help with recruiting trustees.'],
    cta: `${APP}/asks/a1`,
  },
  'clinic-approved': {
    message: { kind: 'clinic-approved', data: { ...clinic, joinDetails: null } },
    subject: ['Your clinic is live', CLINIC],
    shows: [CLINIC, `${NY_WHEN} (45 minutes)`, 'book a seat'],
    cta: clinic.url,
  },
  'clinic-changes-requested': {
    message: {
      kind: 'clinic-changes-requested',
      data: { ...clinic, joinDetails: null, note: 'Say what “basics” covers & who it is for.', editUrl: `${APP}/clinics/cclin1/edit` },
    },
    subject: ['Changes needed', CLINIC],
    shows: [CLINIC, 'Say what “basics” covers & who it is for.'],
    cta: `${APP}/clinics/cclin1/edit`,
  },
  'clinic-rejected': {
    message: { kind: 'clinic-rejected', data: { ...clinic, joinDetails: null, note: 'This is advertising, not advice.' } },
    subject: ['not published', CLINIC],
    shows: [CLINIC, 'This is advertising, not advice.'],
    cta: clinic.url,
  },
  'clinic-seat-booked': {
    message: {
      kind: 'clinic-seat-booked',
      data: { ...clinic, organisationName: ORG, question: 'Can we claim Gift Aid on raffle tickets?', volunteerEmail: 'ruth@example.org' },
    },
    subject: ['Booked', CLINIC, NY_WHEN],
    shows: [CLINIC, ORG, 'Can we claim Gift Aid on raffle tickets?', 'ruth@example.org', clinic.joinDetails, 'calendar invite'],
    cta: clinic.url,
  },
  'clinic-waiting-list-joined': {
    message: { kind: 'clinic-waiting-list-joined', data: { ...clinic, joinDetails: null, organisationName: ORG, position: 2 } },
    subject: ['waiting list', CLINIC],
    shows: [CLINIC, ORG, 'number 2 in line', '24 hours'],
    cta: clinic.url,
  },
  'clinic-seat-offered': {
    message: {
      kind: 'clinic-seat-offered',
      data: { ...clinic, joinDetails: null, organisationName: ORG, expiresAt: '2026-12-10T15:00:00.000Z' },
    },
    subject: ['A seat is free for you', CLINIC],
    shows: [CLINIC, ORG, 'Thu 10 Dec, 10:00 GMT-5'],
    cta: clinic.url,
  },
  'clinic-seat-lapsed': {
    message: {
      kind: 'clinic-seat-lapsed',
      data: { ...clinic, joinDetails: null, organisationName: ORG, heldUntil: '2026-12-10T15:00:00.000Z', outcome: 'offered' },
    },
    subject: ['The seat at', CLINIC, 'we held for you has passed on'],
    shows: [
      CLINIC,
      ORG,
      'until Thu 10 Dec, 10:00 GMT-5',
      'gone to the next charity on the waiting list',
      'no longer on this clinic’s waiting list',
      'join the waiting list again',
      'book another clinic',
    ],
    cta: clinic.url,
  },
  'offer-received': {
    message: {
      kind: 'offer-received',
      data: {
        askTitle: ASK,
        volunteerName: VOLUNTEER,
        message: 'I\'ve written 40+ bids & I "love" openings.',
        url: `${APP}/asks/a1/offers/o1`,
      },
    },
    subject: [VOLUNTEER, 'offered to help with', ASK],
    shows: [ASK, VOLUNTEER, 'I\'ve written 40+ bids & I "love" openings.'],
    cta: `${APP}/asks/a1/offers/o1`,
  },
  'offer-waiting': {
    message: { kind: 'offer-waiting', data: { askTitle: ASK, volunteerName: VOLUNTEER, waitingDays: 4, url: `${APP}/asks/a1/offers/o1` } },
    subject: ['waiting 4 days', ASK],
    shows: [ASK, VOLUNTEER, '4 days ago'],
    cta: `${APP}/asks/a1/offers/o1`,
  },
  'offer-accepted': {
    message: {
      kind: 'offer-accepted',
      data: { ...meeting, organisationName: ORG, sequence: 0, url: `${APP}/sessions/cmeet123?from=email&v=1` },
    },
    subject: ['Booked', ASK, NY_WHEN],
    shows: [ASK, ORG, VOLUNTEER, `${NY_WHEN} (45 minutes)`, 'Video call', meeting.joinDetails],
    cta: `${APP}/sessions/cmeet123?from=email&v=1`,
  },
  'offer-declined': {
    message: {
      kind: 'offer-declined',
      data: {
        askTitle: ASK,
        organisationName: ORG,
        reason: 'declined',
        note: 'We went with someone local – thank you!',
        url: `${APP}/asks`,
      },
    },
    subject: ['Your offer for', ASK, 'was not taken up'],
    shows: [ASK, ORG, 'We went with someone local – thank you!', `because you offered to help with “${ASK}”`],
    cta: `${APP}/asks`,
  },
  'invitation-to-help': {
    message: {
      kind: 'invitation-to-help',
      data: {
        askTitle: ASK,
        organisationName: ORG,
        inviterName: INVITER,
        message: 'Your profile says "bids" & that\'s us.',
        url: `${APP}/asks/a1`,
      },
    },
    subject: [ORG, 'invited you to help', ASK],
    shows: [ASK, ORG, INVITER, 'Your profile says "bids" & that\'s us.'],
    cta: `${APP}/asks/a1`,
  },
  'offer-withdrawn': {
    message: {
      kind: 'offer-withdrawn',
      data: { askTitle: ASK, volunteerName: VOLUNTEER, reason: 'withdrawn', url: `${APP}/my-asks/a1?tab=offers&x=1` },
    },
    subject: [VOLUNTEER, 'withdrew their offer for', ASK],
    shows: [ASK, `${VOLUNTEER} has withdrawn their offer`, 'Your ask stays open'],
    cta: `${APP}/my-asks/a1?tab=offers&x=1`,
  },
  'move-proposed': {
    message: {
      kind: 'move-proposed',
      data: {
        ...meeting,
        proposedStartsAt: '2026-12-14T20:00:00.000Z',
        proposedEndsAt: '2026-12-14T20:45:00.000Z',
        proposedByName: VOLUNTEER,
        note: "Sorry – a clash at work & I can't move it.",
        url: `${APP}/meetings/cmeet123?move=1&x=2`,
      },
    },
    subject: [ASK, 'Mon 14 Dec, 15:00 GMT-5'],
    shows: [
      ASK,
      `${VOLUNTEER} asked to move your session`,
      `${NY_WHEN} (45 minutes)`,
      'Mon 14 Dec, 15:00 GMT-5 (45 minutes)',
      "Sorry – a clash at work & I can't move it.",
    ],
    cta: `${APP}/meetings/cmeet123?move=1&x=2`,
  },
  'move-declined': {
    message: {
      kind: 'move-declined',
      data: { ...meeting, proposedStartsAt: '2026-12-14T20:00:00.000Z', declinedByName: VOLUNTEER, url: `${APP}/meetings/cmeet123` },
    },
    subject: ['Not moved', ASK, NY_WHEN],
    shows: [ASK, `${VOLUNTEER} could not make Mon 14 Dec, 15:00 GMT-5`, `stays on ${NY_WHEN}`, meeting.joinDetails],
    cta: `${APP}/meetings/cmeet123`,
  },
  'meeting-rescheduled': {
    message: {
      kind: 'meeting-rescheduled',
      data: {
        ...meeting,
        timeZone: 'Europe/London',
        startsAt: '2026-07-02T13:30:00.000Z',
        endsAt: '2026-07-02T14:00:00.000Z',
        previousStartsAt: '2026-07-01T09:00:00.000Z',
        sequence: 2,
        url: `${APP}/sessions/cmeet123`,
      },
    },
    subject: ['Moved', ASK, 'Thu 2 Jul, 14:30 BST'],
    shows: [ASK, VOLUNTEER, 'Wed 1 Jul, 10:00 BST', 'Thu 2 Jul, 14:30 BST (30 minutes)', meeting.joinDetails],
    cta: `${APP}/sessions/cmeet123`,
  },
  'meeting-cancelled': {
    message: {
      kind: 'meeting-cancelled',
      data: { ...meeting, cancelledByName: VOLUNTEER, reason: "I'm unwell & can't make it.", sequence: 3, url: `${APP}/sessions/cmeet123` },
    },
    subject: ['Cancelled', ASK, NY_WHEN],
    shows: [ASK, `${VOLUNTEER} cancelled your session`, NY_WHEN, "I'm unwell & can't make it."],
    cta: `${APP}/sessions/cmeet123`,
  },
  'meeting-reminder': {
    message: { kind: 'meeting-reminder', data: { ...meeting, lead: '24h', url: `${APP}/sessions/cmeet123` } },
    subject: ['Coming up', ASK, NY_WHEN],
    shows: [ASK, VOLUNTEER, `${NY_WHEN} (45 minutes)`, meeting.joinDetails],
    cta: `${APP}/sessions/cmeet123`,
  },
  'feedback-request': {
    message: {
      kind: 'feedback-request',
      data: {
        meetingId: 'cmeet123',
        askTitle: ASK,
        withName: VOLUNTEER,
        heldAt: '2026-12-11T15:00:00.000Z',
        timeZone: 'Asia/Kolkata',
        url: `${APP}/sessions/cmeet123/feedback`,
      },
    },
    subject: ['How did it go?', ASK],
    shows: [ASK, VOLUNTEER, 'Fri 11 Dec, 20:30 GMT+5:30'],
    cta: `${APP}/sessions/cmeet123/feedback`,
  },
  'thank-you-received': {
    message: {
      kind: 'thank-you-received',
      data: {
        askTitle: ASK,
        organisationName: ORG,
        thanks: 'You made our "Bags & Boxes" appeal sing.\nThank you – from all of us!',
        url: `${APP}/volunteer/impact`,
      },
    },
    subject: [ORG, 'sent you a thank-you'],
    shows: [ASK, ORG, 'You made our "Bags & Boxes" appeal sing.', 'Thank you – from all of us!'],
    cta: `${APP}/volunteer/impact`,
  },
  'volunteer-paused': {
    message: { kind: 'volunteer-paused', data: { noShows: 3, days: 90, url: `${APP}/volunteer/profile` } },
    subject: ['paused your volunteering'],
    shows: ['3 of your sessions in the last 90 days', 'offers you had waiting have been withdrawn', 'resume from your volunteer profile'],
    cta: `${APP}/volunteer/profile`,
  },
  'practice-check': {
    message: {
      kind: 'practice-check',
      data: {
        askTitle: ASK,
        volunteerName: VOLUNTEER,
        heldAt: '2026-12-11T23:30:00.000Z',
        timeZone: 'Australia/Sydney',
        url: `${APP}/sessions/cmeet123/practice`,
      },
    },
    subject: ['Did you put it into practice?', ASK],
    // 23:30 UTC on the 11th is already the 12th in Sydney.
    shows: [ASK, VOLUNTEER, 'Sat, 12 Dec 2026'],
    cta: `${APP}/sessions/cmeet123/practice`,
  },
  'ask-expiring': {
    message: {
      kind: 'ask-expiring',
      data: { askTitle: ASK, deadline: '2026-12-14T23:59:00.000Z', timeZone: 'Europe/London', url: `${APP}/asks/a1` },
    },
    subject: ['Your ask closes on Mon, 14 Dec 2026', ASK],
    shows: [ASK, 'Mon 14 Dec, 23:59 GMT'],
    cta: `${APP}/asks/a1`,
  },
  'weekly-digest': {
    message: {
      kind: 'weekly-digest',
      data: {
        asks: [
          { title: ASK, organisationName: ORG, durationMinutes: 30, skills: ['Bid writing', 'Copy & editing'], url: `${APP}/asks/a1` },
          {
            title: 'Plan a <first> donor survey',
            organisationName: 'Hope’s Kitchen',
            durationMinutes: 60,
            skills: ['Research'],
            url: `${APP}/asks/a2?ref=digest&w=47`,
          },
        ],
        moreCount: 5,
        browseUrl: `${APP}/asks?fit=me&sort=new`,
      },
    },
    subject: ['7 new asks that fit your skills'],
    shows: [
      ASK,
      ORG,
      '30 minutes',
      'Bid writing, Copy & editing',
      'Plan a <first> donor survey',
      'Hope’s Kitchen',
      '1 hour',
      'Research',
      '5 more asks',
    ],
    cta: `${APP}/asks?fit=me&sort=new`,
  },
  'report-received': {
    message: { kind: 'report-received', data: { what: 'an ask', url: `${APP}/dashboard` } },
    subject: ['We received your report about an ask'],
    shows: ['Thank you for reporting an ask', 'never told who reported them'],
    cta: `${APP}/dashboard`,
  },
  'report-outcome': {
    message: {
      kind: 'report-outcome',
      data: { what: 'an ask', outcome: 'We agreed and have hidden it: nobody else can see it now.', url: `${APP}/dashboard` },
    },
    subject: ['Your report about an ask', 'what we decided'],
    shows: ['We agreed and have hidden it: nobody else can see it now.'],
    cta: `${APP}/dashboard`,
  },
  'content-hidden': {
    message: {
      kind: 'content-hidden',
      data: { what: ASK, kind: 'an ask', reason: 'It asks for <b>funder</b> contacts & "leads" to sell.', url: `${APP}/my-asks/a1` },
    },
    subject: ['We have hidden'],
    shows: [ASK, 'It asks for <b>funder</b> contacts & "leads" to sell.', 'nobody else can see it now'],
    cta: `${APP}/my-asks/a1`,
  },
  'user-warned': {
    message: {
      kind: 'user-warned',
      data: {
        what: `Offer from ${VOLUNTEER} on “${ASK}”`,
        note: 'Please keep messages to the ask & its <first> question.',
        url: `${APP}/dashboard`,
      },
    },
    subject: ['A warning from HalfHour'],
    shows: ['Please keep messages to the ask & its <first> question.', 'We keep a record of warnings'],
    cta: `${APP}/dashboard`,
  },
  'clinic-moved': {
    message: {
      kind: 'clinic-moved',
      data: {
        ...clinic,
        timeZone: 'Europe/London',
        startsAt: '2026-07-02T13:30:00.000Z',
        endsAt: '2026-07-02T14:30:00.000Z',
        previousStartsAt: '2026-07-01T09:00:00.000Z',
        audience: 'booked',
        giveUpUrl: `${APP}/clinics/cclin1/give-up?seat=cseat1`,
      },
    },
    subject: ['Moved', CLINIC, 'Thu 2 Jul, 14:30 BST'],
    shows: [CLINIC, VOLUNTEER, 'Wed 1 Jul, 10:00 BST', 'Thu 2 Jul, 14:30 BST (1 hour)', clinic.joinDetails, 'I can no longer come'],
    cta: `${APP}/clinics/cclin1`,
  },
  'clinic-cancelled': {
    message: {
      kind: 'clinic-cancelled',
      data: { ...clinic, audience: 'booked', cancelledByName: VOLUNTEER, reason: "I'm unwell & can't run it." },
    },
    subject: ['Cancelled', CLINIC, NY_WHEN],
    shows: [CLINIC, `${VOLUNTEER} cancelled the clinic`, NY_WHEN, "I'm unwell & can't run it."],
    cta: `${APP}/clinics/cclin1`,
  },
  'clinic-reminder': {
    message: { kind: 'clinic-reminder', data: { ...clinic, audience: 'booked', lead: '24h' } },
    subject: ['Coming up', CLINIC, NY_WHEN],
    shows: [CLINIC, VOLUNTEER, `${NY_WHEN} (45 minutes)`, clinic.joinDetails],
    cta: `${APP}/clinics/cclin1`,
  },
  'clinic-feedback-request': {
    message: { kind: 'clinic-feedback-request', data: { ...clinic, timeZone: 'Asia/Kolkata', heldAt: clinic.startsAt } },
    subject: ['How did it go?', CLINIC],
    shows: [CLINIC, VOLUNTEER, 'Fri 11 Dec, 20:30 GMT+5:30'],
    cta: `${APP}/clinics/cclin1`,
  },
};

/** The HTML as a reader sees it: React's invisible separators between adjacent pieces of text removed. */
function visible(html: string): string {
  return html.replace(/<!-- -->/g, '');
}

/** How React writes text into HTML. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

// Email HTML is not a web page: React Email writes layout tables and inline styles on purpose, because
// that is what Outlook and Gmail render reliably. Only rules that email HTML breaks by design are off.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Mail clients drop <style> blocks and classes; inline styles are the only styling that survives.
    'no-inline-style': 'off',
    // React Email lays out with tables carrying align/width/cellPadding/cellSpacing: Outlook's Word engine
    // ignores the CSS equivalents. React writes the last two in camelCase; HTML attribute names are case-blind.
    'no-deprecated-attr': 'off',
    'attr-case': 'off',
    // role="presentation" is role="none"'s older synonym, the one screen readers in mail clients know.
    'presentation-role-style': 'off',
    // The button's <!--[if mso]> spacers: the only way to pad a link in Outlook.
    'no-conditional-comment': 'off',
    // React Email writes the XHTML 1.0 Transitional doctype mail clients expect, and React writes void
    // elements self-closed to match; keep them consistent rather than off.
    'doctype-html': 'off',
    'void-style': ['error', { style: 'selfclose' }],
    // A search-engine rule for web pages. The title is the subject line, whose length the subject test checks
    // (the rule counts `&amp;` as five characters, so it cannot be given the same limit).
    'long-title': 'off',
  },
});

const rendered = new Map<EmailKind, RenderedEmail>();
async function renderFixture(kind: EmailKind): Promise<RenderedEmail> {
  if (!rendered.has(kind)) {
    const fixture = fixtures[kind];
    rendered.set(kind, await renderEmail(fixture.message, fixture.context ?? context));
  }
  return rendered.get(kind)!;
}

describe.each(EMAIL_KINDS)('the %s email', (kind) => {
  const fixture = fixtures[kind];
  const ctx = fixture.context ?? context;
  const optional = EMAIL_TOPICS[kind] !== null;

  it('has a subject that says what happened', async () => {
    const { subject } = await renderFixture(kind);
    expect(subject.length).toBeGreaterThan(10);
    expect(subject.length).toBeLessThanOrEqual(120);
    expect(subject).not.toMatch(/\n/);
    for (const part of fixture.subject) expect(subject).toContain(part);
    expect(emailSubject(fixture.message)).toBe(subject);
  });

  it('greets the reader and shows the key values in both HTML and plain text', async () => {
    const { html: raw, text } = await renderFixture(kind);
    const html = visible(raw);
    const greeting = fixture.greeting ?? `Hello ${ctx.recipientName},`;
    expect(text).toContain(greeting);
    expect(html).toContain(escapeHtml(greeting));
    for (const value of fixture.shows) {
      expect(text).toContain(value);
      expect(html).toContain(escapeHtml(value));
    }
  });

  it('escapes what people typed instead of treating it as HTML', async () => {
    const { html } = await renderFixture(kind);
    expect(html).not.toContain('<Boxes>');
    expect(html).not.toContain('<Riverside>');
    expect(html).not.toContain('<b>funder</b>');
    expect(html).not.toContain('<first>');
  });

  it('has one call to action whose address appears in full', async () => {
    const { html, text } = await renderFixture(kind);
    expect(text).toContain(fixture.cta);
    expect(html).toContain(`href="${fixture.cta.replace(/&/g, '&amp;')}"`);
    // The one button; other links are the footer's and, in the digest, each ask's title.
    expect(html.match(/background-color:#0b5a53;border-radius:6px/g)).toHaveLength(1);
  });

  it('names the page its button promises (tests/support/email-buttons.ts), so the journeys can follow it', async () => {
    const { text } = await renderFixture(kind);
    // The plain text prints the button as its label and then its address.
    const label = text.match(new RegExp(`^(.+?) ${fixture.cta.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'))?.[1]?.trim();
    expect(label, 'the button in the plain text').toBeTruthy();
    expect(promisedControl(label!), `what "${label}" promises on its page`).toBeDefined();
  });

  it('prints no missing or broken values', async () => {
    const { html, text, subject } = await renderFixture(kind);
    for (const output of [html, text, subject]) {
      expect(output).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date/);
    }
  });

  it('links only to absolute addresses', async () => {
    const { html } = await renderFixture(kind);
    const links = hrefs(html);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^(https?:\/\/[^\s/]+\.[^\s]+|mailto:\S+@\S+)$/);
  });

  it('says why the reader got it and how to change that', async () => {
    const { html, text } = await renderFixture(kind);
    expect(text).toContain('You are getting this because');
    if (kind === 'sign-in-link' || kind === 'organisation-invite') {
      expect(text).toMatch(/you can ignore this email/);
      expect(text).not.toMatch(/unsubscribe/i);
    } else if (optional) {
      expect(text).toContain(`Unsubscribe from these emails ${ctx.unsubscribeUrl}`);
      expect(hrefs(html)).toContain(ctx.unsubscribeUrl);
      expect(hrefs(html)).toContain(ctx.preferencesUrl);
    } else {
      expect(text).toContain('cannot be turned off');
      expect(hrefs(html)).toContain(ctx.preferencesUrl);
      expect(html).not.toMatch(/unsubscribe/i);
      expect(text).not.toMatch(/unsubscribe/i);
    }
  });

  it('is valid HTML', async () => {
    const { html } = await renderFixture(kind);
    const report = await validator.validateString(html);
    const problems = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
    expect(problems.join('\n')).toBe('');
  });
});

describe('what changes with the details', () => {
  it('greets by name only when there is one', async () => {
    const message = fixtures['ask-approved'].message;
    expect((await renderEmail(message, { ...context, recipientName: 'Sam' })).text).toContain('Hello Sam,');
    for (const recipientName of [null, undefined, '  ']) {
      const { text, html } = await renderEmail(message, { ...context, recipientName });
      expect(text).toMatch(/^Hello,$/m);
      expect(html).toContain('>Hello,</p>');
    }
  });

  it('leaves out the unsubscribe link when the recipient has none, keeping the preferences link', async () => {
    const { html, text } = await renderEmail(fixtures['offer-received'].message, { ...context, unsubscribeUrl: null });
    expect(text).not.toMatch(/unsubscribe/i);
    expect(hrefs(html)).toEqual([fixtures['offer-received'].cta, context.preferencesUrl]);
  });

  it('words a declined, expired or closed offer differently', async () => {
    const base = fixtures['offer-declined'].message as Extract<EmailMessage, { kind: 'offer-declined' }>;
    const render = (reason: 'declined' | 'expired' | 'ask-closed') =>
      renderEmail({ ...base, data: { ...base.data, reason, note: null } }, context);
    const [declined, expired, closed] = await Promise.all([render('declined'), render('expired'), render('ask-closed')]);
    expect(declined.subject).toBe(`Your offer for ${ASK} was not taken up`);
    expect(expired.subject).toBe(`Your offer for ${ASK} expired without a reply`);
    expect(expired.text).toContain('They did not reply in time, so your offer has expired.');
    expect(closed.subject).toBe(`${ASK} has closed, so your offer was not taken up`);
    expect(closed.text).toContain('The ask has now closed');
    for (const email of [declined, expired, closed]) {
      expect(email.text).toContain(`Thank you for offering to help ${ORG}`);
      expect(email.text).not.toContain('They said:');
    }
  });

  it('tells a charity whose held seat lapsed where the seat went, and only what it can still do', async () => {
    const base = fixtures['clinic-seat-lapsed'].message as Extract<EmailMessage, { kind: 'clinic-seat-lapsed' }>;
    const render = (outcome: 'offered' | 'free' | 'started') => renderEmail({ ...base, data: { ...base.data, outcome } }, context);
    const [offered, free, started] = await Promise.all([render('offered'), render('free'), render('started')]);
    expect(offered.text).toContain('The seat has gone to the next charity on the waiting list.');
    expect(free.text).toContain('Nobody else was waiting, so the seat is open again');
    expect(free.text).toContain('book the seat on the clinic’s page while it is free');
    expect(started.text).toContain('The clinic has now started, so the seat can no longer be booked.');
    expect(started.text).not.toContain('join the waiting list again');
    for (const email of [offered, free, started]) {
      expect(email.text).toContain('held a seat at');
      expect(email.text).toContain('no longer on this clinic’s waiting list');
    }
  });

  it('reminds an hour before as well as a day before', async () => {
    const base = fixtures['meeting-reminder'].message as Extract<EmailMessage, { kind: 'meeting-reminder' }>;
    const email = await renderEmail({ ...base, data: { ...base.data, lead: '1h' } }, context);
    expect(email.subject).toBe(`In 1 hour: ${ASK}`);
    expect(email.text).toContain('Your session starts in 1 hour');
    expect(email.text).toContain(NY_WHEN);
  });

  it('shows both the old and the new time of a moved session', async () => {
    const { text } = await renderFixture('meeting-rescheduled');
    expect(text).toContain('Was: Wed 1 Jul, 10:00 BST');
    expect(text).toContain('Now: Thu 2 Jul, 14:30 BST (30 minutes)');
  });

  it('shows the booked and the suggested time of a proposed move, and says nothing moves yet', async () => {
    const { text } = await renderFixture('move-proposed');
    expect(text).toContain(`${VOLUNTEER} asked to move your session about “${ASK}”. They said:`);
    expect(text).toContain(`Booked for: ${NY_WHEN} (45 minutes)`);
    expect(text).toContain('Suggested: Mon 14 Dec, 15:00 GMT-5 (45 minutes)');
    expect(text).toContain('The session stays at the booked time until you accept the new one.');
  });

  it('tells the charity an offer went without saying why a volunteer was suspended', async () => {
    const base = fixtures['offer-withdrawn'].message as Extract<EmailMessage, { kind: 'offer-withdrawn' }>;
    const render = (reason: 'withdrawn' | 'paused' | 'suspended' | 'deleted') =>
      renderEmail({ ...base, data: { ...base.data, reason } }, context);
    const [paused, suspended, deleted] = await Promise.all([render('paused'), render('suspended'), render('deleted')]);
    expect(paused.subject).toBe(`${VOLUNTEER}'s offer for ${ASK} is no longer available`);
    expect(paused.text).toContain('has paused their volunteering for now');
    expect(suspended.text).toContain('is no longer available to volunteer');
    expect(suspended.text).not.toMatch(/suspend/i);
    expect(deleted.text).toContain('has left HalfHour');
  });

  it('says who cancelled and why, without the joining details of a session that is off', async () => {
    const { text } = await renderFixture('meeting-cancelled');
    expect(text).toContain(`${VOLUNTEER} cancelled your session about “${ASK}”, which was on ${NY_WHEN}. They said:`);
    expect(text).toContain("I'm unwell & can't make it.");
    expect(text).not.toContain(meeting.joinDetails);

    const base = fixtures['meeting-cancelled'].message as Extract<EmailMessage, { kind: 'meeting-cancelled' }>;
    const byAdmin = await renderEmail({ ...base, data: { ...base.data, cancelledByName: 'Alex Moderator', reason: null } }, context);
    expect(byAdmin.text).toContain(`Alex Moderator cancelled your session with ${VOLUNTEER} about “${ASK}”, which was on ${NY_WHEN}.`);
    expect(byAdmin.text).not.toContain('They said:');

    // Charity staff cancelling: the volunteer reads who did it, and the charity is named once.
    const byStaff = await renderEmail(
      { ...base, data: { ...base.data, withName: ORG, cancelledByName: `Sam Lee from ${ORG}`, reason: null } },
      context,
    );
    expect(byStaff.text).toContain(`Sam Lee from ${ORG} cancelled your session about “${ASK}”, which was on ${NY_WHEN}.`);
    expect(byStaff.text.split(ORG).length - 1, 'the charity named in the sentence and the details once each').toBeLessThanOrEqual(3);
  });

  it('confirms a cancellation to the person who made it, with the calendar CANCEL', async () => {
    const base = fixtures['meeting-cancelled'].message as Extract<EmailMessage, { kind: 'meeting-cancelled' }>;
    const mine = await renderEmail({ ...base, data: { ...base.data, cancelledByName: 'Sam Lee', cancelledByYou: true } }, context);
    expect(mine.text).toContain(`You cancelled your session with ${VOLUNTEER} about “${ASK}”, which was on ${NY_WHEN}.`);
    expect(mine.text).toContain(`We have told ${VOLUNTEER}, with your reason:`);
    expect(mine.text).not.toContain('Sam Lee');
    expect(mine.attachments).toHaveLength(1);
    expect(mine.attachments[0]!.contentType).toContain('method=CANCEL');
  });

  it('names the other side once when they ask to move a session', async () => {
    const base = fixtures['move-proposed'].message as Extract<EmailMessage, { kind: 'move-proposed' }>;
    const { text } = await renderEmail({ ...base, data: { ...base.data, withName: ORG, proposedByName: `Sam Lee from ${ORG}` } }, context);
    expect(text).toContain(`Sam Lee from ${ORG} asked to move your session about “${ASK}”.`);
  });

  it('tells the volunteer who they are booked with without naming the charity twice', async () => {
    const base = fixtures['offer-accepted'].message as Extract<EmailMessage, { kind: 'offer-accepted' }>;
    const forVolunteer = await renderEmail({ ...base, data: { ...base.data, withName: ORG } }, context);
    expect(forVolunteer.text).toContain(`Your session with ${ORG} about “${ASK}” is booked.`);
    const forCharity = await renderEmail(base, context);
    expect(forCharity.text).toContain(`Your session with ${VOLUNTEER} about “${ASK}” for ${ORG} is booked.`);
  });

  it('does not say an ask is live while its organisation waits for verification', async () => {
    const base = fixtures['ask-approved'].message as Extract<EmailMessage, { kind: 'ask-approved' }>;
    const waiting = await renderEmail({ ...base, data: { ...base.data, published: false } }, context);
    expect(waiting.subject).toBe(`Your ask is approved: ${ASK}`);
    expect(waiting.text).toContain('it will be published as soon as the organisation is verified');
    expect(waiting.text).not.toMatch(/Your ask is live|can now see it/);
    const live = await renderEmail({ ...base, data: { ...base.data, published: true } }, context);
    expect(live.subject).toBe(`Your ask is live: ${ASK}`);
    expect(live.text).toContain('Volunteers can now see it');
  });

  it('lists the asks a verification published, each linked to its public page', async () => {
    const base = fixtures['organisation-verified'].message as Extract<EmailMessage, { kind: 'organisation-verified' }>;
    const publishedAsks = [
      { title: ASK, url: `${APP}/asks/a1` },
      { title: 'Set up a cashbook in Excel', url: `${APP}/asks/a2` },
    ];
    const { subject, html, text } = await renderEmail({ ...base, data: { ...base.data, publishedAsks } }, context);
    expect(subject).toBe(`${ORG} is verified: 2 asks are live`);
    expect(text).toContain('The asks we approved while we checked are now live');
    expect(hrefs(html)).toEqual(expect.arrayContaining([`${APP}/asks/a1`, `${APP}/asks/a2`, base.data.url]));
  });

  it('leaves out the joining details until there are some', async () => {
    const base = fixtures['offer-accepted'].message as Extract<EmailMessage, { kind: 'offer-accepted' }>;
    const { text } = await renderEmail({ ...base, data: { ...base.data, joinDetails: null } }, context);
    expect(text).not.toContain('Video link:');
    expect(text).toContain('How: Video call');
  });

  it('links each ask in the digest and counts the rest', async () => {
    const { html, text, subject } = await renderFixture('weekly-digest');
    expect(hrefs(html)).toEqual(expect.arrayContaining([`${APP}/asks/a1`, `${APP}/asks/a2?ref=digest&w=47`]));
    expect(text).toContain('There are 5 more asks that fit your skills.');
    expect(subject).toBe('7 new asks that fit your skills');

    const base = fixtures['weekly-digest'].message as Extract<EmailMessage, { kind: 'weekly-digest' }>;
    const one = await renderEmail({ ...base, data: { ...base.data, asks: base.data.asks.slice(0, 1), moreCount: 0 } }, context);
    expect(one.subject).toBe('1 new ask that fits your skills');
    expect(one.text).not.toContain('more ask');
  });

  it('shortens a long title in the subject but shows it whole in the email', async () => {
    const title = 'Help us decide whether to apply to the National Lottery Community Fund this year or wait until our accounts are filed';
    const { subject, text } = await renderEmail(
      { kind: 'ask-approved', data: { askTitle: title, organisationName: ORG, url: `${APP}/asks/a1` } },
      context,
    );
    expect(title.length).toBeGreaterThan(100);
    expect(subject.length).toBeLessThanOrEqual(80);
    expect(subject).toMatch(/^Your ask is live: Help us decide whether to apply .*…$/);
    expect(text).toContain(title);
  });
});

describe('calendar invites', () => {
  const calendarKinds: EmailKind[] = ['offer-accepted', 'meeting-rescheduled', 'meeting-cancelled'];
  // A clinic's invites are read in tests/unit/clinic-calendar.test.ts.
  const clinicCalendarKinds: EmailKind[] = ['clinic-seat-booked', 'clinic-moved', 'clinic-cancelled'];

  function parseInvite(email: RenderedEmail) {
    expect(email.attachments).toHaveLength(1);
    const [attachment] = email.attachments;
    expect(attachment!.filename).toBe('invite.ics');
    const calendar = new ICAL.Component(ICAL.parse(attachment!.content) as unknown[]);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    return { attachment: attachment!, calendar, vevent, event: new ICAL.Event(vevent) };
  }

  it.each(calendarKinds)('the %s email carries one invite for the meeting, in UTC', async (kind) => {
    const email = await renderFixture(kind);
    const { data } = fixtures[kind].message as Extract<
      EmailMessage,
      { kind: 'offer-accepted' | 'meeting-rescheduled' | 'meeting-cancelled' }
    >;
    const { attachment, calendar, vevent, event } = parseInvite(email);
    const method = kind === 'meeting-cancelled' ? 'CANCEL' : 'REQUEST';

    expect(attachment.contentType).toBe(`text/calendar; charset=utf-8; method=${method}`);
    expect(calendar.getFirstPropertyValue('method')).toBe(method);
    expect(event.uid).toBe('meeting-cmeet123@halfhour');
    expect(event.sequence).toBe(data.sequence);
    expect(event.startDate.toJSDate().toISOString()).toBe(data.startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(data.endsAt);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.summary).toBe(`HalfHour: ${ASK}`);
    expect(event.description).toContain(data.url);
    expect(vevent.getFirstPropertyValue('url')).toBe(data.url);
    expect(vevent.getFirstPropertyValue('status')).toBe(kind === 'meeting-cancelled' ? 'CANCELLED' : 'CONFIRMED');
    if (kind !== 'meeting-cancelled') expect(event.description).toContain(meeting.joinDetails);
  });

  it('raises nothing for the other emails', async () => {
    for (const kind of EMAIL_KINDS.filter((k) => !calendarKinds.includes(k) && !clinicCalendarKinds.includes(k))) {
      expect((await renderFixture(kind)).attachments, kind).toEqual([]);
    }
  });

  it('puts the address of an in-person session in the location', async () => {
    const base = fixtures['offer-accepted'].message as Extract<EmailMessage, { kind: 'offer-accepted' }>;
    const address = 'Room 2, 14 Mill Lane, Leeds LS1 4AB';
    const email = await renderEmail({ ...base, data: { ...base.data, medium: 'IN_PERSON', joinDetails: address } }, context);
    const { event } = parseInvite(email);
    expect(event.location).toBe(address);
    expect(email.text).toContain(`Where: ${address}`);
  });

  it('stamps and addresses the invite as told, so the same call gives the same file', () => {
    const options = {
      method: 'REQUEST' as const,
      sequence: 1,
      url: `${APP}/sessions/cmeet123`,
      sender: 'HalfHour <sessions@halfhour.example>',
      stamp: new Date('2026-11-20T08:00:00Z'),
    };
    const ics = meetingInvite(meeting, options);
    expect(meetingInvite(meeting, options)).toBe(ics);
    const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!;
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:sessions@halfhour.example');
  });
});
