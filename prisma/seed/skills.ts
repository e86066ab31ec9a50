// The seed's skill taxonomy is the app's own: one list in lib/skills/taxonomy.ts.
export { skillCategories, type TaxonomyCategory } from '@/lib/skills/taxonomy';
