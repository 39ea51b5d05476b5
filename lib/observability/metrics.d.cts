export type CacheLayer = "redis" | "local" | (string & {});
export type CacheResult = "hit" | "miss" | "stale" | "error";

export declare function recordHttpRequest(method: string, route: string, status: number, seconds: number): void;
export declare function recordCacheLookup(layer: CacheLayer, result: CacheResult): void;
export declare function recordPublish(via: "editor" | "scheduler"): void;
export declare function recordSchedulerLag(seconds: number): void;
export declare function renderMetrics(): Promise<{ body: string; contentType: string }>;
