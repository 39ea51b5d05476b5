// The root 403 and 401 boundaries travel in the RSC payload of every page, reader pages included,
// so they stay a few bytes with no stylesheet of their own. The newsroom has its own styled 403
// (app/(newsroom)/forbidden.tsx); nothing outside it answers 403 or 401.
export default function Forbidden() {
  return (
    <main id="main" className="not-found">
      <h1>Access denied</h1>
    </main>
  );
}
