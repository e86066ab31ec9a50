-- CreateEnum
CREATE TYPE "OfferDeclineReason" AS ENUM ('TIMES_DO_NOT_WORK', 'SKILLS_NOT_A_FIT', 'CHOSE_ANOTHER_OFFER', 'ASK_CLOSED', 'OTHER');

-- CreateEnum
CREATE TYPE "OfferWithdrawal" AS ENUM ('BY_VOLUNTEER', 'VOLUNTEER_PAUSED', 'VOLUNTEER_SUSPENDED');

-- CreateEnum
CREATE TYPE "RescheduleStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'SUPERSEDED');

-- AlterTable
ALTER TABLE "Feedback" ALTER COLUMN "rating" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "bookedById" TEXT,
ADD COLUMN     "cancelledLate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "declineReason" "OfferDeclineReason",
ADD COLUMN     "joinDetails" TEXT,
ADD COLUMN     "medium" "Medium",
ADD COLUMN     "withdrawnBecause" "OfferWithdrawal";

-- Offers made before offers had a medium take the first medium their ask offers.
UPDATE "Offer" o SET "medium" = COALESCE((SELECT a."media"[1] FROM "Ask" a WHERE a."id" = o."askId"), 'VIDEO');
ALTER TABLE "Offer" ALTER COLUMN "medium" SET NOT NULL;

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN     "pausedReason" TEXT;

-- CreateTable
CREATE TABLE "MeetingReschedule" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "proposedById" TEXT,
    "proposedByParty" "MeetingParty" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "previousStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "status" "RescheduleStatus" NOT NULL DEFAULT 'PENDING',
    "respondedById" TEXT,
    "respondedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingReschedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingReschedule_meetingId_createdAt_idx" ON "MeetingReschedule"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "MeetingReschedule_proposedById_idx" ON "MeetingReschedule"("proposedById");

-- CreateIndex
CREATE INDEX "MeetingReschedule_respondedById_idx" ON "MeetingReschedule"("respondedById");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingReschedule_one_pending_per_meeting" ON "MeetingReschedule"("meetingId") WHERE (status = 'PENDING');

-- CreateIndex
CREATE INDEX "Meeting_bookedById_idx" ON "Meeting"("bookedById");

-- CreateIndex
CREATE INDEX "Meeting_volunteerId_status_noShowParty_idx" ON "Meeting"("volunteerId", "status", "noShowParty");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReschedule" ADD CONSTRAINT "MeetingReschedule_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReschedule" ADD CONSTRAINT "MeetingReschedule_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReschedule" ADD CONSTRAINT "MeetingReschedule_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules schema.prisma cannot express (see the init migration's note).

-- The charity's feedback always carries a rating; the volunteer's may leave it out.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_charity_rates" CHECK ("party" = 'VOLUNTEER' OR "rating" IS NOT NULL);

ALTER TABLE "MeetingReschedule" ADD CONSTRAINT "MeetingReschedule_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_sequence_not_negative" CHECK ("sequence" >= 0);
