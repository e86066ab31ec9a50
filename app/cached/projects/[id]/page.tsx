// A project's page as every anonymous visitor sees it (docs/cached-pages.md): a change to the project or any of
// its stages is sent with the project's tag (page_tags in the database).
import type { Metadata } from 'next';
import { cache } from 'react';
import { ProjectPage } from '@/components/asks/ProjectPage';
import { getPublicProject } from '@/lib/asks/queries';
import { NotFoundMessage } from '@/components/layout/NotFoundMessage';
import { PAGE_TAGS, tagNotFound, tagPage } from '@/lib/cache/page-tags';

const loadProject = cache(async (id: string) => {
  await tagPage([PAGE_TAGS.project(id)]);
  return getPublicProject(id);
});

type Props = { params: Promise<{ id: string }> };

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await loadProject((await params).id);
  return { title: project ? project.title : 'Project not found' };
}

export default async function CachedProject({ params }: Props) {
  const project = await loadProject((await params).id);
  if (!project) {
    // Not notFound(): see NotFoundMessage.
    await tagNotFound();
    return <NotFoundMessage />;
  }
  return <ProjectPage project={project} />;
}
