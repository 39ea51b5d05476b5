// What Lede keeps in the next-auth token and session: just who, and which session generation.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; sv: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
