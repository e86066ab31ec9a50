-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SENDING';

-- DropIndex
DROP INDEX "EmailOutbox_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "EmailOutbox" DROP COLUMN "html",
DROP COLUMN "icsAttachment",
DROP COLUMN "nextAttemptAt",
DROP COLUMN "text",
ADD COLUMN     "data" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "lockedUntil" TIMESTAMPTZ(3),
ALTER COLUMN "subject" DROP NOT NULL;

-- Rows written before templates were rendered at send time keep an empty object; new rows always set it.
ALTER TABLE "EmailOutbox" ALTER COLUMN "data" DROP DEFAULT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailReminders" BOOLEAN NOT NULL DEFAULT true,
ALTER COLUMN "emailDigest" SET DEFAULT false;

-- CreateIndex
CREATE INDEX "EmailOutbox_createdAt_idx" ON "EmailOutbox"("createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_createdAt_idx" ON "EmailOutbox"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_kind_createdAt_idx" ON "EmailOutbox"("kind", "createdAt");
