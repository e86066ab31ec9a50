import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AskForm } from '@/components/asks/AskForm';
import { ModerationMessage } from '@/components/asks/ModerationMessage';
import { saveAskAction } from '@/lib/asks/actions';
import { coachAsk } from '@/lib/asks/coach';
import { deadlineRange, existingAskDefaults } from '@/lib/asks/form-defaults';
import { getAskForStaff } from '@/lib/asks/queries';
import { isEditableAsk } from '@/lib/asks/transitions';
import { requireUser } from '@/lib/auth/guards';
import { listSkillsByCategory } from '@/lib/skills/queries';

export const metadata: Metadata = { title: 'Edit your ask' };

export default async function EditAskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/my-asks/${id}/edit`);
  const [ask, taxonomy] = await Promise.all([getAskForStaff(user, id), listSkillsByCategory()]);
  if (!ask) notFound();
  if (!isEditableAsk(ask.status)) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">This ask can no longer be edited</h1>
        <p className="text-slate-800">
          It has been sent for review or is already published or closed. <Link href={`/my-asks/${ask.id}`}>Back to the ask</Link>
        </p>
      </div>
    );
  }
  const defaults = existingAskDefaults(ask);
  const range = deadlineRange(ask.timeZone);
  const coach = coachAsk({
    title: ask.title,
    question: ask.question,
    outcome: ask.outcome,
    context: ask.context ?? '',
    skillSlugs: defaults.skills,
    durationMinutes: ask.durationMinutes,
  });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/my-asks/${ask.id}`}>← Back to the ask</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">Edit your ask</h1>
      <ModerationMessage status={ask.status} note={ask.moderationNote} />
      <AskForm
        action={saveAskAction.bind(null, ask.id)}
        askId={ask.id}
        defaults={defaults}
        organisations={[]}
        taxonomy={taxonomy}
        initialCoach={coach}
        minDeadline={range.min}
        maxDeadline={range.max}
      />
    </div>
  );
}
