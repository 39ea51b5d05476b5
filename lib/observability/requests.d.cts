export type RoutesManifest = {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

export declare const UNMATCHED: string;
export declare function requestIdFrom(header: string | string[] | undefined): string;
export declare function createRouteMatcher(manifest: RoutesManifest): (pathname: string) => string;
export declare function loadRouteMatcher(distDir: string): (pathname: string) => string;
export declare function pathnameOf(url: string): string;
export declare function loggablePath(pathname: string, route: string): string;
export declare function trustedProxies(setting?: string): Set<string>;
export declare function pinClientAddress(headers: Record<string, string | string[] | undefined>, peer: string | undefined, trusted: Set<string>): void;
