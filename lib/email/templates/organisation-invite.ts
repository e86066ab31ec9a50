import { escapeHtml, htmlEmail, type EmailContent } from './layout';

export function organisationInviteEmail({
  organisationName,
  inviterName,
  url,
  expiresOn,
}: {
  organisationName: string;
  inviterName: string;
  url: string;
  expiresOn: string;
}): EmailContent {
  const subject = `${inviterName} invited you to join ${organisationName} on HalfHour`;
  const text = [
    'Hello,',
    '',
    `${inviterName} has invited you to join ${organisationName} on HalfHour, where small charities get short, specific help from experienced volunteers.`,
    '',
    `Accept the invitation: ${url}`,
    '',
    `The link works once and expires on ${expiresOn}.`,
  ].join('\n');
  const html = htmlEmail(
    [
      'Hello,',
      `${escapeHtml(inviterName)} has invited you to join <strong>${escapeHtml(organisationName)}</strong> on HalfHour, where small charities get short, specific help from experienced volunteers.`,
      `The link works once and expires on ${escapeHtml(expiresOn)}.`,
    ],
    { label: `Join ${organisationName}`, url },
  );
  return { subject, text, html };
}
