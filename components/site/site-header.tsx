import Link from "next/link";
import { categoryPath } from "@/lib/seo/paths";

type Props = { siteName: string; categories: { name: string; slug: string }[] };

export function SiteHeader({ siteName, categories }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header__top">
        <Link href="/" className="site-brand">
          {siteName}
        </Link>
        <form className="site-search" action="/search" role="search" aria-label="Site search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search articles
          </label>
          <input id="site-search-q" name="q" type="search" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </div>
      {categories.length > 0 && (
        <nav className="site-nav" aria-label="Sections">
          <ul className="container">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link href={categoryPath(category.slug)}>{category.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
