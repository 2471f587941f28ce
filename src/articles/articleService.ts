import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/database';
import type { GroupCommit } from '../db/groupCommit';
import { now } from '../clock';
import { parseCodes } from '../codes/inlineCodes';
import { AppError, conflict, notFound, unprocessable } from '../errors';
import { paginate } from '../pagination';
import type { AuditLog } from '../auth/auditLog';
import type { Actor } from '../auth/roles';
import { emptyCounts, progressFrom, type OpenFindingCounts, type Progress, type ReviewStatus, type Segment } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { statusCountsOf, type ArticleStats } from '../stats/articleStats';
import { addFigures, emptyFigures } from '../stats/contribution';
import { ArticleRepository } from './articleRepository';
import type { Finding, GlossaryTerm } from '../qa/runChecks';
import { DEFAULT_TARGET_LANGUAGE, resolveFormat } from './importFormats';
import { checkRows, type PreparedEnd } from './importPreparation';
import type { ImportThread } from './importThread';
import type { Article, ArticleDocument, ArticleFormat, ArticleSummary } from './model';

export const TITLE_MAX = 300;
/** REDLINE_MAX_SEGMENTS's default: more sentences than a book, far fewer than a 10 MB upload of tiny ones. */
export const DEFAULT_MAX_SEGMENTS = 200_000;
/**
 * Segments written per transaction of an import: one step of the write queue. The worker reads and
 * checks them (src/articles/importThread.ts); the step only writes (~15 ms on an idle core), well under 100 ms.
 */
export const IMPORT_CHUNK = 500;
/** The first chunk is smaller: the first write starts after the worker read 100 segments, not 500. */
export const FIRST_IMPORT_CHUNK = 100;
/** Segments deleted per step when an article is removed. */
const DELETE_CHUNK = 1_000;
/** An article still 'importing' whose last step is older than this was left by a crash; a sweep removes it. */
export const STALE_IMPORT_MS = 5 * 60_000;

/**
 * Resolves once the event loop has been round: timers and other requests' I/O had their turn. A setImmediate
 * set in an I/O callback (a request's body is parsed in one) runs in the same round, right after it; only one
 * set from there waits for the next round. A single one made a big import's first step and its body's parse
 * one block of ~145 ms for everyone else.
 */
