import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="container not-found">
      <h1>Page not found</h1>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </main>
  );
}
