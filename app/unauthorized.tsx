// See app/forbidden.tsx: replaces Next's built-in 401 page, whose inline styles would ride in every payload.
export default function Unauthorized() {
  return (
    <main id="main" className="not-found">
      <h1>Sign-in required</h1>
      <p>
        <a href="/login">Sign in</a>
      </p>
    </main>
  );
}
