-- Matching (lib/matching/candidates.ts) ranks a few hundred candidate volunteers per ask, and needs each one's
-- skills with levels and the count and sum of the charities' ratings of them. Aggregating VolunteerSkill and the
-- CHARITY feedback over every meeting, per candidate, was the slowest part of suggesting volunteers at 100k
-- volunteers (npm run bench:matching). Instead each volunteer profile carries copies, kept by triggers (the app
-- never writes them), as the ask's listing columns are (migration 20261123164618_ask_listing_columns).
--
-- Fairness: a common skill has thousands of holders and matching ranks a few hundred of them per ask. Walking the
-- skill's index in the order rows happen to lie would offer the same (oldest) few hundred to every ask. Each
-- VolunteerSkill row gets a fixed pseudo-random place, `rotation` (a hash of the profile id, so the seed stays
-- deterministic), and the index walks (skill, level, rotation) from a point that depends on the ask: each ask's
-- candidates are another slice of the holders at the best level. It replaces the (skillId, level) index, a prefix;
-- the profile id is its last column so the walk reads the index alone.

-- DropIndex
DROP INDEX "VolunteerSkill_skillId_level_idx";

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "skillIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "skillLevels" "SkillLevel"[] DEFAULT ARRAY[]::"SkillLevel"[];

-- AlterTable
ALTER TABLE "VolunteerSkill" ADD COLUMN     "rotation" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: existing rows get their place before the index is built.
UPDATE "VolunteerSkill" SET rotation = ('x' || substr(md5("volunteerProfileId"), 1, 5))::bit(20)::int;

-- CreateIndex
CREATE INDEX "VolunteerSkill_skillId_level_rotation_volunteerProfileId_idx" ON "VolunteerSkill"("skillId", "level", "rotation", "volunteerProfileId");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the schema engine ignores functions and triggers when it diffs, so
-- `npm run db:migrate:check` stays clean; tests/integration/matching-candidates.test.ts proves each trigger.
-- The bulk fill of scripts/bench/matching.ts turns them off and does their work set-based.

-- One profile's skills, sorted by id, with the level of each in the same order ('{}' when it has none).
-- Each refresh locks the profile row first and then reads (a new snapshot per statement), so two transactions
-- changing the same volunteer at once queue up and the second sees the first's rows: no stale copy is left.
CREATE FUNCTION volunteer_skills_refresh(profile_id text) RETURNS void
LANGUAGE sql AS $$
  SELECT 1 FROM "VolunteerProfile" WHERE id = profile_id FOR UPDATE;
  UPDATE "VolunteerProfile" p
     SET "skillIds" = s.ids, "skillLevels" = s.levels
    FROM (SELECT coalesce(array_agg(vs."skillId" ORDER BY vs."skillId"), '{}') AS ids,
                 coalesce(array_agg(vs.level ORDER BY vs."skillId"), '{}') AS levels
            FROM "VolunteerSkill" vs WHERE vs."volunteerProfileId" = profile_id) AS s
   WHERE p.id = profile_id
     AND (p."skillIds", p."skillLevels") IS DISTINCT FROM (s.ids, s.levels);
$$;

CREATE FUNCTION volunteer_skill_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM volunteer_skills_refresh(OLD."volunteerProfileId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."volunteerProfileId" <> OLD."volunteerProfileId") THEN
    PERFORM volunteer_skills_refresh(NEW."volunteerProfileId");
  END IF;
  RETURN NULL;
END;
$$;

-- A skill row's place in the walk: 20 bits of the md5 of its profile id (0 to 1048575), the same on every engine.
CREATE FUNCTION volunteer_skill_rotation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.rotation := ('x' || substr(md5(NEW."volunteerProfileId"), 1, 5))::bit(20)::int;
  RETURN NEW;
END;
$$;

CREATE TRIGGER volunteer_skill_rotation
BEFORE INSERT OR UPDATE OF "volunteerProfileId", rotation ON "VolunteerSkill"
FOR EACH ROW EXECUTE FUNCTION volunteer_skill_rotation();

CREATE TRIGGER volunteer_skill_summary
AFTER INSERT OR DELETE OR UPDATE OF "skillId", level, "volunteerProfileId" ON "VolunteerSkill"
FOR EACH ROW EXECUTE FUNCTION volunteer_skill_summary();

-- One volunteer's rating summary, recounted from their meetings' CHARITY feedback (a handful of rows, by index).
CREATE FUNCTION volunteer_rating_refresh(volunteer_user_id text) RETURNS void
LANGUAGE sql AS $$
  SELECT 1 FROM "VolunteerProfile" WHERE "userId" = volunteer_user_id FOR UPDATE;
  UPDATE "VolunteerProfile" p
     SET "ratingCount" = s.n, "ratingTotal" = s.total
    FROM (SELECT count(f.rating)::int AS n, coalesce(sum(f.rating), 0)::int AS total
            FROM "Meeting" m
            JOIN "Feedback" f ON f."meetingId" = m.id AND f.party = 'CHARITY' AND f.rating IS NOT NULL
           WHERE m."volunteerId" = volunteer_user_id) AS s
   WHERE p."userId" = volunteer_user_id
     AND (p."ratingCount", p."ratingTotal") IS DISTINCT FROM (s.n, s.total);
$$;

CREATE FUNCTION feedback_rating_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- A feedback row removed with its meeting finds no meeting here; the meeting's own trigger recounts.
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.party = 'CHARITY' THEN
    PERFORM volunteer_rating_refresh((SELECT m."volunteerId" FROM "Meeting" m WHERE m.id = OLD."meetingId"));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.party = 'CHARITY' THEN
    PERFORM volunteer_rating_refresh((SELECT m."volunteerId" FROM "Meeting" m WHERE m.id = NEW."meetingId"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER feedback_rating_summary
AFTER INSERT OR DELETE OR UPDATE OF rating, party, "meetingId" ON "Feedback"
FOR EACH ROW EXECUTE FUNCTION feedback_rating_summary();

-- A deleted meeting takes its feedback with it: recount its volunteer without it.
CREATE FUNCTION meeting_rating_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM volunteer_rating_refresh(OLD."volunteerId");
  RETURN NULL;
END;
$$;

CREATE TRIGGER meeting_rating_summary
AFTER DELETE ON "Meeting"
FOR EACH ROW EXECUTE FUNCTION meeting_rating_summary();

-- Existing volunteers get their copies, set-based.
UPDATE "VolunteerProfile" p
   SET "skillIds" = s.ids, "skillLevels" = s.levels
  FROM (SELECT vs."volunteerProfileId", array_agg(vs."skillId" ORDER BY vs."skillId") AS ids,
               array_agg(vs.level ORDER BY vs."skillId") AS levels
          FROM "VolunteerSkill" vs GROUP BY vs."volunteerProfileId") AS s
 WHERE p.id = s."volunteerProfileId";

UPDATE "VolunteerProfile" p
   SET "ratingCount" = s.n, "ratingTotal" = s.total
  FROM (SELECT m."volunteerId", count(f.rating)::int AS n, coalesce(sum(f.rating), 0)::int AS total
          FROM "Meeting" m
          JOIN "Feedback" f ON f."meetingId" = m.id AND f.party = 'CHARITY' AND f.rating IS NOT NULL
         GROUP BY m."volunteerId") AS s
 WHERE p."userId" = s."volunteerId";
