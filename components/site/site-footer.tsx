import Link from "next/link";

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label="Site">
          <Link href="/">Front page</Link>
          <Link href="/search">Search</Link>
          <a href="/feed.xml">RSS</a>
          <Link href="/login">Newsroom</Link>
        </nav>
        <p>
          © {new Date().getFullYear()} {siteName}. Spotted a typo? Select it and press Ctrl+Enter.
        </p>
      </div>
    </footer>
  );
}
