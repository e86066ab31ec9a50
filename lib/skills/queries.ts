// Reads of the skill taxonomy.
import 'server-only';
import { db } from '@/lib/db';

export async function listSkillCategories() {
  return db.skillCategory.findMany({ select: { slug: true, name: true }, orderBy: { sortOrder: 'asc' } });
}
