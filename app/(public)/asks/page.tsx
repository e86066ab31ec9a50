import type { Metadata } from 'next';
import Link from 'next/link';
import { AskCard } from '@/components/asks/AskCard';
import { CategoryFilter } from '@/components/asks/CategoryFilter';
import { EmptyState } from '@/components/ui/EmptyState';
import { Pagination } from '@/components/ui/Pagination';
import { listOpenAsks } from '@/lib/asks/queries';
import { parseAskListQuery } from '@/lib/asks/schema';
import { plural } from '@/lib/labels';
import { listSkillCategories } from '@/lib/skills/queries';

export const metadata: Metadata = { title: 'Open asks' };

export default async function AsksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseAskListQuery(await searchParams);
  const now = new Date();
  const [result, categories] = await Promise.all([listOpenAsks(query, now), listSkillCategories()]);
  const category = categories.find((c) => c.slug === query.category);

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Open asks</h1>
      <p className="mt-2 max-w-3xl text-slate-800">
        Specific questions from small charities, each answerable in a short session. Pick one that fits your skills.
      </p>

      <CategoryFilter categories={categories} selected={category?.slug} />

      <p className="mt-6 text-slate-700" role="status">
        {plural(result.total, 'open ask')}
        {category ? ` in ${category.name}` : ''}
      </p>

      {result.asks.length > 0 ? (
        <ul className="mt-4 grid gap-4">
          {result.asks.map((ask) => (
            <li key={ask.id}>
              <AskCard ask={ask} now={now} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4">
          <EmptyState title={category ? `No open asks in ${category.name} right now` : 'No asks are open right now'}>
            {category ? (
              <p>
                <Link href="/asks">See open asks in every category</Link>
              </p>
            ) : (
              <p>Asks appear here as soon as they have been reviewed. Check back soon.</p>
            )}
          </EmptyState>
        </div>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} basePath="/asks" params={{ category: category?.slug }} />
    </>
  );
}
