// How fast is the pure ranking? Builds 100k synthetic volunteers over the real skill taxonomy (a seeded PRNG, so
// every run ranks the same pool), warms up, then times rankVolunteers for 30 asks and prints p50/p95. No database.
//   npx tsx scripts/bench/matching-pure.ts
import { performance } from 'node:perf_hooks';
import {
  rankVolunteers,
  type AskForMatching,
  type Medium,
  type SkillLevel,
  type TaxonomySkill,
  type VolunteerForMatching,
} from '@/lib/matching';
import { skillCategories } from '@/prisma/seed/skills';

const VOLUNTEERS = 100_000;
const ASKS = 30;
const WARM_UP = 10;
const TARGET_MS = 50;

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const taxonomy: TaxonomySkill[] = skillCategories.flatMap((category) =>
  category.skills.map((skill) => ({ id: skill.slug, categoryId: category.slug, name: skill.name })),
);
// Real pools are skewed: a few skills (budgeting, social media) are common, most are rare. Zipf-like weights.
const popularity = taxonomy.map((_, rank) => 1 / (1 + rank) ** 0.9);
const shuffledSkills = [...taxonomy].sort(() => random() - 0.5);
const totalPopularity = popularity.reduce((sum, weight) => sum + weight, 0);
function popularSkill(): TaxonomySkill {
  let roll = random() * totalPopularity;
  for (let i = 0; i < shuffledSkills.length; i++) {
    roll -= popularity[i]!;
    if (roll <= 0) return shuffledSkills[i]!;
  }
  return shuffledSkills[shuffledSkills.length - 1]!;
}
const levels: SkillLevel[] = ['WORKING', 'EXPERIENCED', 'EXPERIENCED', 'EXPERT'];
const media: Medium[] = ['VIDEO', 'PHONE', 'EMAIL', 'IN_PERSON'];
const someMedia = (): Medium[] =>
  media
    .filter(() => random() < 0.55)
    .concat(random() < 0.5 ? ['VIDEO'] : [])
    .filter((m, i, all) => all.indexOf(m) === i);

function volunteer(n: number): VolunteerForMatching {
  const skillCount = 1 + Math.floor(random() * 6);
  const skills = new Map<string, SkillLevel>();
  // Most volunteers know several skills of one field, plus the odd one elsewhere.
  const home = pick(skillCategories);
  for (let i = 0; i < skillCount; i++) {
    const skill = random() < 0.6 ? pick(home.skills).slug : popularSkill().id;
    skills.set(skill, pick(levels));
  }
  const monthlyCapacity = 1 + Math.floor(random() * 8);
  const ratingCount = random() < 0.3 ? 0 : Math.floor(random() ** 2 * 60);
  return {
    id: `vol_${n.toString(36).padStart(6, '0')}`,
    skills: [...skills].map(([skillId, level]) => ({ skillId, level })),
    media: someMedia(),
    paused: random() < 0.05,
    monthlyCapacity,
    sessionsThisMonth: Math.floor(random() * (monthlyCapacity + 2)),
    averageRating: ratingCount === 0 ? null : Math.round((3 + random() * 2) * 10) / 10,
    ratingCount,
  };
}

function ask(n: number): AskForMatching {
  const skillIds = new Set<string>();
  const count = 1 + Math.floor(random() * 3);
  while (skillIds.size < count) skillIds.add(popularSkill().id);
  const askMedia = someMedia();
  return { id: `ask_${n}`, skillIds: [...skillIds], media: askMedia.length > 0 ? askMedia : ['VIDEO'] };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const built = performance.now();
const volunteers = Array.from({ length: VOLUNTEERS }, (_, n) => volunteer(n));
const asks = Array.from({ length: ASKS }, (_, n) => ask(n));
console.log(
  `built ${VOLUNTEERS} volunteers over ${taxonomy.length} skills in ${skillCategories.length} categories (${Math.round(performance.now() - built)} ms)`,
);

for (let i = 0; i < WARM_UP; i++) rankVolunteers(asks[i % ASKS]!, volunteers, taxonomy);
const times: number[] = [];
let returned = 0;
for (const each of asks) {
  const started = performance.now();
  const ranked = rankVolunteers(each, volunteers, taxonomy);
  times.push(performance.now() - started);
  returned += ranked.length;
}
times.sort((a, b) => a - b);
const p50 = percentile(times, 50);
const p95 = percentile(times, 95);
console.log(`rankVolunteers, ${ASKS} asks x ${VOLUNTEERS} volunteers, limit 20 (${returned} results)`);
console.log(
  `  min ${times[0]!.toFixed(1)} ms  p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${times[times.length - 1]!.toFixed(1)} ms  (target p95 < ${TARGET_MS} ms)`,
);
console.log(`pure ranking 100k p95: ${Math.round(p95)} ms`);
