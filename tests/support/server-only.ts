// Vitest stand-in for the "server-only" guard, which only Next resolves.
export {};
