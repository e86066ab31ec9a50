import type { Metadata } from 'next';
import Link from 'next/link';
import { AskForm } from '@/components/asks/AskForm';
import { createAskAction } from '@/lib/asks/actions';
import { newSubmissionToken } from '@/lib/form-submissions';
import { requireUser } from '@/lib/auth/guards';
import { deadlineRange, newAskDefaults } from '@/lib/asks/form-defaults';
import { listSkillsByCategory } from '@/lib/skills/queries';

export const metadata: Metadata = { title: 'Post an ask' };

export default async function NewAskPage({ searchParams }: { searchParams: Promise<{ organisation?: string | string[] }> }) {
  const user = await requireUser('/my-asks/new');
  const organisations = user.memberships.map((m) => ({ id: m.organisationId, name: m.organisation.name }));
  // A checklist's "Write your first ask" names its organisation; only one of the person's own is taken.
  const { organisation: asked } = await searchParams;
  const chosen = organisations.find((organisation) => organisation.id === asked) ?? organisations[0];
  if (organisations.length === 0) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">Post an ask</h1>
        <p className="text-slate-800">
          Asks are posted by charities and social enterprises. <Link href="/organisations/new">Add your organisation</Link> first, or ask a
          colleague who has already added it for an invitation link.
        </p>
      </div>
    );
  }
  const taxonomy = await listSkillsByCategory();
  const range = deadlineRange(user.timeZone);
  const pending = user.memberships.some((m) => m.organisation.status === 'PENDING_VERIFICATION');
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Post an ask</h1>
      <p className="text-slate-800">
        One small, specific question an experienced volunteer could answer in 15 to 60 minutes. Big problem? Save a draft, then split it
        into stages. We check every ask before it is published.
      </p>
      {pending ? (
        <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          Your organisation is waiting for verification. You can write and submit asks now; they are published once it is verified.
        </p>
      ) : null}
      <AskForm
        action={createAskAction}
        askId={null}
        defaults={newAskDefaults(user.timeZone, chosen?.id)}
        organisations={organisations}
        taxonomy={taxonomy}
        initialCoach={null}
        minDeadline={range.min}
        maxDeadline={range.max}
        submission={newSubmissionToken()}
      />
    </div>
  );
}
