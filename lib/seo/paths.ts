// Public URLs in one place; absolute ones are built from the SITE_URL setting.
export const articlePath = (slug: string) => `/articles/${slug}`;
export const categoryPath = (slug: string) => `/categories/${slug}`;
export const categoryFeedPath = (slug: string) => `/categories/${slug}/feed.xml`;
export const tagPath = (slug: string) => `/tags/${slug}`;
export const authorPath = (slug: string) => `/authors/${slug}`;

export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
