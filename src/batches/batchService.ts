import type { Db } from '../db/database';
import type { GroupCommit } from '../db/groupCommit';
import { now } from '../clock';
import { AppError, conflict, notFound } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import type { BatchChange, SegmentService } from '../segments/segmentService';
import { BatchRepository, type BatchRevision } from './batchRepository';
import {
  ACTION_OF_KIND,
  type Batch,
  type BatchActivity,
  type BatchHeader,
  type BatchResult,
  type DecideChunk,
  type PlannedChange,
  type UndoResult,
} from './model';
import { yieldToEventLoop } from './segmentScan';

/**
 * Each step of a batch is one work item of the write queue (one short transaction), so saves of other
 * people go through between the steps. A step aims at CHUNK_TARGET_MS of work, well under the 100 ms
 * the event loop may be held: the next step is sized by how long the last took per segment (a segment
 * write costs ~0.1-0.3 ms on a quiet machine, several times that on a busy one), at most twice the
 * last (one quick step on a busy machine must not make the next one huge), between CHUNK_MIN and
 * BATCH_CHUNK segments. Since a chunk's segments are written in a few statements (~100 µs a
 * segment in all), fewer, bigger steps pay off: measured on a 10,000-sentence replace, a cap of
 * 400 instead of 200 made 32 commits instead of 55 and the apply ~10 % faster, but its longest
 * block rose from ~40-60 to ~55-95 ms on a busy machine; 300 keeps most of the gain with blocks
 * of 47-58 ms. Much bigger steps cost more per segment (1,000: more pages spill from SQLite's cache).
 */
export const BATCH_CHUNK = 300;
const CHUNK_MIN = 10;
const CHUNK_FIRST = 50;
const CHUNK_TARGET_MS = 40;
/** Revisions of a batch read per step when an undo gathers them. */
const READ_CHUNK = 5_000;

export const messages = {
  alreadyUndone: (batch: Batch) => `Batch ${batch.id} was already undone (by batch ${batch.undoneBy}).`,
  stillApplying: (batch: Batch) => `Batch ${batch.id} is still being applied; undo it when it is done.`,
  notYours: 'Only the person who made a batch, or a reviewer or admin, can undo it.',
};

interface ChunkOutcome {
  changed: number;
  skipped: number[];
}

/**
 * Batches: one action that changes many segments (DESIGN §5). A batch is a `batches` row, then its
 * segments in chunks of BATCH_CHUNK, each chunk one work item of the write queue, each segment
 * through SegmentService's one write path with the batch's id and its own version check. A segment
 * that changed since it was read, or no longer fits, is skipped and listed: a batch never overwrites
 * a concurrent edit. Undoing a batch is another batch that restores what each segment held before,
 * except where someone changed the segment since (kept, and listed).
 */
