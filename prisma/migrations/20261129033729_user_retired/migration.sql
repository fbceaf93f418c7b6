-- AlterTable
ALTER TABLE "User" ADD COLUMN     "retiredAt" TIMESTAMP(3);

