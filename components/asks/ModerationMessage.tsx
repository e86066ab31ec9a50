import type { AskStatus } from '@/lib/generated/prisma/enums';

/** The moderator's message to the charity when an ask is sent back or not approved. */
export function ModerationMessage({ status, note }: { status: AskStatus; note: string | null }) {
  if (!note || (status !== 'CHANGES_REQUESTED' && status !== 'REJECTED')) return null;
  return (
    <div
      className={`rounded-md border px-4 py-3 ${status === 'REJECTED' ? 'border-red-700 bg-red-50 text-red-950' : 'border-amber-600 bg-amber-50 text-amber-950'}`}
    >
      <p className="font-semibold">{status === 'REJECTED' ? 'Why this ask was not approved' : 'What the moderator asked you to change'}</p>
      <p className="mt-1 whitespace-pre-line">{note}</p>
    </div>
  );
}
