-- CreateIndex
CREATE INDEX "CacheInvalidation_revalidatedAt_idx" ON "CacheInvalidation"("revalidatedAt");

