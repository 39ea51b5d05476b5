import Link from "next/link";

export default function SiteNotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>The story you were looking for isn’t here. It may have moved or never existed.</p>
      <p>
        <Link href="/">Go to the front page</Link> or <Link href="/search">search the archive</Link>.
      </p>
    </div>
  );
}
