/**
 * Small pieces of XML writing shared by the writers: escaping text and
 * attribute values, and editing one attribute of a start tag as written, so
 * that everything else in the tag (order, quotes, spacing, other namespaces)
 * stays byte for byte.
 */

// Characters XML 1.0 cannot hold (plus CR, which a parser would turn into LF, and lone surrogates):
// control characters are exactly what these patterns look for.
/* eslint-disable no-control-regex */
const SPECIAL_TEXT = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const SPECIAL_ATTRIBUTE = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
/* eslint-enable no-control-regex */

/**
 * Escapes character data. A character XML cannot hold is handed to
 * `unrepresentable` (XLIFF 2.0 writes <cp hex=".."/>; the default drops it).
 */
export function escapeXmlText(text: string, unrepresentable: (codePoint: number) => string = () => ''): string {
  if (!SPECIAL_TEXT.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = text.charCodeAt(i);
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>')
      out += '&gt;'; // always, so "]]>" can never appear
    else if (char === '\r') out += '&#13;';
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += char + text[++i];
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += ''; // a lone surrogate is no character at all
    } else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff) {
      out += unrepresentable(code);
    } else out += char;
  }
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Escapes an attribute value for either quote; characters XML cannot hold are dropped. */
export function escapeXmlAttribute(value: string): string {
  if (!SPECIAL_ATTRIBUTE.test(value)) return value;
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

interface AttributeSpan {
  name: string;
  /** From the white space before the name to the closing quote. */
  start: number;
  end: number;
  value: string;
  quote: '"' | "'";
}

const ATTRIBUTE = /([ \t\r\n]+)([^\s=/>]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/gy;

/** The attributes of a well-formed start tag, where they are in it. */
function attributesOf(tag: string): { spans: AttributeSpan[]; nameEnd: number } {
  const nameEnd = /^<[^\s/>]+/.exec(tag)![0].length;
  const spans: AttributeSpan[] = [];
  ATTRIBUTE.lastIndex = nameEnd;
  let match: RegExpExecArray | null;
  while ((match = ATTRIBUTE.exec(tag)) !== null) {
    const double = match[3] !== undefined;
    spans.push({
      name: match[2]!,
      start: match.index,
      end: ATTRIBUTE.lastIndex,
      value: double ? match[3]! : match[4]!,
      quote: double ? '"' : "'",
    });
  }
  return { spans, nameEnd };
}

/** The raw (still escaped) value of an attribute in a start tag as written. */
export function tagAttribute(tag: string, name: string): string | undefined {
  return attributesOf(tag).spans.find((span) => span.name === name)?.value;
}

/**
 * Sets (or, with `undefined`, removes) an attribute in a start tag as written.
 * A new attribute goes after the last one, with the quote the tag already uses.
 */
export function withTagAttribute(tag: string, name: string, value: string | undefined): string {
  const { spans, nameEnd } = attributesOf(tag);
  const existing = spans.find((span) => span.name === name);
  if (existing) {
    if (value === undefined) return tag.slice(0, existing.start) + tag.slice(existing.end);
    // Keep the white space and "=" as written; only the quoted value changes.
    const valueStart = existing.end - existing.value.length - 2;
    return tag.slice(0, valueStart) + existing.quote + escapeXmlAttribute(value) + existing.quote + tag.slice(existing.end);
  }
  if (value === undefined) return tag;
  const quote = spans[0]?.quote ?? '"';
  const insertAt = spans.length > 0 ? spans.at(-1)!.end : nameEnd;
  return `${tag.slice(0, insertAt)} ${name}=${quote}${escapeXmlAttribute(value)}${quote}${tag.slice(insertAt)}`;
}

/** The qualified element name of a start tag, end tag or empty-element tag: "g", "xlf:target". */
export function tagName(markup: string): string {
  return /^<\/?([^\s/>]+)/.exec(markup)?.[1] ?? '';
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/** An empty-element tag written as a start tag: "<mrk a='1'/>" → "<mrk a='1'>". */
export function openFormOf(emptyElementTag: string): string {
  return emptyElementTag.replace(/[ \t\r\n]*\/>$/, '>');
}

/** The value of escaped XML text or attribute (the five predefined entities and character references). */
export function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return PREDEFINED[entity]!;
  });
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
