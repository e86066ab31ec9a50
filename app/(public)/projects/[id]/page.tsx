import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { SkillTags } from '@/components/asks/SkillTags';
import { getPublicProject } from '@/lib/asks/queries';
import { formatDuration } from '@/lib/dates';
import { askStatusLabels, regionLabels } from '@/lib/labels';

const loadProject = cache(getPublicProject);

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await loadProject((await params).id);
  return { title: project ? project.title : 'Project not found' };
}

/** A big problem split into stages: each stage its own ask, in order. */
export default async function ProjectPage({ params }: Props) {
  await connection();
  const project = await loadProject((await params).id);
  if (!project) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/asks">← All open asks</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{project.title}</h1>
      <p className="text-slate-700">
        A piece of work by {project.organisation.name} ({regionLabels[project.organisation.region]}), split into small asks so that
        different experts can each help with one stage.
      </p>
      {project.description ? <p className="whitespace-pre-line text-slate-800">{project.description}</p> : null}
      <ol className="space-y-4">
        {project.asks.map((ask) => (
          <li key={ask.id} className="rounded-lg border border-slate-200 p-5">
            <h2 className="text-lg font-semibold">
              <span className="text-slate-700">Stage {ask.stage}: </span>
              <Link href={`/asks/${ask.id}`}>{ask.title}</Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {askStatusLabels[ask.status]} · {formatDuration(ask.durationMinutes)}
            </p>
            <p className="mt-2 line-clamp-3 text-slate-800">{ask.question}</p>
            <div className="mt-3">
              <SkillTags skills={ask.skills.map(({ skill }) => skill)} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
