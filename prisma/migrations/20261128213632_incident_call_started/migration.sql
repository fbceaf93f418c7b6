-- When the call was taken (the operator's form opened): the call-to-dispatch clock starts here.
-- Incidents recorded before this column existed were timed from their creation: keep that.
ALTER TABLE "Incident" ADD COLUMN "callStartedAt" TIMESTAMP(3);
UPDATE "Incident" SET "callStartedAt" = "reportedAt";
ALTER TABLE "Incident" ALTER COLUMN "callStartedAt" SET NOT NULL, ALTER COLUMN "callStartedAt" SET DEFAULT CURRENT_TIMESTAMP;
