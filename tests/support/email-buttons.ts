// What each email's one button promises, and the control that keeps the promise on the page it opens,
// as the recipient sees it. The unit test of the templates (tests/unit/email-templates.test.ts) fails for a
// button not named here; the first-hour journey (tests/e2e/first-hour.spec.ts) follows each button the
// journey's emails carry, signed in as the recipient, and finds the control there.
// Plain data: Playwright and Vitest both import it.

export interface PromisedControl {
  role: 'button' | 'heading' | 'link' | 'region' | 'searchbox';
  name: string | RegExp;
}

export const EMAIL_BUTTONS: Array<{ label: RegExp; control: PromisedControl }> = [
  { label: /^Sign in to HalfHour$/, control: { role: 'button', name: 'Sign out' } },
  { label: /^Join /, control: { role: 'button', name: /^Join / } },
  { label: /^Post an ask$/, control: { role: 'button', name: 'Check my ask' } },
  { label: /^Update your details$/, control: { role: 'button', name: /^Save/ } },
  { label: /^(View|See) your ask$/, control: { role: 'region', name: 'History' } },
  { label: /^Edit your ask$/, control: { role: 'button', name: 'Submit for review' } },
  { label: /^(Review|Reply to) the offer$/, control: { role: 'button', name: 'Accept and book' } },
  { label: /^View the session$/, control: { role: 'region', name: 'When' } },
  { label: /^View the clinic$/, control: { role: 'region', name: 'Clinic details' } },
  { label: /^Edit your clinic$/, control: { role: 'button', name: /^Save/ } },
  { label: /^Confirm your seat$/, control: { role: 'button', name: /^Confirm/ } },
  { label: /^Answer the request$/, control: { role: 'button', name: 'Accept the new time' } },
  { label: /^Give feedback$/, control: { role: 'button', name: 'Send feedback' } },
  { label: /^Tell us what happened$/, control: { role: 'button', name: 'Send answer' } },
  { label: /^View the ask$/, control: { role: 'link', name: 'Offer to help' } },
  { label: /^Find another ask$|^Browse all asks$/, control: { role: 'heading', name: 'Open asks' } },
  { label: /^See your impact$/, control: { role: 'heading', name: 'Your impact' } },
  { label: /^Go to your volunteer profile$/, control: { role: 'button', name: 'Resume volunteering' } },
  { label: /^Go to your dashboard$/, control: { role: 'heading', name: /^Hello, / } },
];

/** The promise an email's button makes, or undefined for a button nobody has declared. */
export function promisedControl(label: string): PromisedControl | undefined {
  return EMAIL_BUTTONS.find((entry) => entry.label.test(label))?.control;
}
