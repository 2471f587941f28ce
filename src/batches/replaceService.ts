import type { Db } from '../db/database';
import { AppError, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import { applyMatches, matchChunk, PatternTimeoutError, type Match } from '../matching/matches';
import { compileQuery, type CompiledQuery } from '../matching/query';
import { BatchRepository, type ScannedSegment } from './batchRepository';
import type { BatchService } from './batchService';
import type { BatchResult } from './model';
import { fieldOf, scanSegments, yieldToEventLoop, type SearchField } from './segmentScan';

/** What a person asks to find and replace. */
export interface ReplaceQuery {
  find: string;
  replace: string;
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
  /** The articles to search; undefined = every article (reviewers and admins only). */
  articles?: readonly number[];
  /** Search the MT instead of the current text: a read-only search (the MT is never replaced). */
  inMt: boolean;
}

/** One match, as the preview lists it. `id` names the segment, the offsets and the version, so apply can verify it. */
export interface ReplaceMatch {
  id: string;
  segmentId: number;
  articleId: number;
  /** 0-based reading order (the sentence number is position + 1). */
  position: number;
  version: number;
  /** UTF-16 offsets in the segment's current text (or its MT). */
  start: number;
  end: number;
  /** The text matched, and what it becomes. */
  before: string;
  after: string;
}

/** A sentence of a preview page: its current text (or MT) and its matches on the page. */
export interface PreviewSentence {
  segmentId: number;
  articleId: number;
  position: number;
  version: number;
  text: string;
  matches: ReplaceMatch[];
}

export interface ReplacePreview {
  /** Every match, across all pages. */
  total: number;
  /** The sentences holding them. */
  sentenceCount: number;
  offset: number;
  limit: number;
  /**
   * The newest revision when the preview ran: "apply to every match" skips the segments changed after
   * it, as the ids' versions do for chosen matches.
   */
  snapshot: number;
  field: SearchField;
  articles: { id: number; title: string }[];
  /** This page's matches, in reading order, and their sentences. */
  matches: ReplaceMatch[];
  sentences: PreviewSentence[];
}

/** Which matches to apply: those chosen from a preview, or every match except some, as of a preview's snapshot. */
export type ReplaceSelection = { matches: readonly string[] } | { all: true; snapshot: number; exclude: readonly string[] };

export const PREVIEW_LIMIT_DEFAULT = 100;
export const PREVIEW_LIMIT_MAX = 1_000;
/** A user's regular expression may take this long per chunk of sentences (and holds the event loop no longer). */
const CHUNK_TIME_LIMIT_MS = 100;
/** ... and this long over a whole search. */
const SEARCH_TIME_LIMIT_MS = 10_000;

export const messages = {
  acrossArticles: 'Replacing across several articles needs the reviewer role; editors replace within one article.',
  mtReadOnly: 'The MT is read-only: search it, but replace in the current text.',
  timeout: (position: number, title: string, limitMs: number) =>
    `The regular expression took too long on sentence ${position + 1} of “${title}” (over ${limitMs} ms); simplify it ` +
    '(nested repetitions such as (a+)+ are the usual cause).',
  tooSlow: `The regular expression took over ${SEARCH_TIME_LIMIT_MS / 1000} s in all; simplify it or search fewer articles.`,
  badMatchId: (id: string) => `"${id}" is not a match id from a preview (segment:start:end:version).`,
};

/** A segment with matches, as the first pass of a preview counts them. */
interface Hit {
  segment: ScannedSegment;
  count: number;
}

/** The sentences a preview found, kept for "apply to every match" while nothing was written since (see ReplaceService.apply). */
interface PreviewFound {
  snapshot: number;
  sentences: { segmentId: number; version: number; count: number }[];
}

/** Previews kept (the latest ones): a few people replacing at once. */
const PREVIEWS_KEPT = 8;
/** A preview with more sentences than this is not kept (~3 MB each at most): its apply searches again. */
const KEPT_SENTENCES_MAX = 50_000;

/**
 * Find and replace (DESIGN §8): across one article or several, in the current text (or, read-only, the
 * MT); literal, whole words or a regular expression with $1 groups, time-bounded. The preview lists
 * every match, paged; applying the chosen ones is one batch.
 */
export class ReplaceService {
  private readonly repository: BatchRepository;
  /** The latest previews' sentences, by what was searched (searchKey). */
  private readonly previews = new Map<string, PreviewFound>();

  constructor(
    db: Db,
    private readonly batches: BatchService,
  ) {
    this.repository = new BatchRepository(db);
  }

  async preview(request: ReplaceQuery, actor: Actor, page: { offset: number; limit: number }): Promise<ReplacePreview> {
    const articles = this.scope(request.articles, actor);
    const query = compiled(request);
    const field: SearchField = request.inMt ? 'mt' : 'text';
    const snapshot = this.repository.lastRevisionId();
    const hits = await this.hits(request, query, field, articles);
    this.keepPreview(searchKey(request, articles), {
      snapshot,
      sentences: hits.map(({ segment, count }) => ({ segmentId: segment.id, version: segment.version, count })),
    });
    const order = new Map(articles.map((article, index) => [article.id, index]));
    hits.sort((a, b) => order.get(a.segment.articleId)! - order.get(b.segment.articleId)! || a.segment.position - b.segment.position);

    // The page's window of matches: skip whole sentences before it, then re-read those it covers.
    const onPage: { hit: Hit; skip: number }[] = [];
    let seen = 0;
    for (const hit of hits) {
      if (seen + hit.count > page.offset && seen < page.offset + page.limit) onPage.push({ hit, skip: Math.max(0, page.offset - seen) });
      seen += hit.count;
    }
    const current = new Map(this.repository.segmentsByIds(onPage.map(({ hit }) => hit.segment.id)).map((segment) => [segment.id, segment]));
    const pageSegments = onPage.flatMap(({ hit, skip }) => {
      const segment = current.get(hit.segment.id);
      return segment ? [{ segment, skip }] : [];
    });
    const found = await this.matchOrRefuse(
      pageSegments.map(({ segment }) => segment),
      query,
      field,
      articles,
    );
    const sentences: PreviewSentence[] = [];
    let room = page.limit;
    pageSegments.forEach(({ segment, skip }, index) => {
      const matches = found[index]!.slice(skip, skip + room).map((match) => matchOf(segment, match));
      room -= matches.length;
      if (matches.length > 0) sentences.push({ ...sentenceOf(segment, field), matches });
    });
    return {
      total: seen,
      sentenceCount: hits.length,
      offset: page.offset,
      limit: page.limit,
      snapshot,
      field,
      articles,
      matches: sentences.flatMap((sentence) => sentence.matches),
      sentences,
    };
  }

  /** Applies the chosen matches as one batch. Each segment is written only if it is unchanged since the preview. */
  async apply(request: ReplaceQuery, actor: Actor, selection: ReplaceSelection): Promise<BatchResult> {
    if (request.inMt) throw unprocessable('mt_read_only', messages.mtReadOnly);
    const articles = this.scope(request.articles, actor);
    const inScope = new Set(articles.map((article) => article.id));
    const query = compiled(request);
    const header = { kind: 'replace' as const, articleId: articles.length === 1 ? articles[0]!.id : null, note: noteOf(request), actor };

    if ('matches' in selection) {
      const items = chosenBySegment(selection.matches);
      return this.batches.run(header, items, (chunk) => {
        const live = chunk.map(({ item, current }) =>
          current && current.version === item.version && inScope.has(current.articleId) ? current : undefined,
        );
        const found = this.matchInChunk(live, query);
        return live.map((segment, index) => {
          const chosen = found[index]?.filter((match) => chunk[index]!.item.spans.has(spanKey(match))) ?? [];
          // Every chosen match must still be there (the same version guarantees it; a forged id does not).
          if (!segment || chosen.length !== chunk[index]!.item.spans.size) return null;
          return { text: applyMatches(segment.text, chosen).text };
        });
      });
    }

    const excluded = new Set(selection.exclude);
    const sentences = await this.sentencesToReplace(request, query, articles, selection.snapshot);
    // A sentence whose every match was unticked is not part of the batch (rather than "skipped").
    const unticked = new Map(chosenBySegment(selection.exclude).map((entry) => [entry.segmentId, entry]));
    const chosen = (segmentId: number, version: number | undefined, count: number) => {
      const entry = unticked.get(segmentId);
      return !entry || entry.version !== version || entry.spans.size < count;
    };
    const items = sentences
      .filter((sentence) => chosen(sentence.segmentId, sentence.version, sentence.count))
      .map(({ segmentId }) => ({ segmentId }));
    // A sentence the preview showed with a match but changed since may no longer match: it is still
    // part of the batch, so that it is skipped and listed rather than silently left out.
    const found = new Set(items.map((item) => item.segmentId));
    items.push(
      ...this.matchedAtSnapshot(query, articles, selection.snapshot)
        .filter((entry) => !found.has(entry.segmentId) && chosen(entry.segmentId, entry.version, entry.count))
        .map(({ segmentId }) => ({ segmentId })),
    );
    return this.batches.run(header, items, (chunk) => {
      const latest = this.repository.latestRevisions(chunk.map(({ item }) => item.segmentId));
      const live = chunk.map(({ item, current }) =>
        current && (latest.get(item.segmentId) ?? 0) <= selection.snapshot && inScope.has(current.articleId) ? current : undefined,
      );
      const found = this.matchInChunk(live, query);
      return live.map((segment, index) => {
        if (!segment) return null;
        const chosen = found[index]?.filter((match) => !excluded.has(matchId(segment, match))) ?? [];
        return chosen.length > 0 ? { text: applyMatches(segment.text, chosen).text } : null;
      });
    });
  }

  /**
   * The sentences with matches in the current text, for "apply to every match". When nothing at all
   * was written since the preview's snapshot, they are the ones that preview found (kept in memory):
   * the search need not run again. Otherwise, and after a restart, it does.
   */
  private async sentencesToReplace(
    request: ReplaceQuery,
    query: CompiledQuery,
    articles: { id: number; title: string }[],
    snapshot: number,
  ): Promise<PreviewFound['sentences']> {
    const kept = this.previews.get(searchKey(request, articles));
    if (kept && kept.snapshot === snapshot && this.repository.lastRevisionId() === snapshot) return kept.sentences;
    const hits = await this.hits(request, query, 'text', articles);
    return hits.map(({ segment, count }) => ({ segmentId: segment.id, version: segment.version, count }));
  }

  private keepPreview(key: string, found: PreviewFound): void {
    this.previews.delete(key);
    if (found.sentences.length > KEPT_SENTENCES_MAX) return;
    this.previews.set(key, found);
    for (const oldest of this.previews.keys()) {
      if (this.previews.size <= PREVIEWS_KEPT) break;
      this.previews.delete(oldest);
    }
  }

  /** The segments changed after a preview's snapshot whose text then had a match, with how many. */
  private matchedAtSnapshot(
    query: CompiledQuery,
    articles: { id: number }[],
    snapshot: number,
  ): { segmentId: number; version: number | undefined; count: number }[] {
    const changed = this.repository.changedSince(
      articles.map((article) => article.id),
      snapshot,
    );
    let matches: Match[][];
    try {
      matches = matchChunk(
        changed.map((entry) => entry.text ?? ''),
        query,
        { timeoutMs: CHUNK_TIME_LIMIT_MS },
      ).matches;
    } catch (error) {
      if (error instanceof PatternTimeoutError) throw unprocessable('pattern_timeout', messages.tooSlow);
      throw error;
    }
    return changed.flatMap((entry, index) =>
      matches[index]!.length > 0
        ? [{ segmentId: entry.segmentId, version: entry.version ?? undefined, count: matches[index]!.length }]
        : [],
    );
  }

  /** The articles a search may reach (ready ones), for the replace page's choice. */
  articleChoices(): { id: number; title: string }[] {
    return this.repository.readyArticles();
  }

  /** The articles a request reaches; several or all need the reviewer role. */
  private scope(requested: readonly number[] | undefined, actor: Actor): { id: number; title: string }[] {
    if ((requested === undefined || new Set(requested).size > 1) && !hasRole(actor, 'reviewer')) {
      throw new AppError(403, 'forbidden', messages.acrossArticles);
    }
    const ready = this.repository.readyArticles();
    if (requested === undefined) return ready;
    const byId = new Map(ready.map((article) => [article.id, article]));
    return [...new Set(requested)].map((id) => {
      const article = byId.get(id);
      if (!article) throw notFound(`Article ${id}`);
      return article;
    });
  }

  /** Every segment with a match, counted (the first pass of a preview), reading the articles in chunks. */
  private async hits(request: ReplaceQuery, query: CompiledQuery, field: SearchField, articles: { id: number; title: string }[]) {
    const hits: Hit[] = [];
    let spentMs = 0;
    const scan = scanSegments(this.repository, {
      articleIds: articles.map((article) => article.id),
      field,
      contains: request.regex ? undefined : request.find,
    });
    for await (const rows of scan) {
      const started = performance.now();
      const found = await this.matchOrRefuse(rows, query, field, articles);
      spentMs += performance.now() - started;
      if (query.needsTimeBound && spentMs > SEARCH_TIME_LIMIT_MS) throw unprocessable('pattern_timeout', messages.tooSlow);
      rows.forEach((segment, index) => {
        if (found[index]!.length > 0) hits.push({ segment, count: found[index]!.length });
      });
    }
    return hits;
  }

  /**
   * Matches in each segment's field; a regular expression that runs out of time twice is refused with
   * the sentence it was on. On a busy machine the process can be descheduled for longer than the limit
   * while matching a harmless pattern: one more try after a turn of the event loop tells the two apart
   * (a pathological pattern runs out of time again, on the same chunk).
   */
  private async matchOrRefuse(
    segments: readonly ScannedSegment[],
    query: CompiledQuery,
    field: SearchField,
    articles: { id: number; title: string }[],
  ): Promise<Match[][]> {
    const texts = segments.map((segment) => fieldOf(segment, field));
    try {
      try {
        return matchChunk(texts, query, { timeoutMs: CHUNK_TIME_LIMIT_MS }).matches;
      } catch (error) {
        if (!(error instanceof PatternTimeoutError)) throw error;
        await yieldToEventLoop();
        return matchChunk(texts, query, { timeoutMs: CHUNK_TIME_LIMIT_MS }).matches;
      }
    } catch (error) {
      if (!(error instanceof PatternTimeoutError)) throw error;
      // The limit can strike just after the last text was matched.
      const segment = segments[Math.min(error.textIndex, segments.length - 1)]!;
      const title = articles.find((article) => article.id === segment.articleId)?.title ?? `article ${segment.articleId}`;
      throw unprocessable('pattern_timeout', messages.timeout(segment.position, title, error.timeoutMs));
    }
  }

  /** Matches in a write chunk's current texts (undefined: not to be written). Out of time here, the chunk is skipped. */
  private matchInChunk(segments: readonly ({ text: string } | undefined)[], query: CompiledQuery): (Match[] | undefined)[] {
    const present = segments.flatMap((segment, index) => (segment ? [{ text: segment.text, index }] : []));
    const found: (Match[] | undefined)[] = segments.map(() => undefined);
    const texts = present.map((entry) => entry.text);
    // The search before already ran the pattern over these texts in time: a time-out here is most
    // likely the machine being busy, so the chunk gets a second try before its segments are skipped.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const { matches } = matchChunk(texts, query, { timeoutMs: CHUNK_TIME_LIMIT_MS });
        present.forEach((entry, position) => (found[entry.index] = matches[position]));
        return found;
      } catch (error) {
        if (!(error instanceof PatternTimeoutError)) throw error;
      }
    }
    return found;
  }
}

