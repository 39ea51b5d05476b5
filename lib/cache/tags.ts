// Cache tags of the public site. Every cached public read carries the tags of
// what it shows; a change invalidates exactly those tags (lib/cache/public.ts).
//   articles          every list that any publish can change: front page, feeds, sitemaps, search
//   article:<slug>    one article page (also the 404 cached for a slug nobody has published yet)
//   category:<slug>   a category's list, its feed and the "More in …" box of its articles
//   tag:<slug>        a tag's list
//   author:<slug>     an author's page
//   public            everything: carried by every cached read, for the rare changes that show on
//                     every page (site settings, a category or author renamed)
export const ARTICLES_TAG = "articles";
export const PUBLIC_TAG = "public";

export const articleTag = (slug: string) => `article:${slug}`;
export const categoryTag = (slug: string) => `category:${slug}`;
export const tagTag = (slug: string) => `tag:${slug}`;
export const authorTag = (slug: string) => `author:${slug}`;

export type ArticleChange = {
  slug: string;
  previousSlug?: string | null;
  categorySlugs?: string[];
  tagSlugs?: string[];
  authorSlug?: string | null;
};

/** Every tag whose cached content can show the changed article. */
export function articleChangeTags(change: ArticleChange): string[] {
  const tags = new Set<string>([ARTICLES_TAG, articleTag(change.slug)]);
  if (change.previousSlug) tags.add(articleTag(change.previousSlug));
  for (const slug of change.categorySlugs ?? []) tags.add(categoryTag(slug));
  for (const slug of change.tagSlugs ?? []) tags.add(tagTag(slug));
  if (change.authorSlug) tags.add(authorTag(change.authorSlug));
  return [...tags];
}