export class BatchService {
  private readonly repository: BatchRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: { segments: SegmentService; writes: GroupCommit },
  ) {
    this.repository = new BatchRepository(db);
  }

  get(batchId: number): Batch {
    const batch = this.repository.find(batchId);
    if (!batch) throw notFound(`Batch ${batchId}`);
    return batch;
  }

  /**
   * Writes changes computed ahead (e.g. QA fixes) as one batch: each segment only if it is still at
   * the version the change was computed on.
   */
  apply(header: BatchHeader, changes: readonly PlannedChange[]): Promise<BatchResult> {
    return this.run(header, changes, (chunk) =>
      chunk.map(({ item, current }) => (current && current.version === item.version ? { text: item.text } : null)),
    );
  }

  /**
   * Runs a batch over `items` (one per segment, in the order to write them): `decide` computes each
   * chunk's writes from the segments' current state, inside the chunk's transaction.
   */
  async run<Item extends { segmentId: number }>(
    header: BatchHeader,
    items: readonly Item[],
    decide: DecideChunk<Item>,
    undoes?: Batch,
  ): Promise<BatchResult> {
    const { writes } = this.collaborators;
    const batchId = await writes.run(() =>
      this.db.transaction(() => {
        const id = this.repository.insert({
          kind: header.kind,
          articleId: header.articleId,
          note: header.note,
          author: header.actor.displayName,
          // 0 is the command line's operator, who has no account.
          userId: header.actor.userId || null,
          createdAt: now(),
          undoes: undoes?.id ?? null,
        });
        if (undoes && !this.repository.claimUndo(undoes.id, id)) {
          throw conflict('already_undone', undoes.undoneBy ? messages.alreadyUndone(this.get(undoes.id)) : messages.stillApplying(undoes));
        }
        return id;
      })(),
    );
    let changed = 0;
    const skipped: number[] = [];
    try {
      let size = CHUNK_FIRST;
      for (let start = 0; start < items.length;) {
        const chunk = items.slice(start, start + size);
        start += chunk.length;
        // Awaiting the queue gives the event loop a turn between chunks.
        const outcome = await writes.run(() => {
          const started = performance.now();
          const written = this.db.transaction(() => this.writeChunk(batchId, header, chunk, decide))();
          return { ...written, elapsedMs: performance.now() - started };
        });
        changed += outcome.changed;
        skipped.push(...outcome.skipped);
        const fitting = Math.round((chunk.length * CHUNK_TARGET_MS) / Math.max(outcome.elapsedMs, 1));
        size = Math.min(BATCH_CHUNK, 2 * chunk.length, Math.max(CHUNK_MIN, fitting));
      }
      await writes.run(() => this.repository.finish(batchId, 'done'));
    } catch (error) {
      // What landed are normal revisions (undoable); the batch says it did not finish. An undo that
      // stopped half-way can be run again: the segments it restored count as changed since.
      await writes
        .run(() => {
          this.repository.finish(batchId, 'interrupted');
          if (undoes) this.repository.releaseUndo(undoes.id, batchId);
        })
        .catch(() => undefined);
      throw error;
    }
    return { batchId, changed, skipped };
  }

  private writeChunk<Item extends { segmentId: number }>(
    batchId: number,
    header: BatchHeader,
    chunk: readonly Item[],
    decide: DecideChunk<Item>,
  ): ChunkOutcome {
    const { segments } = this.collaborators;
    const stored = segments.inOrder(chunk.map((item) => item.segmentId));
    const read = chunk.map((item) => ({ item, current: stored.get(item.segmentId) }));
    const writes = decide(read);
    const changes: BatchChange[] = [];
    const changeOf: (number | undefined)[] = read.map(({ current }, index) => {
      const write = writes[index];
      if (!current || !write) return undefined;
      // Field by field: a spread of the write took V8's slow path, a few µs for each of a batch's thousands of sentences.
      const { text, status, note, detail } = write;
      return changes.push({ current, text, status, note, detail, action: ACTION_OF_KIND[header.kind], batchId, actor: header.actor }) - 1;
    });
    // A segment refused (e.g. a text too long) is skipped; an error of any other kind stops the batch.
    const written = segments.writeInBatch(changes);
    const outcome: ChunkOutcome = { changed: 0, skipped: [] };
    read.forEach(({ item, current }, index) => {
      const change = changeOf[index];
      const segment = change === undefined ? undefined : written[change];
      // Not written, refused, or the same text and status again: no change, and no revision.
      if (!current || !segment || segment.version === current.version) outcome.skipped.push(item.segmentId);
      else outcome.changed++;
    });
    this.repository.addCounts(batchId, outcome.changed, outcome.skipped.length);
    return outcome;
  }

  /**
   * Undoes a batch as a new batch (kind 'undo'): every segment still at the version the batch wrote
   * gets back its text, status and note from before; segments changed since are kept and listed.
   */
  async undo(batchId: number, actor: Actor): Promise<UndoResult> {
    const batch = this.get(batchId);
    if (batch.userId !== actor.userId && !hasRole(actor, 'reviewer')) throw new AppError(403, 'forbidden', messages.notYours);
    if (batch.state === 'applying') throw conflict('batch_applying', messages.stillApplying(batch));
    if (batch.undoneBy !== null) throw conflict('already_undone', messages.alreadyUndone(batch));
    const revisions = await this.revisionsOf(batchId);
    const result = await this.run(
      { kind: 'undo', articleId: batch.articleId, note: `Undo batch ${batch.id}: ${batch.note}`, actor },
      revisions,
      (chunk) =>
        chunk.map(({ item, current }) =>
          current && current.version === item.version
            ? {
                text: item.previousText,
                status: item.previousStatus,
                note: item.previousNote,
                detail: { undoesBatch: batch.id, restores: item.version - 1 },
              }
            : null,
        ),
      batch,
    );
    return { batchId: result.batchId, undone: result.changed, kept: result.skipped };
  }

  /** Every change a batch made, read in chunks. */
  private async revisionsOf(batchId: number): Promise<(BatchRevision & { segmentId: number })[]> {
    const all: BatchRevision[] = [];
    for (let after = 0; ;) {
      const page = this.repository.revisions(batchId, after, READ_CHUNK);
      all.push(...page);
      if (page.length < READ_CHUNK) return all;
      after = page[page.length - 1]!.revisionId;
      await yieldToEventLoop();
    }
  }

  /** One page of a batch's changes, for its page: what each sentence read before and after. */
  changes(batchId: number, afterRevisionId: number, limit: number): BatchRevision[] {
    return this.repository.revisions(batchId, afterRevisionId, limit);
  }

  /** The segments of batch `originalId` that its undo `undoId` kept (changed since), at most `limit`. */
  kept(undoId: number, originalId: number, limit = 1_000) {
    return this.repository.kept(undoId, originalId, limit);
  }

  /** At start-up: batches a stopped process left 'applying' become 'interrupted'. Returns how many. */
  markInterrupted(): number {
    return this.repository.interruptAll();
  }

  /** The batches that changed an article, newest first: the activity view lists each as one entry. */
  activity(articleId: number, limit = 200): BatchActivity[] {
    return this.repository.activity(articleId, limit);
  }
}
