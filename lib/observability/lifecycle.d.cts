export declare function onShutdown(name: string, fn: () => unknown): void;
export declare function runShutdownHooks(timeoutMs?: number): Promise<void>;
