/**
 * URLs and e-mail addresses in a sentence: compared between MT, source and
 * text, and protected from the typography checks (a URL legitimately has
 * "a.b", "x,y", "(1)" and "--" inside it).
 */

export interface LinkSpan {
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** For comparison: scheme and host in lower case (they are case-insensitive), a root path's "/" dropped. */
  key: string;
}

// Up to whitespace, quotes, angle brackets and inline-code markers (a code never sits inside a URL).
const URL_PATTERN = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s"“”‘’«»<>\\^`{|}\uE000-\uF8FF]+/giu;
const EMAIL_PATTERN = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A sentence's full stop, a comma or a closing quote after a URL is not part of it.
const URL_TRAILING_PUNCTUATION = ".,;:!?'’)]";

export function findLinks(text: string): LinkSpan[] {
  const links: LinkSpan[] = [];
  const hasUrl = text.includes('://') || /www\./i.test(text);
  if (!hasUrl && !text.includes('@')) return links;
  if (hasUrl) {
    for (const match of text.matchAll(URL_PATTERN)) {
      const raw = trimUrl(match[0]);
      links.push({ start: match.index, end: match.index + raw.length, raw, key: urlKey(raw) });
    }
  }
  if (text.includes('@')) {
    for (const match of text.matchAll(EMAIL_PATTERN)) {
      const raw = match[0].replace(/\.+$/u, '');
      const start = match.index;
      if (links.some((link) => start >= link.start && start < link.end)) continue; // user@host inside a URL
      links.push({ start, end: start + raw.length, raw, key: raw.toLowerCase() });
    }
    links.sort((a, b) => a.start - b.start);
  }
  return links;
}

/** Trailing punctuation is dropped, except a ")" that closes a "(" inside the URL (Wikipedia style). */
function trimUrl(candidate: string): string {
  let url = candidate;
  while (url.length > 0) {
    const last = url[url.length - 1]!;
    if (!URL_TRAILING_PUNCTUATION.includes(last)) break;
    if (last === ')' && count(url, '(') >= count(url, ')')) break;
    url = url.slice(0, -1);
  }
  return url;
}

function count(text: string, char: string): number {
  let total = 0;
  for (const c of text) if (c === char) total++;
  return total;
}

function urlKey(url: string): string {
  const match = /^((?:[a-z]+:\/\/)?)([^/?#]*)(.*)$/isu.exec(url);
  if (!match) return url;
  const path = match[3] === '/' ? '' : match[3]!;
  return match[1]!.toLowerCase() + match[2]!.toLowerCase() + path;
}

export function insideAny(spans: readonly { start: number; end: number }[], index: number): boolean {
  for (const span of spans) if (index >= span.start && index < span.end) return true;
  return false;
}
