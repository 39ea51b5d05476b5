import type { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";

export type RequestContext = { requestId: string };

export declare const logger: Logger;
export declare const requestContext: AsyncLocalStorage<RequestContext>;
export declare function currentRequestId(): string | undefined;
