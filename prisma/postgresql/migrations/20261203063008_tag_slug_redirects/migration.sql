-- CreateTable
CREATE TABLE "TagSlugRedirect" (
    "slug" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagSlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "TagSlugRedirect_tagId_idx" ON "TagSlugRedirect"("tagId");

-- AddForeignKey
ALTER TABLE "TagSlugRedirect" ADD CONSTRAINT "TagSlugRedirect_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

