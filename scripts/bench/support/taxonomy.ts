// The skill taxonomy in a bench database: the app's own list, written by SQL with the demo seed's ids
// (category-<slug>, skill-<slug>), so a bench that seeds the demo first (bench:load) and one that starts
// from an empty database (bench:browse, bench:matching) fill the same rows.
import type pg from 'pg';
import { skillCategories } from '@/lib/skills/taxonomy';

/** Writes the categories and skills that are not there yet; returns every skill id, in the taxonomy's order. */
export async function insertTaxonomy(client: pg.Client): Promise<string[]> {
  const categories = skillCategories.map((category, index) => ({ ...category, sortOrder: index }));
  const skills = categories.flatMap((category) => category.skills.map((skill) => ({ ...skill, category: category.slug })));
  await client.query(
    `INSERT INTO "SkillCategory" (id, slug, name, description, "sortOrder", "updatedAt")
     SELECT 'category-' || slug, slug, name, description, ord, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(slug, name, description, ord)
     ON CONFLICT DO NOTHING`,
    [
      categories.map((c) => c.slug),
      categories.map((c) => c.name),
      categories.map((c) => c.description),
      categories.map((c) => c.sortOrder),
    ],
  );
  // Keywords travel as one JSON array per skill: unnest cannot take an array of arrays of different lengths.
  await client.query(
    `INSERT INTO "Skill" (id, slug, name, description, keywords, "categoryId", "updatedAt")
     SELECT 'skill-' || slug, slug, name, description, ARRAY(SELECT jsonb_array_elements_text(keywords)), 'category-' || category, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[]) AS t(slug, name, description, keywords, category)
     ON CONFLICT DO NOTHING`,
    [
      skills.map((s) => s.slug),
      skills.map((s) => s.name),
      skills.map((s) => s.description ?? null),
      skills.map((s) => JSON.stringify(s.keywords)),
      skills.map((s) => s.category),
    ],
  );
  return skills.map((s) => `skill-${s.slug}`);
}
