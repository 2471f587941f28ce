/**
 * Inline codes (src/codes/inlineCodes.ts): each is one Private Use Area
 * character, so comparing them is comparing characters. The reference is the
 * source sentence when there is one, else the MT (whose codes came from the
 * source).
 */
import { codeMarkersIn, type InlineCode } from '../codes/inlineCodes';
import { codesOf, type Check, type CheckContext } from './context';

function referenceOf(context: CheckContext): string {
  return context.source ?? context.mt;
}

function labelOf(marker: string, codes: readonly InlineCode[]): string {
  const code = codes.find((candidate) => candidate.marker === marker);
  return code ? `the inline code ${code.label}` : 'an inline code';
}

function capitalised(phrase: string): string {
  return phrase[0]!.toUpperCase() + phrase.slice(1);
}

function countMarkers(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marker of codeMarkersIn(text)) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  return counts;
}

/** Index of the first inline-code marker at or after `from`, or -1. */
function nextMarker(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xe000 && code <= 0xf8ff) return index;
  }
  return -1;
}

/**
 * The text keeps the reference's codes exactly (same markers, same order): then no code is
 * missing, extra or out of order, whatever the words between them. Most segments are so (every
 * unedited import), and one walk along both sides is cheaper than counting and nesting both.
 */
function keepsReferenceCodes(context: CheckContext): boolean {
  context.codesKept ??= walkKeepsReferenceCodes(context);
  return context.codesKept;
}

function walkKeepsReferenceCodes(context: CheckContext): boolean {
  const reference = referenceOf(context);
  const { text } = context;
  let inReference = nextMarker(reference, 0);
  let inText = nextMarker(text, 0);
  while (inReference >= 0 && inText >= 0) {
    if (reference.charCodeAt(inReference) !== text.charCodeAt(inText)) return false;
    inReference = nextMarker(reference, inReference + 1);
    inText = nextMarker(text, inText + 1);
  }
  return inReference < 0 && inText < 0;
}

export const inlineCodeCount: Check = (context, findings) => {
  // An unedited MT is its own reference (asked first: it needs no scan).
  if (context.source === null && !context.edited) return;
  const referenceText = referenceOf(context);
  if (!hasMarkers(referenceText) && !hasMarkers(context.text)) return;
  if (keepsReferenceCodes(context)) return;
  const expected = countMarkers(referenceText);
  const actual = countMarkers(context.text);

  const reference = context.source === null ? 'MT' : 'source';
  for (const [marker, wanted] of expected) {
    const kept = actual.get(marker) ?? 0;
    if (kept >= wanted) continue;
    const where = locateInMt(context, marker);
    const has = wanted > 1 ? `has ${labelOf(marker, codesOf(context))} ${wanted} times` : `has ${labelOf(marker, codesOf(context))}`;
    const textHas = kept === 0 ? 'the text has none' : `the text has it ${kept} times`;
    findings.push({
      check: 'inline-code-missing',
      start: where,
      end: where,
      message: `The ${reference} ${has} and ${textHas}: put it back where it belongs.`,
    });
  }

  const seen = new Map<string, number>();
  for (let index = 0; index < context.text.length; index++) {
    const marker = context.text[index]!;
    if (!actual.has(marker)) continue;
    const occurrence = (seen.get(marker) ?? 0) + 1;
    seen.set(marker, occurrence);
    if (occurrence <= (expected.get(marker) ?? 0)) continue;
    findings.push({
      check: 'inline-code-extra',
      start: index,
      end: index + 1,
      message:
        (expected.get(marker) ?? 0) === 0
          ? `${capitalised(labelOf(marker, codesOf(context)))} is not in the ${reference}: delete it.`
          : `${capitalised(labelOf(marker, codesOf(context)))} occurs here once more than in the ${reference}: delete the extra one.`,
    });
  }
};

/** Where the marker stood in the MT, carried over to the text; the end of the text if the MT lacks it too. */
function locateInMt(context: CheckContext, marker: string): number {
  const index = context.mt.indexOf(marker);
  if (index < 0) return context.text.length;
  return context.mtToText.map({ start: index, end: index + 1 }).start;
}

function hasMarkers(text: string): boolean {
  return /[\uE000-\uF8FF]/.test(text);
}

interface OrderProblem {
  index: number;
  message: string;
}

/**
 * Opening and closing codes must nest: a close after its open, and the most
 * recently opened pair closed first. Markers without a known kind count as
 * standalone.
 */
function orderProblems(text: string, codes: readonly InlineCode[]): OrderProblem[] {
  const byMarker = new Map(codes.map((code) => [code.marker, code]));
  const open: InlineCode[] = [];
  const problems: OrderProblem[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = byMarker.get(text[index]!);
    if (!code || code.kind === 'standalone') continue;
    if (code.kind === 'open') {
      open.push(code);
      continue;
    }
    let depth = open.length - 1;
    while (depth >= 0 && open[depth]!.id !== code.id) depth--;
    if (depth < 0) {
      if (text.slice(index + 1).includes(markerOfOpen(codes, code.id) ?? '\u0000')) {
        problems.push({ index, message: `${code.label} comes before the code that opens it: move it after its opening code.` });
      }
    } else if (depth === open.length - 1) {
      open.pop();
    } else {
      const inner = open[open.length - 1]!;
      problems.push({ index, message: `${code.label} closes before ${inner.label}, which was opened inside it: the codes must nest.` });
      open.splice(depth, 1);
    }
  }
  return problems;
}

function markerOfOpen(codes: readonly InlineCode[], id: string): string | undefined {
  return codes.find((code) => code.kind === 'open' && code.id === id)?.marker;
}

export const inlineCodeOrder: Check = (context, findings) => {
  if (!hasMarkers(context.text)) return;
  // The text's order problems would be the reference's, which are not the text's fault.
  // (Asked before the codes: reading them may cost a parse, src/qa/context.ts.)
  if (keepsReferenceCodes(context)) return;
  const codes = codesOf(context);
  // Only when the reference nests properly: otherwise the text cannot be blamed.
  if (codes.length === 0 || orderProblems(referenceOf(context), codes).length > 0) return;
  for (const problem of orderProblems(context.text, codes)) {
    findings.push({ check: 'inline-code-order', start: problem.index, end: problem.index + 1, message: problem.message });
  }
};
