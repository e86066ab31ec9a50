// A project's page as every anonymous visitor sees it (docs/decisions/0013), tagged with the project and each stage.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ProjectPage } from '@/components/asks/ProjectPage';
import { getPublicProject } from '@/lib/asks/queries';
import { PUBLIC_TAGS, tagCachedPage } from '@/lib/cache/tags';

const loadProject = cache(async (id: string) => {
  await tagCachedPage([PUBLIC_TAGS.project(id)]);
  const project = await getPublicProject(id);
  if (project) await tagCachedPage(project.asks.map((ask) => PUBLIC_TAGS.ask(ask.id)));
  return project;
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
  if (!project) notFound();
  return <ProjectPage project={project} />;
}
