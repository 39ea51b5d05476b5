import Link from "next/link";

type Props = { siteName: string; categories: { name: string; slug: string }[]; today: string };

export function SiteHeader({ siteName, categories, today }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header__top">
        <div>
          <Link href="/" className="site-brand">
            {siteName}
          </Link>
          <div className="site-date">{today}</div>
        </div>
        <form className="site-search" action="/search" role="search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search articles
          </label>
          <input id="site-search-q" name="q" type="search" placeholder="Search" />
          <button type="submit">Search</button>
        </form>
      </div>
      {categories.length > 0 && (
        <nav className="site-nav" aria-label="Sections">
          <ul className="container">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link href={`/categories/${category.slug}`}>{category.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
