// The project page's body, shared by the per-request page (app/(public)/projects/[id]/page.tsx) and its cached twin (app/cached/projects).
import Link from 'next/link';
import { SkillTags } from '@/components/asks/SkillTags';
import type { getPublicProject } from '@/lib/asks/queries';
import { formatDuration } from '@/lib/dates';
import { askStatusLabels, regionLabels } from '@/lib/labels';

export type PublicProject = NonNullable<Awaited<ReturnType<typeof getPublicProject>>>;

/** A big problem split into stages: each stage its own ask, in order. */
export function ProjectPage({ project }: { project: PublicProject }) {
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
