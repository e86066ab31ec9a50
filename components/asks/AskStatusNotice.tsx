import type { AskStatus } from '@/lib/generated/prisma/enums';
import { plural } from '@/lib/labels';

/** Tells a visitor whether this ask still needs help. */
export function AskStatusNotice({
  status,
  pendingOffers,
  deadlinePassed = false,
}: {
  status: AskStatus;
  pendingOffers: number;
  deadlinePassed?: boolean;
}) {
  if (status === 'OPEN' && !deadlinePassed) {
    return (
      <p className="mt-6 rounded-md bg-brand-50 px-4 py-3 text-brand-900">
        Open for offers.{' '}
        {pendingOffers === 0
          ? 'Nobody has offered yet: yours could be the first.'
          : `${plural(pendingOffers, 'volunteer has', 'volunteers have')} offered so far; the charity will choose one.`}
      </p>
    );
  }
  const text =
    status === 'MATCHED'
      ? 'This ask has been matched with a volunteer and a session is booked.'
      : status === 'COMPLETED'
        ? 'This session has taken place. Thank you to the volunteer who helped.'
        : 'This ask is no longer open for offers.';
  return <p className="mt-6 rounded-md bg-slate-100 px-4 py-3 text-slate-900">{text}</p>;
}
