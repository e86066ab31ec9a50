import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SplitAskForm } from '@/components/asks/SplitAskForm';
import { splitAskAction } from '@/lib/asks/actions';
import { getAskForStaff } from '@/lib/asks/queries';
import { isEditableAsk } from '@/lib/asks/transitions';
import { requireUser } from '@/lib/auth/guards';
import { listSkillsByCategory } from '@/lib/skills/queries';

export const metadata: Metadata = { title: 'Split your ask into stages' };

export default async function SplitAskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/my-asks/${id}/split`);
  const [ask, taxonomy] = await Promise.all([getAskForStaff(user, id), listSkillsByCategory()]);
  if (!ask) notFound();
  const splittable = isEditableAsk(ask.status) && !ask.projectId;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/my-asks/${ask.id}`}>← Back to the ask</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">Split your ask into stages</h1>
      {splittable ? (
        <>
          <p className="text-slate-800">
            “{ask.title}” is a big job that only someone doing your exact work could help with. Broken into small questions, many more
            experts can: a strategist on whether to apply, a bid writer on how to answer a question, a communications expert on whether it
            reads well.
          </p>
          <p className="text-slate-800">
            Write two to five stages. Each becomes a draft ask of its own, with the same times, deadline and prep pack as this one; you then
            add what a good outcome looks like and submit each. This broad ask is withdrawn and kept with the project.
          </p>
          <SplitAskForm action={splitAskAction.bind(null, ask.id)} defaultProjectTitle={ask.title} taxonomy={taxonomy} />
        </>
      ) : (
        <p className="text-slate-800">
          Only a draft, or an ask sent back for changes, that is not already part of a project can be split.{' '}
          <Link href={`/my-asks/${ask.id}`}>Back to the ask</Link>
        </p>
      )}
    </div>
  );
}
