-- The admin health page's date ranges (issue 21, docs/decisions/0028-marketplace-health.md): asks posted, approved
-- and matched, offers made and sessions due in twelve weeks, whatever their status. Without them each of the page's
-- statements reads the whole table (npm run bench:health: asks posted and matched 590 ms at 100k asks; with them 16 ms).

-- CreateIndex
CREATE INDEX "Ask_submittedAt_idx" ON "Ask"("submittedAt");

-- CreateIndex
CREATE INDEX "Ask_moderatedAt_idx" ON "Ask"("moderatedAt");

-- CreateIndex
CREATE INDEX "Ask_matchedAt_idx" ON "Ask"("matchedAt");

-- CreateIndex
CREATE INDEX "Offer_createdAt_idx" ON "Offer"("createdAt");

-- CreateIndex
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");
