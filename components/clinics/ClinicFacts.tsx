// What anyone may read about a clinic: when, how long, how, seats left, its skills, what it covers and what to
// bring. Never how to join (booked charities only) or who else is coming.
import { SkillTags } from '@/components/asks/SkillTags';
import { seatsLeftLabel } from '@/components/clinics/ClinicCard';
import { formatDateTime, formatDuration, timeZoneLabel } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import type { Medium } from '@/lib/generated/prisma/enums';

export interface PublicClinic {
  topic: string;
  description: string;
  bring: string;
  startsAt: Date;
  endsAt: Date;
  medium: Medium;
  seats: number;
  seatsLeft: number;
  waiting: number;
  skills: Array<{ slug: string; name: string }>;
}

/** `started`: once it has begun, seats left mean nothing to a reader; how many were taken does. */
export function ClinicFacts({ clinic, timeZone, started = false }: { clinic: PublicClinic; timeZone: string; started?: boolean }) {
  const minutes = Math.round((clinic.endsAt.getTime() - clinic.startsAt.getTime()) / 60_000);
  return (
    <>
      <section aria-labelledby="clinic-details" className="rounded-lg border border-slate-200 p-5">
        <h2 id="clinic-details" className="sr-only">
          Clinic details
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">When</dt>
          <dd>
            {formatDateTime(clinic.startsAt, timeZone)} ({timeZoneLabel(timeZone)})
          </dd>
          <dt className="font-semibold">Length</dt>
          <dd>{formatDuration(minutes)}</dd>
          <dt className="font-semibold">How</dt>
          <dd>{mediumLabels[clinic.medium]}</dd>
          <dt className="font-semibold">Seats</dt>
          <dd>
            {started
              ? `${clinic.seats - clinic.seatsLeft} of ${clinic.seats} seats taken`
              : `${seatsLeftLabel(clinic)} (one seat per charity, ${clinic.seats} in all)`}
          </dd>
        </dl>
        <div className="mt-4">
          <SkillTags skills={clinic.skills} />
        </div>
      </section>

      <section aria-labelledby="clinic-covers" className="space-y-2">
        <h2 id="clinic-covers" className="text-xl font-semibold">
          What it covers
        </h2>
        <p className="whitespace-pre-line break-words text-slate-800">{clinic.description}</p>
      </section>

      <section aria-labelledby="clinic-bring" className="space-y-2">
        <h2 id="clinic-bring" className="text-xl font-semibold">
          What to bring
        </h2>
        <p className="whitespace-pre-line break-words text-slate-800">{clinic.bring}</p>
      </section>
    </>
  );
}
