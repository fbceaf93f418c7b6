-- Hand-written (nothing in schema.prisma changes): every position tick rewrites the last position of
-- the units that moved. Leaving half of each page free lets PostgreSQL make those HOT updates — the
-- new row version on the same page, no index touched — instead of updating all six of Unit's indexes.
ALTER TABLE "Unit" SET (fillfactor = 50);
