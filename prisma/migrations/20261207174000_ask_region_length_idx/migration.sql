-- A region and a length as a small bitmap to AND with Ask_listing_filters_idx when /asks gathers a rare
-- combination of filters (docs/decisions/0030-plans-chosen-from-the-answer.md).
-- CreateIndex
CREATE INDEX "Ask_organisationRegion_durationMinutes_idx" ON "Ask"("organisationRegion", "durationMinutes");
