import type { OrganisationStatus } from '@/lib/generated/prisma/enums';

export function OrganisationStatusNotice({
  status,
  note,
  vouched = false,
}: {
  status: OrganisationStatus;
  note: string | null;
  /** Verified because an admin vouched for it (a community group with no registration number). */
  vouched?: boolean;
}) {
  const messages: Record<OrganisationStatus, { tone: string; text: string }> = {
    PENDING_VERIFICATION: {
      tone: 'border-amber-600 bg-amber-50 text-amber-950',
      text: 'Waiting for verification. You can prepare asks now; they will be published once we have checked your organisation, usually within a working day.',
    },
    VERIFIED: {
      tone: 'border-emerald-700 bg-emerald-50 text-emerald-950',
      text: vouched
        ? 'Verified and vouched for: with no registration number to check, HalfHour vouched for your group. Your approved asks are public, with a “Vouched” badge.'
        : 'Verified. Your approved asks are public.',
    },
    REJECTED: { tone: 'border-red-700 bg-red-50 text-red-950', text: `We could not verify this organisation.${note ? ` ${note}` : ''}` },
    SUSPENDED: {
      tone: 'border-red-700 bg-red-50 text-red-950',
      text: `This organisation is suspended and its asks are hidden.${note ? ` ${note}` : ''}`,
    },
  };
  const message = messages[status];
  return <p className={`rounded-md border px-4 py-3 ${message.tone}`}>{message.text}</p>;
}
