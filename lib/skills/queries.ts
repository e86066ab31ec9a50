// Reads of the skill taxonomy.
import 'server-only';
import { db } from '@/lib/db';

export async function listSkillCategories() {
  return db.skillCategory.findMany({ select: { slug: true, name: true }, orderBy: { sortOrder: 'asc' } });
}

/** The whole taxonomy, for choosing skills: categories in order, skills by name. */
export async function listSkillsByCategory() {
  return db.skillCategory.findMany({
    select: {
      slug: true,
      name: true,
      skills: { select: { id: true, slug: true, name: true, description: true }, orderBy: { name: 'asc' } },
    },
    orderBy: { sortOrder: 'asc' },
  });
}

export type SkillTaxonomy = Awaited<ReturnType<typeof listSkillsByCategory>>;
