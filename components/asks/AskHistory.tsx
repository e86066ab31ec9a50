import { formatDateTime } from '@/lib/dates';
import type { StaffAsk } from '@/lib/asks/queries';

const describe: Record<string, string> = {
  'ask.create': 'Written',
  'ask.edit': 'Edited',
  'ask.submit': 'Sent for review',
  'ask.approve': 'Approved and published',
  'ask.request_changes': 'Changes requested by a moderator',
  'ask.reject': 'Not approved',
  'ask.withdraw': 'Withdrawn',
  'ask.expire': 'Closed: its deadline passed',
  'ask.split': 'Split into stages',
};

// Moderators are not named to the charity.
const MODERATION = new Set(['ask.approve', 'ask.request_changes', 'ask.reject']);

/** What has happened to an ask, oldest first, as its organisation's staff see it. */
export function AskHistory({ history, timeZone }: { history: StaffAsk['history']; timeZone: string }) {
  if (history.length === 0) return <p className="text-slate-700">Nothing yet.</p>;
  return (
    <ol className="space-y-2">
      {history.map((entry) => {
        const data = (entry.data ?? {}) as { note?: string; reason?: string };
        const who = MODERATION.has(entry.action)
          ? 'a moderator'
          : entry.actor
            ? (entry.actor.name ?? 'a colleague')
            : entry.actorDeleted
              ? 'a former colleague'
              : 'HalfHour';
        return (
          <li key={entry.id} className="text-slate-800">
            <span className="font-medium">{describe[entry.action] ?? entry.action}</span>
            <span className="text-slate-700">
              {' '}
              by {who}, {formatDateTime(entry.createdAt, timeZone)}
            </span>
            {data.note ? <q className="mt-1 block text-slate-900">{data.note}</q> : null}
            {data.reason ? <q className="mt-1 block text-slate-900">{data.reason}</q> : null}
          </li>
        );
      })}
    </ol>
  );
}
