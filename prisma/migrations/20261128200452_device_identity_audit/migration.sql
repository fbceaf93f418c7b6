-- CreateEnum
CREATE TYPE "DeviceProtocol" AS ENUM ('osmand', 'jt808', 'terminal');

-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil";

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "protocol" "DeviceProtocol" NOT NULL,
    "identifier" TEXT NOT NULL,
    "tokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tokenAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gateway" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "Gateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("username","ip")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT,
    "ip" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Device_identifier_key" ON "Device"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "Device_tokenHash_key" ON "Device"("tokenHash");

-- CreateIndex
CREATE INDEX "Device_unitId_idx" ON "Device"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Gateway_tokenHash_key" ON "Gateway"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: today's Unit.deviceId becomes each unit's first device (OsmAnd, no token yet: an
-- administrator issues one; with DEVICE_AUTH=none it reports as before).
INSERT INTO "Device" ("id", "unitId", "protocol", "identifier")
SELECT 'dv-' || "id", "id", 'osmand', "deviceId" FROM "Unit" WHERE "deviceId" IS NOT NULL;

-- DropIndex
DROP INDEX "Unit_deviceId_key";

-- AlterTable
ALTER TABLE "Unit" DROP COLUMN "deviceId";

-- Hand-written: the audit is append-only, like an incident's timeline.
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION onemap_forbid_change();

-- Hand-written: every API process caches who may report; a change to devices or gateways tells them
-- all at once (LISTEN onemap_devices), so a rotated token stops working everywhere, not within a minute.
CREATE FUNCTION onemap_notify_devices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- identical notices of one transaction are delivered once
  PERFORM pg_notify('onemap_devices', '');
  RETURN NULL;
END $$;
CREATE TRIGGER "Device_notify" AFTER INSERT OR DELETE ON "Device"
  FOR EACH ROW EXECUTE FUNCTION onemap_notify_devices();
-- lastSeenAt is written often and changes nobody's credentials: no notice for it
CREATE TRIGGER "Device_notify_change" AFTER UPDATE ON "Device"
  FOR EACH ROW WHEN (OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash" OR OLD."identifier" IS DISTINCT FROM NEW."identifier" OR OLD."unitId" IS DISTINCT FROM NEW."unitId")
  EXECUTE FUNCTION onemap_notify_devices();
CREATE TRIGGER "Device_notify_truncate" AFTER TRUNCATE ON "Device"
  FOR EACH STATEMENT EXECUTE FUNCTION onemap_notify_devices();
CREATE TRIGGER "Gateway_notify" AFTER INSERT OR DELETE ON "Gateway"
  FOR EACH ROW EXECUTE FUNCTION onemap_notify_devices();
CREATE TRIGGER "Gateway_notify_change" AFTER UPDATE ON "Gateway"
  FOR EACH ROW WHEN (OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash" OR OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt")
  EXECUTE FUNCTION onemap_notify_devices();
