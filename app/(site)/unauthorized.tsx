// As forbidden.tsx: keeps Next's built-in 401 page (and its inline <style>) out of every reader page's payload.
export default function SiteUnauthorized() {
  return (
    <div className="not-found">
      <h1>Sign-in required</h1>
    </div>
  );
}
