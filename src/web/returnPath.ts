/** Only local paths are followed after a form, never another site ("//host" or "http:"). */
export function safeReturnPath(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && /^\/(?!\/)[\w\-/?=&%#.]*$/.test(candidate) ? candidate : fallback;
}