function compiled(request: ReplaceQuery): CompiledQuery {
  const result = compileQuery(request);
  if (!result.ok) throw unprocessable(result.error.code, result.error.message);
  return result.query;
}

/** The batch's note: "Replace 'comfort force' → 'reassurance force' (whole words)". */
function noteOf(request: ReplaceQuery): string {
  const shown = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
  const options = [request.regex && 'regular expression', request.matchCase && 'match case', request.wholeWord && 'whole words'].filter(
    Boolean,
  );
  return `Replace “${shown(request.find)}” → “${shown(request.replace)}”${options.length ? ` (${options.join(', ')})` : ''}`;
}

/** segment:start:end:version — what apply needs to find the match again and to know the text has not changed. */
export function matchId(segment: Pick<ScannedSegment, 'id' | 'version'>, match: Pick<Match, 'start' | 'end'>): string {
  return `${segment.id}:${match.start}:${match.end}:${segment.version}`;
}

const MATCH_ID = /^(\d{1,15}):(\d{1,9}):(\d{1,9}):(\d{1,9})$/;

function spanKey(match: Pick<Match, 'start' | 'end'>): string {
  return `${match.start}:${match.end}`;
}

/** The chosen match ids, by segment in the order first named. Ids of one segment must agree on its version. */
function chosenBySegment(ids: readonly string[]): { segmentId: number; version: number; spans: Set<string> }[] {
  const bySegment = new Map<number, { segmentId: number; version: number; spans: Set<string> }>();
  for (const id of ids) {
    const parsed = MATCH_ID.exec(id);
    if (!parsed) throw unprocessable('invalid_match_id', messages.badMatchId(id));
    const [segmentId, start, end, version] = parsed.slice(1).map(Number) as [number, number, number, number];
    const entry = bySegment.get(segmentId) ?? { segmentId, version, spans: new Set<string>() };
    // Two versions of one segment cannot both be current: such a segment is skipped.
    if (entry.version !== version) entry.version = -1;
    entry.spans.add(spanKey({ start, end }));
    bySegment.set(segmentId, entry);
  }
  return [...bySegment.values()];
}

function matchOf(segment: ScannedSegment, match: Match): ReplaceMatch {
  return {
    id: matchId(segment, match),
    segmentId: segment.id,
    articleId: segment.articleId,
    position: segment.position,
    version: segment.version,
    start: match.start,
    end: match.end,
    before: match.matched,
    after: match.replacement,
  };
}

function sentenceOf(segment: ScannedSegment, field: SearchField): Omit<PreviewSentence, 'matches'> {
  return {
    segmentId: segment.id,
    articleId: segment.articleId,
    position: segment.position,
    version: segment.version,
    text: fieldOf(segment, field),
  };
}

/** What decides which sentences a search finds (not the replacement). */
function searchKey(request: ReplaceQuery, articles: readonly { id: number }[]): string {
  const { find, matchCase, wholeWord, regex, inMt } = request;
  return JSON.stringify([find, matchCase, wholeWord, regex, inMt, articles.map((article) => article.id)]);
}
