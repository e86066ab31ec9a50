import type { Metadata } from 'next';
import Link from 'next/link';
import { ClinicForm } from '@/components/clinics/ClinicForm';
import { requireVolunteer } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { editClinicAction } from '@/lib/clinics/actions';
import { clinicForEdit } from '@/lib/clinics/queries';
import { timeZoneLabel } from '@/lib/dates';
import { single } from '@/lib/forms';
import { listSkillsByCategory } from '@/lib/skills/queries';

export const metadata: Metadata = { title: 'Change your clinic' };

type Props = { params: Promise<{ id: string }> };

// Only the volunteer's own clinic, while it is in review or sent back with changes; anyone else gets a 404.
export default async function EditClinicPage({ params }: Props) {
  const { id } = await params;
  const user = await requireVolunteer(`/clinics/${id}/edit`);
  const [clinic, taxonomy] = await Promise.all([orNotFound(() => clinicForEdit(user, id)), listSkillsByCategory()]);
  const topic = single(clinic.values, 'topic') ?? '';
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href={`/clinics/${id}`}>Back to the clinic</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight break-words">Change “{topic}”</h1>
      {clinic.moderationNote ? (
        <div className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-semibold">What the reviewer asked you to change</p>
          <p className="mt-1 whitespace-pre-line break-words">{clinic.moderationNote}</p>
        </div>
      ) : null}
      <p className="text-slate-800">Saving sends it for review again; we will email you when it is published.</p>
      <ClinicForm
        action={editClinicAction.bind(null, id)}
        defaults={clinic.values}
        taxonomy={taxonomy}
        zoneLabel={timeZoneLabel(clinic.timeZone)}
        submitLabel="Save and send for review"
      />
    </div>
  );
}
