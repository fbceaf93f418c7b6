-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "caseLevel" INTEGER,
ADD COLUMN     "caseRoute" TEXT,
ADD COLUMN     "commandingOfficerId" TEXT,
ADD COLUMN     "escalationRequested" "ResponseTier",
ADD COLUMN     "transferDepartment" TEXT;

-- CreateTable
CREATE TABLE "DailyCounter" (
    "date" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DailyCounter_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_commandingOfficerId_fkey" FOREIGN KEY ("commandingOfficerId") REFERENCES "Officer"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (indexes named onemap_*, which the drift test knows are not in schema.prisma):
-- a unit is on at most one incident at a time, whatever the application does.
CREATE UNIQUE INDEX "onemap_one_active_assignment_per_unit" ON "Assignment" ("unitId")
  WHERE status IN ('DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SCENE');
