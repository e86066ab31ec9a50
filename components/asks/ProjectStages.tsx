import Link from 'next/link';
import type { PublicAsk } from '@/lib/asks/queries';
import { askStatusLabels } from '@/lib/labels';

/** A big problem split into stages: where this ask sits among its siblings. */
export function ProjectStages({ project, currentId }: { project: NonNullable<PublicAsk['project']>; currentId: string }) {
  return (
    <section aria-labelledby="project" className="mt-10 rounded-lg bg-slate-50 p-5">
      <h2 id="project" className="text-lg font-semibold">
        Part of a bigger piece of work: <Link href={`/projects/${project.id}`}>{project.title}</Link>
      </h2>
      <ol className="mt-3 space-y-2">
        {project.asks.map((sibling) => (
          <li key={sibling.id}>
            {sibling.stage ? <span className="text-slate-700">Stage {sibling.stage}: </span> : null}
            {sibling.id === currentId ? (
              <strong aria-current="page">{sibling.title}</strong>
            ) : (
              <Link href={`/asks/${sibling.id}`}>{sibling.title}</Link>
            )}{' '}
            <span className="text-sm text-slate-700">({askStatusLabels[sibling.status]})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