async function afterOthersHadTheirTurn(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

export const messages = {
  empty: 'The article contains no sentences.',
  importInProgress: 'An import with this Idempotency-Key is still running. Wait for it to finish, then retry to get its article.',
  removedWhileImporting: 'The import was interrupted and removed before it finished. Nothing was saved; please import again.',
};

export interface ImportRequest {
  /** The MT side: pasted text, or an uploaded file's bytes (decoded by the format's reader). */
  text: string | Uint8Array;
  /** The source text of a two-file import (format 'text-pair'). */
  source?: string | Uint8Array;
  title?: string;
  fileName?: string;
  /** When absent: from the file name's extension, else guessed from the text (src/articles/importFormats.ts). */
  format?: ArticleFormat;
  /** BCP 47 tags the request named, checked and canonical (src/articles/languageTags.ts); they win over a file's own. */
  sourceLanguage?: string;
  targetLanguage?: string;
  author: string;
  /** the account importing, when there is one (the CLI has none) */
  userId?: number | null;
  /** a client's Idempotency-Key: a retry with the same key (same account) returns the first import's article */
  idempotencyKey?: string;
  /** told after each written chunk */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  segments: number;
  /** how much of the input was read so far, of `totalCharacters`: characters of a text, bytes of a file read undecoded (XLIFF, CSV) */
  characters: number;
  totalCharacters: number;
}

export interface ImportLimits {
  maxSegments: number;
}

export interface ReviewPage {
  article: Article;
  progress: Progress;
  segments: Segment[];
  status: ReviewStatus | undefined;
  /** Only segments with open QA findings ("has QA findings"). */
  withFindings: boolean;
  /** The article's open QA findings (all statuses), for the header. */
  openFindings: OpenFindingCounts;
  page: number;
  pageCount: number;
  /** Segments matching the filter, across all pages. */
  matching: number;
}

export interface ArticleCollaborators {
  audit: AuditLog;
  segments: SegmentService;
  stats: ArticleStats;
  /** the write queue: every write of an import or deletion is one short step in it */
  writes: GroupCommit;
  /** Reads, segments and checks imports in a worker thread. */
  preparation: ImportThread;
  /** The QA findings of an import (src/findings): the glossary its checks use, and storing what they found. */
  qa: {
    /** A new article has no glossary of its own yet: the shared one. */
    sharedTerms(): readonly GlossaryTerm[];
    importStarted(articleId: number): void;
    storeImported(articleId: number, segments: readonly { id: number; text: string; findings: readonly Finding[] }[]): void;
  };
}

/** Articles: import (split into segments), list, review pages, deletion. Their segments belong to SegmentService. */
export class ArticleService {
  private readonly repository: ArticleRepository;
  /** Imports under way in this process, by account and Idempotency-Key: a retry waits for the first. */
  private readonly keyedImports = new Map<string, Promise<Article>>();
  /** Articles this process is importing or deleting right now: the stale-import sweep leaves them alone. */
  private readonly busyArticles = new Set<number>();

  constructor(
    db: Db,
    private readonly collaborators: ArticleCollaborators,
    private readonly limits: ImportLimits = { maxSegments: DEFAULT_MAX_SEGMENTS },
  ) {
    this.repository = new ArticleRepository(db);
  }

  /**
   * Splits the text into segments and stores them in short steps through the write queue,
   * while the article is 'importing' (no page, list, count or export shows it); the last
   * step makes it visible. Whole or not at all for everyone else: any failure removes what
   * was written (and a crash leaves it to the stale-import sweep). With an Idempotency-Key,
   * a retry gets the first import's article instead of a second copy.
   */
  importArticle(request: ImportRequest): Promise<Article> {
    const { idempotencyKey: key, userId } = request;
    if (!key || userId === undefined || userId === null) return this.runImport(request);
    const inFlight = `${userId}\u0000${key}`;
    const running = this.keyedImports.get(inFlight);
    if (running) return running;
    const earlier = this.repository.keyArticle(userId, key);
    if (earlier)
      return earlier.state === 'ready'
        ? Promise.resolve(this.get(earlier.articleId))
        : Promise.reject(conflict('import_in_progress', messages.importInProgress));
    const started = this.runImport(request).finally(() => this.keyedImports.delete(inFlight));
    this.keyedImports.set(inFlight, started);
    return started;
  }

  private async runImport(request: ImportRequest): Promise<Article> {
    const { segments, stats, writes, qa } = this.collaborators;
    // Parsing the request's body was one step of the event loop (~70 ms for a 6.6 MB JSON body); sending the
    // input to the worker is the next, once the others waiting had their turn.
    await afterOthersHadTheirTurn();
    let format = resolveFormat(request.format, request.fileName, request.source !== undefined);
    // A .txt file or pasted text may be Markdown, or even an XLIFF document.
    if (format === 'text' && request.format === undefined) format = detectFormat(request.text);
    // The checks read the languages the article is created with (a file's own are set at the end).
    const checks = {
      sourceLanguage: request.sourceLanguage ?? null,
      targetLanguage: request.targetLanguage ?? DEFAULT_TARGET_LANGUAGE,
      glossary: qa.sharedTerms(),
    };
    const prepared = this.collaborators.preparation.prepare({
      input: {
        content: request.text,
        source: request.source,
        format,
        sourceLanguage: request.sourceLanguage,
        targetLanguage: request.targetLanguage,
      },
      chunkSize: IMPORT_CHUNK,
      firstChunkSize: FIRST_IMPORT_CHUNK,
      maxSegments: this.limits.maxSegments,
      maxSegmentChars: segments.maxSegmentChars,
      qa: checks,
    });
    const createdAt = now();
    const figures = emptyFigures();
    let articleId: number | undefined;
    let written = 0;
    // The document's text, when it is the input as received, is written by the first step that can:
    // while the reader prepares the next chunk, rather than in the last step, which nothing else overlaps.
    let documentWritten = false;
    try {
      let end: PreparedEnd;
      // The worker reads (and mostly checks) the next chunks while this thread writes one per step.
      for (;;) {
        const piece = await prepared.next();
        if (piece.type === 'end') {
          end = piece.end;
          break;
        }
        const { chunk } = piece;
        // A chunk the worker read without its checks (it was the slower side) is checked here, in a turn of the
        // event loop of its own before its write step (together they held it up to twice as long); a segment's
        // codes are parsed only if a code check needs them.
        let checked = chunk.checked;
        if (!checked) {
          checked = checkRows(chunk.rows, checks, (index) => () => parseCodes(chunk.rows.codes[index]!));
          await nextTurn();
        }
        const chunkFindings = checked.findings;
        const [firstPosition, at] = [written, now()];
        articleId = await writes.run(() => {
          let id = articleId;
          if (id === undefined) {
            id = this.startImport(request, format, createdAt);
            qa.importStarted(id);
          }
          if (chunk.keepsInput && !documentWritten) this.repository.insertDocumentText(id, request.text);
          const ids = segments.insertImportChunk(id, chunk.rows, firstPosition, request.author, createdAt);
          qa.storeImported(
            id,
            chunkFindings.map(({ index, findings }) => ({ id: ids[index]!, text: chunk.rows.text[index]!, findings })),
          );
          this.repository.heartbeat(id, at);
          return id;
        });
        this.busyArticles.add(articleId);
        documentWritten ||= chunk.keepsInput;
        addFigures(figures, checked.figures);
        written += chunk.rows.text.length;
        request.onProgress?.({ segments: written, characters: chunk.characters, totalCharacters: chunk.totalCharacters });
      }
      if (articleId === undefined) throw unprocessable('empty_text', messages.empty);
      // Without a title or file name, the first heading (else the first sentence, else the first source) names the article.
      const title =
        (request.title?.trim() || titleFromFileName(request.fileName) || end.firstHeading || end.firstSentence || end.firstSource || '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, TITLE_MAX) || 'Untitled';
      const id = articleId;
      const { leading, sourceLanguage, targetLanguage, document } = end;
      const finished = await writes.run(() => {
        segments.insertBlocks(id, written);
        stats.created(id, figures, createdAt);
        this.repository.setLanguages(id, sourceLanguage, targetLanguage);
        if (document) {
          if (!documentWritten) this.repository.insertDocumentText(id, document.content ?? request.text);
          this.repository.insertDocument(id, { kind: document.kind, fileName: request.fileName ?? null, meta: document.meta });
        }
        return this.repository.finish(id, title, leading, createdAt);
      });
      if (!finished) throw new AppError(409, 'import_interrupted', messages.removedWhileImporting);
      return this.get(id);
    } catch (error) {
      prepared.cancel();
      if (articleId !== undefined) await this.removeQuietly(articleId);
      throw error;
    } finally {
      if (articleId !== undefined) this.busyArticles.delete(articleId);
    }
  }

  /** The first step of an import: the hidden article row, and the client's Idempotency-Key with it. */
  private startImport(request: ImportRequest, format: ArticleFormat, createdAt: string): number {
    const id = this.repository.insert({
      title: 'Importing…',
      format,
      // The languages the request named; a file's own are set by the last step, once it is read.
      sourceLanguage: request.sourceLanguage ?? null,
      targetLanguage: request.targetLanguage ?? 'en',
      author: request.author,
      userId: request.userId ?? null,
      createdAt,
    });
    if (request.idempotencyKey && request.userId) this.repository.insertKey(request.userId, request.idempotencyKey, id, createdAt);
    return id;
  }

  /** The most segments an article may have (REDLINE_MAX_SEGMENTS). */
  get maxSegments(): number {
    return this.limits.maxSegments;
  }

  get(id: number): Article {
    const article = this.repository.find(id);
    if (!article) throw notFound(`Article ${id}`);
    return article;
  }

  /**
   * Deletes an article with its segments and history; the audit log keeps a record of it.
   * The article disappears at once (one short step); its rows are then removed in steps.
   */
  async delete(id: number, actor: Actor, ip?: string): Promise<Article> {
    const article = await this.collaborators.writes.run(() => {
      const found = this.get(id);
      this.collaborators.audit.record({
        actor,
        action: 'article_deleted',
        target: `${id}: ${found.title}`,
        detail: `${this.progress(id).total} segments`,
        ip,
      });
      this.repository.hide(id, now());
      return found;
    });
    await this.remove(id);
    return article;
  }

  /**
   * Removes the hidden (importing or deleted) articles whose last step is older than
   * STALE_IMPORT_MS: leftovers of a crash or of a killed CLI import. Start-up and a
   * periodic timer run it; an import running beside the server keeps its heartbeat fresh.
   */
  async removeStaleImports(olderThanMs = STALE_IMPORT_MS): Promise<number[]> {
    const before = new Date(Date.now() - olderThanMs).toISOString();
    const stale = this.repository.staleImports(before).filter((id) => !this.busyArticles.has(id));
    for (const id of stale) await this.remove(id);
    return stale;
  }

  /** Deletes a hidden article's rows in steps through the write queue, then the article itself. */
  private async remove(articleId: number): Promise<void> {
    const { segments, writes } = this.collaborators;
    this.busyArticles.add(articleId);
    try {
      while (
        (await writes.run(() => {
          this.repository.heartbeat(articleId, now());
          return segments.deleteSome(articleId, DELETE_CHUNK);
        })) > 0
      ) {
        await nextTurn();
      }
      await writes.run(() => this.repository.delete(articleId));
    } finally {
      this.busyArticles.delete(articleId);
    }
  }

  /** Cleans up after a failed import; if even that fails, the sweep removes the hidden leftovers later. */
  private async removeQuietly(articleId: number): Promise<void> {
    try {
      await this.remove(articleId);
    } catch (error) {
      console.error(`Could not yet remove the failed import of article ${articleId} (the sweep will):`, error);
    }
  }

  /** The original file an article was imported from (XLIFF), kept for its faithful export; undefined for others. */
  document(articleId: number): ArticleDocument | undefined {
    return this.repository.document(this.get(articleId).id);
  }

  /** Paragraphs of a two-file import whose sentences could not be paired one to one (their whole source is shown). */
  unalignedParagraphs(articleId: number): number {
    return this.repository.unalignedParagraphs(articleId);
  }

  /** Records that a segment of the article changed at `at` (its last-change time). */
  touch(articleId: number, at: string): void {
    this.repository.touch(articleId, at);
  }

  /** Every article, most recently changed first, with its status counts (from the stored figures: one row each). */
  list(): ArticleSummary[] {
    const stored = this.collaborators.stats.all();
    return this.repository.list().map((article) => {
      const counts = stored.has(article.id) ? statusCountsOf(stored.get(article.id)!.figures) : emptyCounts();
      return { ...article, counts, total: progressFrom(counts).total };
    });
  }

  /** Ids of every visible article (e.g. to fill their stored figures at start-up). */
  ids(): number[] {
    return this.repository.list().map((article) => article.id);
  }

  progress(articleId: number): Progress {
    return this.collaborators.segments.progress(articleId);
  }

  /** One window of an existing article's segments (404 for an unknown one), in reading order. */
  segments(articleId: number, window: { offset: number; limit: number }): Segment[] {
    this.get(articleId);
    return this.collaborators.segments.page(articleId, {}, window);
  }

  reviewPage(articleId: number, filter: { status?: ReviewStatus; withFindings?: boolean }, requestedPage: number): ReviewPage {
    const article = this.get(articleId);
    const progress = this.progress(articleId);
    const { status, withFindings = false } = filter;
    const openFindings = this.collaborators.segments.countWithFindings(articleId);
    let matching = status ? progress.counts[status] : progress.total;
    if (withFindings) matching = status ? this.collaborators.segments.countWithFindings(articleId, status).segments : openFindings.segments;
    const pagination = paginate(matching, requestedPage);
    const segments = this.collaborators.segments.page(articleId, { status, withFindings }, pagination);
    return {
      article,
      progress,
      segments,
      status,
      withFindings,
      openFindings,
      page: pagination.page,
      pageCount: pagination.pageCount,
      matching,
    };
  }
}

function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const stem = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.(txt|text|md|markdown|xlf|xliff|sdlxliff|mqxliff|tsv|tab|csv)$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : undefined;
}

/** The format of pasted text nobody named: an XLIFF document, else Markdown when it has Markdown headings, else plain text. */
function detectFormat(text: string | Uint8Array): ArticleFormat {
  const head = typeof text === 'string' ? text.slice(0, 4096) : new TextDecoder().decode(text.subarray(0, 4096));
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*)?<xliff\b/.test(head)) return 'xliff';
  const whole = typeof text === 'string' ? text : new TextDecoder().decode(text);
  return /^#{1,6} \S/m.test(whole) ? 'markdown' : 'text';
}
