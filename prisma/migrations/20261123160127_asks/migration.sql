-- Asks: the prep-pack link, edit versions, required deadlines, skill keywords, and free-text search
-- (an English tsvector per ask, plus a word list for typo-tolerant look-ups with pg_trgm).

-- Hand-written: the trigram operators the SearchWord index uses.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "Ask_status_deadline_idx";

-- DropIndex
DROP INDEX "Ask_status_publishedAt_idx";

-- DropIndex
DROP INDEX "AskSkill_skillId_idx";

-- Hand-written: every ask gets a deadline (the form's default is three weeks).
UPDATE "Ask" SET "deadline" = "createdAt" + interval '21 days' WHERE "deadline" IS NULL;

-- AlterTable
ALTER TABLE "Ask" ADD COLUMN     "prepLink" TEXT,
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "deadline" SET NOT NULL;

-- AlterTable
ALTER TABLE "Skill" ADD COLUMN     "keywords" TEXT[];

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Ask_status_publishedAt_id_idx" ON "Ask"("status", "publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Ask_status_deadline_id_idx" ON "Ask"("status", "deadline", "id");

-- CreateIndex
CREATE INDEX "Ask_searchVector_idx" ON "Ask" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "AskSkill_skillId_askId_idx" ON "AskSkill"("skillId", "askId");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: keeping the search columns. The schema engine ignores functions and triggers when it
-- diffs, so `npm run db:migrate:check` stays clean; tests/integration/ask-search.test.ts proves them.

-- Title matters most, then the question, then who is asking.
CREATE FUNCTION ask_search_vector(title text, question text, organisation_name text) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(question, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(organisation_name, '')), 'C')
$$;

-- Adds the words of some text to the word list that typo-tolerant search looks misspellings up in.
CREATE FUNCTION search_words_add(body text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "SearchWord" ("word")
  SELECT DISTINCT word FROM regexp_split_to_table(lower(coalesce(body, '')), '[^[:alpha:]]+') AS word
   WHERE length(word) BETWEEN 3 AND 40
  ON CONFLICT ("word") DO NOTHING
$$;

CREATE FUNCTION ask_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  organisation_name text;
BEGIN
  SELECT name INTO organisation_name FROM "Organisation" WHERE id = NEW."organisationId";
  NEW."searchVector" := ask_search_vector(NEW.title, NEW.question, organisation_name);
  PERFORM search_words_add(NEW.title || ' ' || NEW.question || ' ' || coalesce(organisation_name, ''));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Ask_search_refresh"
  BEFORE INSERT OR UPDATE OF title, question, "organisationId" ON "Ask"
  FOR EACH ROW EXECUTE FUNCTION ask_search_refresh();

-- An organisation's new name is searchable on all its asks.
CREATE FUNCTION organisation_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ask" SET "searchVector" = ask_search_vector(title, question, NEW.name) WHERE "organisationId" = NEW.id;
  PERFORM search_words_add(NEW.name);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Organisation_search_refresh"
  AFTER UPDATE OF name ON "Organisation"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organisation_search_refresh();

-- Existing asks get their vectors and words.
UPDATE "Ask" SET title = title;
