// One upcoming clinic in a list: what it covers, when, how, and how many seats are left. Times are shown in the
// viewer's zone with the zone named (UK time on the public pages, which are one page for everyone).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SkillTags } from '@/components/asks/SkillTags';
import { Badge } from '@/components/ui/Badge';
import type { ClinicCardData } from '@/lib/clinics/listing';
import { formatDateTime, formatDuration, timeZoneLabel } from '@/lib/dates';
import { mediumLabels, plural } from '@/lib/labels';

export function seatsLeftLabel(clinic: Pick<ClinicCardData, 'seatsLeft' | 'waiting'>): string {
  if (clinic.seatsLeft > 0) return `${plural(clinic.seatsLeft, 'seat')} left`;
  return clinic.waiting > 0 ? `Full: ${plural(clinic.waiting, 'charity', 'charities')} on the waiting list` : 'Full: join the waiting list';
}

export function ClinicCard({
  clinic,
  timeZone,
  headingLevel = 2,
  children,
}: {
  clinic: ClinicCardData;
  timeZone: string;
  headingLevel?: 2 | 3;
  /** Anything the list adds under the card (why it fits). */
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const minutes = Math.round((clinic.endsAt.getTime() - clinic.startsAt.getTime()) / 60_000);
  return (
    <article className="rounded-lg border border-slate-200 p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading className="min-w-0 text-lg font-semibold leading-snug break-words">
          <Link href={`/clinics/${clinic.id}`}>{clinic.topic}</Link>
        </Heading>
        <Badge tone={clinic.seatsLeft > 0 ? 'success' : 'neutral'}>{seatsLeftLabel(clinic)}</Badge>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Group clinic · {formatDateTime(clinic.startsAt, timeZone)} ({timeZoneLabel(timeZone)})
      </p>
      <p className="mt-3 line-clamp-3 text-slate-800 break-words">{clinic.description}</p>
      <div className="mt-3">
        <SkillTags skills={clinic.skills} />
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
        <div className="flex gap-1">
          <dt>Length:</dt>
          <dd>{formatDuration(minutes)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>How:</dt>
          <dd>{mediumLabels[clinic.medium]}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Seats:</dt>
          <dd>{plural(clinic.seats, 'charity', 'charities')}</dd>
        </div>
      </dl>
      {children}
    </article>
  );
}
