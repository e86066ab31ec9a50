import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { AskPage } from '@/components/asks/AskPage';
import { getPublicAsk } from '@/lib/asks/queries';

// The page and its metadata both need the ask; one query per request.
const loadAsk = cache(getPublicAsk);

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ask = await loadAsk((await params).id);
  return { title: ask ? ask.title : 'Ask not found' };
}

// Signed-in visitors (the proxy sends anonymous ones to the cached twin, app/cached/asks).
export default async function Ask({ params }: Props) {
  await connection(); // status and offer count change: render per request
  const ask = await loadAsk((await params).id);
  if (!ask) notFound();
  return <AskPage ask={ask} />;
}
