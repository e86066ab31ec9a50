-- One audit log (issue 21, docs/decisions/0025-one-audit-log.md): append-only in the database.
--
-- A row, once written, is never changed or removed: a trigger refuses UPDATE, DELETE and TRUNCATE on the table,
-- whoever asks. So the row has no updatedAt, and the actor is no foreign key any more (ON DELETE SET NULL is an
-- UPDATE the trigger would refuse, and would lose who did it): a deleted account's id stays in its rows and leads
-- to no name or email, which is the tombstone the admin sees. before/after hold what changed.

-- DropForeignKey
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_actorId_fkey";

-- DropIndex
DROP INDEX "AuditLog_actorId_idx";

-- DropIndex
DROP INDEX "AuditLog_createdAt_idx";

-- DropIndex
DROP INDEX "AuditLog_entityType_entityId_idx";

-- AlterTable
ALTER TABLE "AuditLog" DROP COLUMN "updatedAt",
ADD COLUMN     "after" JSONB,
ADD COLUMN     "before" JSONB;

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_id_idx" ON "AuditLog"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_entityId_createdAt_idx" ON "AuditLog"("entityId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt" DESC);

-- Statement triggers: they refuse an UPDATE or DELETE even when it matches no row, and TRUNCATE fires no row
-- trigger at all. The demo reset (prisma/seed/empty-database.ts) disables the TRUNCATE trigger for its own
-- transaction, as only the table's owner can.
CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % on "AuditLog" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new entry instead (lib/audit/record.ts).';
END
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
