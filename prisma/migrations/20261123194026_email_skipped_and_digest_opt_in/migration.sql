-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SKIPPED';

-- The weekly digest is opt-in: accounts made while it defaulted to on never chose it.
UPDATE "User" SET "emailDigest" = false WHERE "emailDigest";
