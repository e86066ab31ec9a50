-- CreateEnum
CREATE TYPE "ClinicStatus" AS ENUM ('PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ClinicSeatStatus" AS ENUM ('BOOKED', 'WAITING', 'OFFERED', 'CANCELLED', 'LAPSED');

-- CreateEnum
CREATE TYPE "ClinicAttendance" AS ENUM ('ATTENDED', 'NO_SHOW');

-- CreateTable
CREATE TABLE "Clinic" (
    "id" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "bring" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "medium" "Medium" NOT NULL,
    "joinDetails" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "status" "ClinicStatus" NOT NULL DEFAULT 'PENDING_REVIEW',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moderatedById" TEXT,
    "moderatedAt" TIMESTAMPTZ(3),
    "moderationNote" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Clinic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClinicSkill" (
    "clinicId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClinicSkill_pkey" PRIMARY KEY ("clinicId","skillId")
);

-- CreateTable
CREATE TABLE "ClinicSeat" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "bookedById" TEXT,
    "question" TEXT NOT NULL,
    "status" "ClinicSeatStatus" NOT NULL,
    "offeredAt" TIMESTAMPTZ(3),
    "offerExpiresAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "attendance" "ClinicAttendance",
    "attendanceAt" TIMESTAMPTZ(3),
    "rating" INTEGER,
    "changes" TEXT,
    "thanks" TEXT,
    "feedbackAt" TIMESTAMPTZ(3),
    "followUpMeetingId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClinicSeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Clinic_volunteerId_startsAt_idx" ON "Clinic"("volunteerId", "startsAt");

-- CreateIndex
CREATE INDEX "Clinic_moderatedById_idx" ON "Clinic"("moderatedById");

-- CreateIndex
CREATE INDEX "Clinic_status_startsAt_idx" ON "Clinic"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Clinic_status_submittedAt_idx" ON "Clinic"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ClinicSkill_skillId_idx" ON "ClinicSkill"("skillId");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicSeat_followUpMeetingId_key" ON "ClinicSeat"("followUpMeetingId");

-- CreateIndex
CREATE INDEX "ClinicSeat_clinicId_status_createdAt_idx" ON "ClinicSeat"("clinicId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ClinicSeat_organisationId_status_idx" ON "ClinicSeat"("organisationId", "status");

-- CreateIndex
CREATE INDEX "ClinicSeat_bookedById_idx" ON "ClinicSeat"("bookedById");

-- CreateIndex
CREATE INDEX "ClinicSeat_status_offerExpiresAt_idx" ON "ClinicSeat"("status", "offerExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicSeat_one_live_per_organisation" ON "ClinicSeat"("clinicId", "organisationId") WHERE (status <> 'CANCELLED' AND status <> 'LAPSED');

-- AddForeignKey
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicSkill" ADD CONSTRAINT "ClinicSkill_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicSkill" ADD CONSTRAINT "ClinicSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicSeat" ADD CONSTRAINT "ClinicSeat_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicSeat" ADD CONSTRAINT "ClinicSeat_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicSeat" ADD CONSTRAINT "ClinicSeat_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicSeat" ADD CONSTRAINT "ClinicSeat_followUpMeetingId_fkey" FOREIGN KEY ("followUpMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules schema.prisma cannot express (docs/decisions/0003), proven in
-- tests/integration/clinics-booking.test.ts.
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_seats_range" CHECK ("seats" BETWEEN 2 AND 8);
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_length" CHECK ("endsAt" - "startsAt" IN (interval '30 minutes', interval '45 minutes', interval '60 minutes'));
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_medium" CHECK ("medium" IN ('VIDEO', 'IN_PERSON'));
ALTER TABLE "ClinicSeat" ADD CONSTRAINT "ClinicSeat_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "ClinicSeat" ADD CONSTRAINT "ClinicSeat_offer_expiry" CHECK ("status" <> 'OFFERED' OR "offerExpiresAt" IS NOT NULL);
