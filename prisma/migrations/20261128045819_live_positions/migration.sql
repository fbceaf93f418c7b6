-- CreateEnum
CREATE TYPE "GeofenceTransition" AS ENUM ('EXITED', 'ENTERED');

-- DropIndex
DROP INDEX "UnitPosition_unitId_fixAt_idx";

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "outsideGridSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "GeofenceEvent" (
    "id" BIGSERIAL NOT NULL,
    "unitId" TEXT NOT NULL,
    "gridId" TEXT NOT NULL,
    "transition" "GeofenceTransition" NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GeofenceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GeofenceEvent_unitId_at_idx" ON "GeofenceEvent"("unitId", "at");

-- CreateIndex
CREATE INDEX "GeofenceEvent_gridId_at_idx" ON "GeofenceEvent"("gridId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "UnitPosition_unitId_fixAt_key" ON "UnitPosition"("unitId", "fixAt");

-- AddForeignKey
ALTER TABLE "GeofenceEvent" ADD CONSTRAINT "GeofenceEvent_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GeofenceEvent" ADD CONSTRAINT "GeofenceEvent_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: geofence events are history, like positions.
CREATE TRIGGER "GeofenceEvent_append_only" BEFORE UPDATE OR DELETE ON "GeofenceEvent"
  FOR EACH ROW EXECUTE FUNCTION onemap_forbid_change();
