-- A region and a length with the listed payload, so /asks gathers a rare combination of filters that has both by
-- checking the other filters in this index, index-only (docs/decisions/0030-plans-chosen-from-the-answer.md).
-- DropIndex
DROP INDEX "Ask_organisationRegion_durationMinutes_idx";

-- CreateIndex
CREATE INDEX "Ask_listed_region_length_idx" ON "Ask"("organisationRegion", "durationMinutes", "status", "publishedAt" DESC, "id" DESC, "deadline", "organisationVerified", "media", "organisationCauseAreas", "skillCategoryIds", "skillIds", "hiddenAt");
