// Limits of a reader's typo report, shared by the zod schema (server) and the
// reader's dialog, which checks them without shipping zod to the article page.
export const MAX_SELECTED_TEXT = 500;
export const MAX_REPORT_COMMENT = 1000;
