import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ProjectPage } from '@/components/asks/ProjectPage';
import { getPublicProject } from '@/lib/asks/queries';

const loadProject = cache(getPublicProject);

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await loadProject((await params).id);
  return { title: project ? project.title : 'Project not found' };
}

// Signed-in visitors (the proxy sends anonymous ones to the cached twin, app/cached/projects).
export default async function Project({ params }: Props) {
  await connection();
  const project = await loadProject((await params).id);
  if (!project) notFound();
  return <ProjectPage project={project} />;
}
