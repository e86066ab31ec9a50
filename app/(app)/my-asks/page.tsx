import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { listMyAsks, type MyAsk } from '@/lib/asks/queries';
import { requireUser } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';
import type { AskStatus } from '@/lib/generated/prisma/enums';
import { askStatusLabels, plural } from '@/lib/labels';

export const metadata: Metadata = { title: 'Your asks' };

// Grouped by what the person has to do next, most urgent first.
const GROUPS: Array<{ id: string; title: string; statuses: AskStatus[] }> = [
  { id: 'to-do', title: 'Needs your attention', statuses: ['CHANGES_REQUESTED', 'DRAFT'] },
  { id: 'review', title: 'Waiting for review', statuses: ['PENDING_REVIEW'] },
  { id: 'open', title: 'Open for offers', statuses: ['OPEN'] },
  { id: 'matched', title: 'Session booked', statuses: ['MATCHED'] },
  { id: 'closed', title: 'Closed', statuses: ['COMPLETED', 'WITHDRAWN', 'EXPIRED', 'REJECTED'] },
];

function AskRow({ ask, showOrganisation }: { ask: MyAsk; showOrganisation: boolean }) {
  const offers = ask._count.offers;
  return (
    <li className="rounded-lg border border-slate-200 p-4">
      <h3 className="text-lg font-semibold">
        <Link href={`/my-asks/${ask.id}`}>{ask.title}</Link>
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <Badge tone={ask.status === 'CHANGES_REQUESTED' ? 'accent' : ask.status === 'OPEN' ? 'success' : 'neutral'}>
          {askStatusLabels[ask.status]}
        </Badge>
        {showOrganisation ? <span>{ask.organisation.name}</span> : null}
        {ask.project ? (
          <span>{ask.stage ? `Stage ${ask.stage} of “${ask.project.title}”` : `Split into “${ask.project.title}”`}</span>
        ) : null}
        {ask.status === 'OPEN' ? <span>{offers === 0 ? 'No offers yet' : `${plural(offers, 'offer')} waiting`}</span> : null}
        {['DRAFT', 'CHANGES_REQUESTED', 'PENDING_REVIEW', 'OPEN'].includes(ask.status) ? (
          <span>needed by {formatDate(ask.deadline)}</span>
        ) : null}
        <span>changed {formatDate(ask.updatedAt)}</span>
      </p>
      {ask.status === 'CHANGES_REQUESTED' && ask.moderationNote ? (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-amber-950">
          <span className="font-medium">Moderator: </span>
          {ask.moderationNote}
        </p>
      ) : null}
      {ask.status === 'REJECTED' && ask.moderationNote ? <p className="mt-2 text-slate-800">Reason: {ask.moderationNote}</p> : null}
    </li>
  );
}

export default async function MyAsksPage() {
  const user = await requireUser('/my-asks');
  const asks = await listMyAsks(user);
  const manyOrganisations = user.memberships.length > 1;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Your asks</h1>
        {user.memberships.length > 0 ? (
          <Link
            href="/my-asks/new"
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            Post an ask
          </Link>
        ) : null}
      </div>
      {user.memberships.length === 0 ? (
        <EmptyState title="You are not part of an organisation yet">
          <p>
            <Link href="/organisations/new">Add your charity or social enterprise</Link> to post asks.
          </p>
        </EmptyState>
      ) : asks.length === 0 ? (
        <EmptyState title="No asks yet">
          <p>
            Think of one small thing an expert could help with in half an hour, then <Link href="/my-asks/new">post your first ask</Link>.
          </p>
        </EmptyState>
      ) : (
        GROUPS.map((group) => {
          const inGroup = asks.filter((ask) => group.statuses.includes(ask.status));
          if (inGroup.length === 0) return null;
          return (
            <section key={group.id} aria-labelledby={`group-${group.id}`} className="space-y-3">
              <h2 id={`group-${group.id}`} className="text-xl font-semibold">
                {group.title} ({inGroup.length})
              </h2>
              <ul className="space-y-3">
                {inGroup.map((ask) => (
                  <AskRow key={ask.id} ask={ask} showOrganisation={manyOrganisations} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
