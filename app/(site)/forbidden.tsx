// Reader pages never answer 403, but without a boundary of their own they inherit the root one
// (the newsroom's page and stylesheet), which Next then serializes into every reader page's RSC
// payload. This one is a few bytes.
export default function SiteForbidden() {
  return (
    <div className="not-found">
      <h1>Access denied</h1>
    </div>
  );
}
