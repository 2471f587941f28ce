/** The time every stored change is stamped with: ISO 8601 in UTC, so that text order is time order. */
export const now = (): string => new Date().toISOString();
