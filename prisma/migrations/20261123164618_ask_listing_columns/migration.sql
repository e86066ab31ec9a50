-- Listing columns: each ask carries copies of what /asks filters on (its skills' ids and areas, and its
-- organisation's region, cause areas and verification), so every filter is an index on "Ask" that
-- PostgreSQL can BitmapAnd with the others, with no join to "AskSkill" or "Organisation"
-- (docs/decisions/0007-browse-and-search.md). Triggers keep the copies, and the app never writes them.
--
-- Indexes, chosen with npm run bench:browse (100k asks):
-- - One GIN index over the array filters (skills, skill areas, cause areas and media, replacing the index
--   on media alone): several filters at once are one scan that intersects their lists inside the index.
--   Not partial (WHERE status = 'OPEN'): PostgreSQL never ANDs two partial indexes with the same
--   predicate, and it ANDs this one with the region's and the search's.
-- - The newest-first list index, and a new one per region, carry every column the listed predicate and
--   the filters read after their keys (payload, as Prisma cannot write INCLUDE), so the capped count is
--   an index-only scan that stops at 501 rows instead of a heap visit per row.

-- DropIndex
DROP INDEX "Ask_media_idx";

-- DropIndex
DROP INDEX "Ask_status_publishedAt_id_idx";

-- AlterTable
ALTER TABLE "Ask" ADD COLUMN     "organisationCauseAreas" "CauseArea"[] DEFAULT ARRAY[]::"CauseArea"[],
ADD COLUMN     "organisationRegion" "Region",
ADD COLUMN     "organisationVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "skillCategoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "skillIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Hand-written: existing asks get their columns, set-based, before the indexes are built.
UPDATE "Ask" a
   SET "organisationRegion" = o.region, "organisationCauseAreas" = coalesce(o."causeAreas", '{}'),
       "organisationVerified" = o.status = 'VERIFIED'
  FROM "Organisation" o
 WHERE o.id = a."organisationId";

UPDATE "Ask" a
   SET "skillIds" = s.ids, "skillCategoryIds" = s.categories
  FROM (SELECT x."askId", array_agg(x."skillId" ORDER BY x."skillId") AS ids,
               array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId") AS categories
          FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId"
         GROUP BY x."askId") AS s
 WHERE s."askId" = a.id;

-- CreateIndex
CREATE INDEX "Ask_listing_filters_idx" ON "Ask" USING GIN ("skillIds", "skillCategoryIds", "organisationCauseAreas", "media");

-- CreateIndex
CREATE INDEX "Ask_listed_newest_idx" ON "Ask"("status", "publishedAt" DESC, "id" DESC, "deadline", "organisationVerified", "durationMinutes", "organisationRegion", "media", "organisationCauseAreas", "skillCategoryIds", "skillIds");

-- CreateIndex
CREATE INDEX "Ask_listed_region_newest_idx" ON "Ask"("organisationRegion", "status", "publishedAt" DESC, "id" DESC, "deadline", "organisationVerified", "durationMinutes", "media", "organisationCauseAreas", "skillCategoryIds", "skillIds");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: keeping the listing columns. The schema engine ignores functions and triggers when it
-- diffs, so `npm run db:migrate:check` stays clean, and tests/integration/ask-listing-columns.test.ts proves
-- each trigger. The bulk fill of scripts/bench/browse.ts turns them off and does their work set-based.

-- An ask's skill ids and skill-area ids, sorted and without repeats ('{}' when it has none).
CREATE FUNCTION ask_skill_columns_refresh(ask_id text) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Ask" a
     SET "skillIds" = s.ids, "skillCategoryIds" = s.categories
    FROM (SELECT coalesce(array_agg(x."skillId" ORDER BY x."skillId"), '{}') AS ids,
                 coalesce(array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId"), '{}') AS categories
            FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId"
           WHERE x."askId" = ask_id) AS s
   WHERE a.id = ask_id
     AND (a."skillIds" IS DISTINCT FROM s.ids OR a."skillCategoryIds" IS DISTINCT FROM s.categories)
$$;

-- A skill added to, removed from or moved between asks.
CREATE FUNCTION ask_skill_listing_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM ask_skill_columns_refresh(NEW."askId");
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."askId" IS DISTINCT FROM NEW."askId") THEN
    PERFORM ask_skill_columns_refresh(OLD."askId"); -- a no-op when the ask itself is being deleted
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "AskSkill_listing_refresh"
  AFTER INSERT OR UPDATE OR DELETE ON "AskSkill"
  FOR EACH ROW EXECUTE FUNCTION ask_skill_listing_refresh();

-- A skill moved to another area (rare: an edit of the taxonomy) moves every ask that needs it.
CREATE FUNCTION skill_listing_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ask_skill_columns_refresh(x."askId") FROM "AskSkill" x WHERE x."skillId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Skill_listing_refresh"
  AFTER UPDATE OF "categoryId" ON "Skill"
  FOR EACH ROW WHEN (OLD."categoryId" IS DISTINCT FROM NEW."categoryId") EXECUTE FUNCTION skill_listing_refresh();

-- A new ask, or one moved to another organisation, copies its organisation's columns. A new ask has no
-- skills yet (AskSkill rows refer to it), whatever the insert says.
CREATE FUNCTION ask_listing_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.region, coalesce(o."causeAreas", '{}'), o.status = 'VERIFIED'
    INTO NEW."organisationRegion", NEW."organisationCauseAreas", NEW."organisationVerified"
    FROM "Organisation" o WHERE o.id = NEW."organisationId";
  IF NOT FOUND THEN
    -- No such organisation: leave refusing the row, and the error, to the foreign key.
    NEW."organisationCauseAreas" := '{}';
    NEW."organisationVerified" := false;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW."skillIds" := '{}';
    NEW."skillCategoryIds" := '{}';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Ask_listing_refresh"
  BEFORE INSERT OR UPDATE OF "organisationId" ON "Ask"
  FOR EACH ROW EXECUTE FUNCTION ask_listing_refresh();

-- An organisation's new region, cause areas or verification (verified, suspended, ...) reach its asks.
CREATE FUNCTION organisation_listing_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ask"
     SET "organisationRegion" = NEW.region,
         "organisationCauseAreas" = coalesce(NEW."causeAreas", '{}'),
         "organisationVerified" = NEW.status = 'VERIFIED'
   WHERE "organisationId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Organisation_listing_refresh"
  AFTER UPDATE OF region, "causeAreas", status ON "Organisation"
  FOR EACH ROW WHEN (OLD.region IS DISTINCT FROM NEW.region
                     OR OLD."causeAreas" IS DISTINCT FROM NEW."causeAreas"
                     OR (OLD.status = 'VERIFIED') IS DISTINCT FROM (NEW.status = 'VERIFIED'))
  EXECUTE FUNCTION organisation_listing_refresh();
