-- The health page's skills gap counted every available volunteer's skills on each view: about 0.35 s at 100k
-- volunteers, over its 200 ms target (npm run bench:health). A schedule counts them every five minutes into this
-- snapshot instead (lib/health/supply.ts), and the page says when (docs/decisions/0028-marketplace-health.md).

-- CreateTable
CREATE TABLE "VolunteerSupply" (
    "region" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "volunteers" INTEGER NOT NULL,
    "regionVolunteers" INTEGER NOT NULL,
    "countedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VolunteerSupply_pkey" PRIMARY KEY ("region","skillId")
);
