import Link from "next/link";

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <Link href="/" className="site-footer__brand">
          {siteName}
        </Link>
        <nav aria-label="Site">
          <ul>
            <li>
              <Link href="/">Front page</Link>
            </li>
            <li>
              <Link href="/search">Search</Link>
            </li>
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
            <li>
              <Link href="/login" prefetch={false}>
                Newsroom
              </Link>
            </li>
          </ul>
        </nav>
        <p className="site-footer__note">Spotted a typo? Select it and press Ctrl+Enter.</p>
      </div>
    </footer>
  );
}
