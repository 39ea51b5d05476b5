import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

// First line of defence for the newsroom: no session cookie → /login, coming back
// afterwards. It only checks that a signed token exists; pages, actions and route
// handlers still load the user from the database and check `can(...)`.
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  // Lets server code send a revoked session back to the page it was on (lib/auth/session.ts).
  const headers = new Headers(request.headers);
  headers.set("x-lede-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/editor/:path*", "/admin/:path*", "/account/:path*"],
};
