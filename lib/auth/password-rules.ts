/** Shared by forms (client) and the server; kept apart from the argon2 code, which is server-only. */
export const MIN_PASSWORD_LENGTH = 10;
