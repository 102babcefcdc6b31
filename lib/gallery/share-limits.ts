// Share links' limits, apart from their schemas (share-schema.ts) so the browser's share dialog can name them
// without loading zod.

export const SHARE_PASSWORD_MIN = 4;
export const SHARE_PASSWORD_MAX = 128;
/** The longest a link may live: a year. */
export const SHARE_MAX_DAYS = 366;
