import { escapeHtml, htmlEmail, type EmailContent } from './layout';

export function signInLinkEmail({ url, minutes }: { url: string; minutes: number }): EmailContent {
  const subject = 'Your HalfHour sign-in link';
  const text = [
    'Hello,',
    '',
    'Use this link to sign in to HalfHour:',
    url,
    '',
    `It works once and expires in ${minutes} minutes.`,
    'If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.',
  ].join('\n');
  const html = htmlEmail(
    [
      'Hello,',
      'Use the button below to sign in to HalfHour.',
      `It works once and expires in ${minutes} minutes. If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(url)}</span>`,
      'If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.',
    ],
    { label: 'Sign in to HalfHour', url },
  );
  return { subject, text, html };
}
