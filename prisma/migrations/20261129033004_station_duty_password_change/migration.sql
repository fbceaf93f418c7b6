-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StationDutyEntry" (
    "id" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "shift" "Shift" NOT NULL,
    "officerId" TEXT NOT NULL,
    "unitId" TEXT,
    "leader" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StationDutyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StationDutyEntry_stationId_date_idx" ON "StationDutyEntry"("stationId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "StationDutyEntry_date_shift_officerId_key" ON "StationDutyEntry"("date", "shift", "officerId");

-- AddForeignKey
ALTER TABLE "StationDutyEntry" ADD CONSTRAINT "StationDutyEntry_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationDutyEntry" ADD CONSTRAINT "StationDutyEntry_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationDutyEntry" ADD CONSTRAINT "StationDutyEntry_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

