import type { Metadata } from 'next';
import Link from 'next/link';
import { ClinicForm } from '@/components/clinics/ClinicForm';
import { requireVolunteer } from '@/lib/auth/guards';
import { offerClinicAction } from '@/lib/clinics/actions';
import { clinicFormZone, NEW_CLINIC_DEFAULTS } from '@/lib/clinics/form-defaults';
import { clinicOfferRefusal } from '@/lib/clinics/policy';
import { timeZoneLabel } from '@/lib/dates';
import { db } from '@/lib/db';
import { newSubmissionToken } from '@/lib/form-submissions';
import { volunteerLoad } from '@/lib/offers/capacity';
import { listSkillsByCategory } from '@/lib/skills/queries';

export const metadata: Metadata = { title: 'Offer a group clinic' };

export default async function NewClinicPage() {
  const user = await requireVolunteer('/clinics/new');
  // Paused now: say so before they write anything. A full month is checked for the clinic's own month on sending.
  const [load, zone] = await Promise.all([volunteerLoad(db, user.id), clinicFormZone(user)]);
  const refusal = load.paused ? clinicOfferRefusal({ hasProfile: true, load }) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Offer a group clinic</h1>
      <p className="text-slate-800">
        One topic, several charities, one short session: each charity books a seat with the one question it wants answered, and afterwards
        can book a one-to-one follow-up with you. We check every clinic before it is published. It counts as one session in its month.
      </p>
      {refusal ? (
        <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          {refusal} <Link href="/volunteer/profile">Go to your volunteer profile</Link>.
        </p>
      ) : (
        <ClinicForm
          action={offerClinicAction}
          defaults={NEW_CLINIC_DEFAULTS}
          taxonomy={await listSkillsByCategory()}
          zoneLabel={timeZoneLabel(zone ?? user.timeZone)}
          submitLabel="Send for review"
          submission={newSubmissionToken()}
        />
      )}
    </div>
  );
}
