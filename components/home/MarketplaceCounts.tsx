import type { PublicCounts } from '@/lib/metrics/queries';

/** The live figures: what is waiting for help and what has been given. */
export function MarketplaceCounts({ counts }: { counts: PublicCounts }) {
  const hours = Math.floor(counts.minutesGiven / 60);
  const figures = [
    { value: counts.openAsks, label: counts.openAsks === 1 ? 'ask open for offers' : 'asks open for offers' },
    { value: counts.volunteers, label: counts.volunteers === 1 ? 'volunteer ready to help' : 'volunteers ready to help' },
    { value: counts.organisations, label: counts.organisations === 1 ? 'verified organisation' : 'verified organisations' },
    {
      value: counts.sessionsHeld,
      label: `${counts.sessionsHeld === 1 ? 'session' : 'sessions'} held, ${hours > 0 ? `${hours} h ` : ''}${counts.minutesGiven % 60} min given`,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      {figures.map((figure) => (
        <div key={figure.label} className="flex flex-col rounded-lg bg-brand-50 p-4">
          <dt className="text-sm text-slate-800">{figure.label}</dt>
          <dd className="order-first text-3xl font-bold text-brand-800">{figure.value.toLocaleString('en-GB')}</dd>
        </div>
      ))}
    </dl>
  );
}
