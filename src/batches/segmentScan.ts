import type { BatchRepository, ScannedSegment } from './batchRepository';

/** Segments read per step: a few milliseconds of reading and matching, so the server answers others in between. */
export const SCAN_CHUNK = 1_000;

/** Which field of a segment a search looks at: the current text (what a replacement changes) or the MT (read-only). */
export type SearchField = 'text' | 'mt';

export interface ScanRequest {
  articleIds: readonly number[];
  field: SearchField;
  /**
   * Literal text that every wanted segment contains in `field` (in any case or accents), when there is
   * such a text: the trigram index then gives the candidates instead of a scan of every segment.
   */
  contains?: string;
}

/** The trigram index cannot look for fewer than three characters. */
const MIN_INDEXED_CHARACTERS = 3;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The segments of the given articles that may hold a match, a chunk at a time, with a turn of the
 * event loop between chunks. Candidates are a superset: the index folds case and accents, and a
 * segment whose text equals its MT is indexed only under `mt`, so the caller always verifies.
 */
export async function* scanSegments(repository: BatchRepository, request: ScanRequest): AsyncGenerator<ScannedSegment[]> {
  if (request.contains !== undefined && [...request.contains].length >= MIN_INDEXED_CHARACTERS) {
    yield* indexCandidates(repository, request.contains, request.field, new Set(request.articleIds));
    return;
  }
  for (const articleId of request.articleIds) {
    let after = { block: -1, slot: -1 };
    for (;;) {
      const rows = repository.scanArticle(articleId, after, SCAN_CHUNK);
      if (rows.length === 0) break;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = { block: last.block, slot: last.slot };
      await yieldToEventLoop();
    }
  }
}

async function* indexCandidates(
  repository: BatchRepository,
  literal: string,
  field: SearchField,
  articleIds: ReadonlySet<number>,
): AsyncGenerator<ScannedSegment[]> {
  // A phrase in double quotes is taken literally by FTS5 (a quote inside is doubled); the text
  // column is '' while the text equals the MT, so the current text is found in either column.
  const phrase = `"${literal.replaceAll('"', '""')}"`;
  const match = field === 'mt' ? `mt : ${phrase}` : phrase;
  let afterId = 0;
  for (;;) {
    const ids = repository.candidateIds(match, afterId, SCAN_CHUNK);
    if (ids.length === 0) break;
    const rows = repository.segmentsByIds(ids).filter((row) => articleIds.has(row.articleId));
    if (rows.length > 0) yield rows;
    afterId = ids[ids.length - 1]!;
    await yieldToEventLoop();
  }
}

export function fieldOf(segment: Pick<ScannedSegment, 'text' | 'mt'>, field: SearchField): string {
  return field === 'mt' ? segment.mt : segment.text;
}
