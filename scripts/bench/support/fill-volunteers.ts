// Fills a bench database with 100k-scale volunteers by SQL in a few seconds: users (half a percent suspended),
// profiles (media, capacities, pauses, time zones as real volunteers have them) and one to six skills each at
// realistic levels. The VolunteerSkill triggers are off while the skills are written and their work (each
// row's place in the rotation, the copy of the skills onto the profile) is done set-based, as the migration's
// backfill does (migration 20261130235414_matching_volunteer_summaries), so the rows are what the app writes.
import type pg from 'pg';
import { skillCategories } from '@/lib/skills/taxonomy';

export interface VolunteerFill {
  volunteers: number;
}

/**
 * Ids: users vu-1 to vu-N (volunteerN@bench.example), profiles vp-1 to vp-N. The taxonomy must be in place
 * (scripts/bench/support/taxonomy.ts). Returns the skill ids from most to least popular (a shuffled Zipf-like
 * order), for drawing the skills of asks that fit these volunteers.
 */
export async function fillVolunteers(client: pg.Client, { volunteers: VOLUNTEERS }: VolunteerFill): Promise<string[]> {
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  await q('SELECT setseed(0.1130)');

  // Skills by popularity (a shuffled Zipf-like order) and by category, for drawing.
  await q(`CREATE TEMPORARY TABLE bench_skill AS SELECT id, row_number() OVER (ORDER BY md5(id)) AS rank FROM "Skill"`);
  await q(`CREATE TEMPORARY TABLE bench_category AS
     SELECT row_number() OVER (ORDER BY "categoryId") - 1 AS idx, array_agg(id ORDER BY id) AS skill_ids FROM "Skill" GROUP BY "categoryId"`);
  const popular = (await q(`SELECT array_agg(id ORDER BY rank) AS ids FROM bench_skill`)).rows[0].ids as string[];
  const categoryCount = skillCategories.length;

  await q(
    `INSERT INTO "User" (id, email, name, status, "onboardedAt", "updatedAt")
     SELECT 'vu-' || g, 'volunteer' || g || '@bench.example', 'Volunteer ' || g,
            CASE WHEN random() < 0.005 THEN 'SUSPENDED' ELSE 'ACTIVE' END::"UserStatus", now(), now()
       FROM generate_series(1, $1) g`,
    [VOLUNTEERS],
  );

  // Profiles: most meet by video, fewer by phone or email, a few in person; capacity 1-6 a month, mostly 2-3;
  // 5% paused (a fifth of them with a pause that has ended); a tenth in another zone.
  await q(
    `INSERT INTO "VolunteerProfile" (id, "userId", headline, bio, media, "timeZone", "monthlyCapacity", "pausedAt", "pausedUntil", "updatedAt")
     SELECT 'vp-' || g, 'vu-' || g, 'Volunteer ' || g || ', happy to help', 'Made up for the benchmark.',
            coalesce(nullif(array_remove(ARRAY[
              CASE WHEN random() < 0.85 THEN 'VIDEO' END, CASE WHEN random() < 0.5 THEN 'PHONE' END,
              CASE WHEN random() < 0.3 THEN 'EMAIL' END, CASE WHEN random() < 0.1 THEN 'IN_PERSON' END], NULL), '{}'), ARRAY['VIDEO'])::"Medium"[],
            CASE WHEN random() < 0.9 THEN 'Europe/London' ELSE (ARRAY['Europe/Dublin','Europe/Paris','America/New_York'])[1 + floor(random() * 3)::int] END,
            (ARRAY[1, 2, 2, 2, 3, 3, 4, 5, 6])[1 + floor(random() * 9)::int],
            CASE WHEN paused < 0.05 THEN now() - interval '10 days' END,
            CASE WHEN paused < 0.01 THEN now() - interval '1 day' END,
            now()
       FROM (SELECT g, random() AS paused FROM generate_series(1, $1) g) AS v`,
    [VOLUNTEERS],
  );
  // Skills: one to six each, most from one home area, the rest popular skills anywhere. Levels: 30% working
  // knowledge, 45% experienced, 25% expert. The triggers (each row's place in the rotation, the copy onto the
  // profile) are off; their work is done set-based here, as the migration's backfill does.
  await q('ALTER TABLE "VolunteerSkill" DISABLE TRIGGER USER');
  await q(
    `INSERT INTO "VolunteerSkill" ("volunteerProfileId", "skillId", level, rotation, "updatedAt")
     SELECT 'vp-' || x.g,
            CASE WHEN x.r1 < 0.6 THEN c.skill_ids[1 + floor(x.r2 * cardinality(c.skill_ids))::int]
                 ELSE ($1::text[])[1 + floor(power(x.r2, 1.6) * cardinality($1::text[]))::int] END,
            CASE WHEN x.r3 < 0.3 THEN 'WORKING' WHEN x.r3 < 0.75 THEN 'EXPERIENCED' ELSE 'EXPERT' END::"SkillLevel",
            ('x' || substr(md5('vp-' || x.g), 1, 5))::bit(20)::int, now()
       FROM (SELECT v.g, v.home, random() AS r1, random() AS r2, random() AS r3
               FROM (SELECT g, floor(random() * $2)::int AS home, 1 + floor(random() * 6)::int AS n FROM generate_series(1, $3) g) AS v
               CROSS JOIN generate_series(1, 6) k
              WHERE k <= v.n) AS x
       JOIN bench_category c ON c.idx = x.home
     ON CONFLICT DO NOTHING`,
    [popular, categoryCount, VOLUNTEERS],
  );
  await q('ALTER TABLE "VolunteerSkill" ENABLE TRIGGER USER');
  await q(
    `UPDATE "VolunteerProfile" p SET "skillIds" = s.ids, "skillLevels" = s.levels
       FROM (SELECT "volunteerProfileId", array_agg("skillId" ORDER BY "skillId") AS ids, array_agg(level ORDER BY "skillId") AS levels
               FROM "VolunteerSkill" WHERE "volunteerProfileId" LIKE 'vp-%' GROUP BY "volunteerProfileId") AS s
      WHERE p.id = s."volunteerProfileId"`,
  );
  await q('DROP TABLE bench_skill, bench_category');
  return popular;
}
