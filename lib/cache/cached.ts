import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { PUBLIC_TAG } from "./tags";

/**
 * `next build` prerenders the argument-less public routes (/, feeds,
 * sitemaps). The build must not read whichever database happens to be around,
 * so those renders get an empty value; lib/cache/handler.cjs never serves an
 * entry made before the server started, so readers only ever see renders made
 * from the live database.
 */
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";

/**
 * A public read cached in Next's data cache until one of its tags is
 * invalidated (no time-based expiry; every read also carries the `public`
 * tag), deduplicated within a request. Results
 * travel through JSON, so reads return plain data (dates as ISO strings).
 */
export function cachedRead<Args extends (string | number | null)[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  tags: (...args: Args) => string[],
  duringBuild: Result,
): (...args: Args) => Promise<Result> {
  return cache((...args: Args) => {
    if (BUILDING) return Promise.resolve(duringBuild);
    return unstable_cache(() => read(...args), [name, ...args.map((arg) => JSON.stringify(arg))], { tags: [PUBLIC_TAG, ...tags(...args)] })();
  });
}
