import type { Db } from '../db/database';
import { conflict, notFound } from '../errors';
import type { Actor } from '../auth/roles';
import { applyMatches, matchChunk } from '../matching/matches';
import { applyFix, fixQuery, propagationFixes, type PropagationFix } from '../matching/propagation';
import type { Segment } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { BatchRepository } from './batchRepository';
import type { BatchService } from './batchService';
import type { BatchResult, SegmentWrite } from './model';
import { scanSegments } from './segmentScan';

/** Another sentence an offer would change, as it reads now and after the fix. */
export interface PropagationTarget {
  segmentId: number;
  version: number;
  /** 0-based reading order. */
  position: number;
  before: string;
  after: string;
}

/**
 * A fix learnt from a save, offered for the article's other sentences. `phrase`: one changed place of the
 * save (`from` → `to`, src/matching propagationFixes), wherever `from` still stands as whole words with
 * the save's case. `repeat`: the sentences whose MT is this one's and that nobody changed yet get the
 * whole corrected sentence (`from` is the MT, `to` the correction).
 */
export interface PropagationOffer {
  /** Derived, never stored: the saved segment's version and the fix's place in the save ("7-0", "7-repeats"). */
  id: string;
  kind: 'phrase' | 'repeat';
  from: string;
  to: string;
  /** For a phrase: 'form' (spacing or punctuation inside words) or 'wording'. */
  fixKind?: PropagationFix['kind'];
  targets: PropagationTarget[];
}

export const messages = {
  staleOffer: (segment: Segment) =>
    `Sentence ${segment.position + 1} changed since these offers were made (it is now version ${segment.version}); look at its offers again.`,
  unknownOffer: (offerId: string) => `There is no offer "${offerId}" for this sentence.`,
};

/**
 * Propagation (issue 11 part 2): after a save, the other sentences of the article the same fix fits,
 * offered as batches. Offers are derived from the segment's last text change each time they are asked
 * for, so their ids hold for the segment's version and nothing is stored.
 */
export class PropagationService {
  private readonly repository: BatchRepository;

  constructor(
    db: Db,
    private readonly collaborators: { segments: SegmentService; batches: BatchService },
  ) {
    this.repository = new BatchRepository(db);
  }

  /** The offers after the segment's last text change: only those that reach at least one other sentence. */
  async offers(segmentId: number): Promise<{ segment: Segment; offers: PropagationOffer[] }> {
    const { segment, offers } = await this.allOffers(segmentId);
    return { segment, offers: offers.map(({ offer }) => offer).filter((offer) => offer.targets.length > 0) };
  }

  /** Applies one offer, to all its sentences or to the chosen ones, as one batch. */
  async apply(segmentId: number, offerId: string, chosen: readonly number[] | undefined, actor: Actor): Promise<BatchResult> {
    const { segment, offers } = await this.allOffers(segmentId);
    const found = offers.find(({ offer }) => offer.id === offerId);
    if (!found) {
      if (!offerId.startsWith(`${segment.version}-`)) throw conflict('stale_offer', messages.staleOffer(segment));
      throw notFound(`Offer "${offerId}" of sentence ${segment.position + 1}`);
    }
    const { offer, fix } = found;
    const wanted = chosen ? new Set(chosen) : undefined;
    const items = offer.targets
      .filter((target) => !wanted || wanted.has(target.segmentId))
      .map((target) => ({ segmentId: target.segmentId }));
    const detail = { source: segment.id, sourceVersion: segment.version };
    const write = (current: Segment): SegmentWrite | null => {
      if (current.articleId !== segment.articleId) return null;
      if (!fix) return current.text === current.mt && current.mt === segment.mt ? { text: segment.text, detail } : null;
      // Found again on the current text: a sentence edited meanwhile is fixed only where the old phrase still stands.
      const fixed = applyFix(current.text, fix);
      return fixed.applied.length > 0 ? { text: fixed.text, detail } : null;
    };
    const result = await this.collaborators.batches.run(
      { kind: 'propagate', articleId: segment.articleId, note: noteOf(offer, segment), actor },
      items,
      (chunk) => chunk.map(({ current }) => (current ? write(current) : null)),
    );
    const offered = new Set(offer.targets.map((target) => target.segmentId));
    const notOffered = (chosen ?? []).filter((id) => !offered.has(id));
    return { ...result, skipped: [...result.skipped, ...notOffered] };
  }

  /** Every offer of the segment's last text change, with the fix behind each phrase offer (a repeat has none). */
  private async allOffers(segmentId: number): Promise<{ segment: Segment; offers: { offer: PropagationOffer; fix?: PropagationFix }[] }> {
    const { segment, revisions } = this.collaborators.segments.history(segmentId);
    // The last change of the text (an approval after it keeps the offers), against the text before it.
    let changed = revisions.length - 1;
    while (changed > 0 && revisions[changed]!.text === revisions[changed - 1]!.text) changed--;
    if (changed <= 0) return { segment, offers: [] };
    const offers: { offer: PropagationOffer; fix?: PropagationFix }[] = [];
    for (const [index, fix] of propagationFixes(revisions[changed - 1]!.text, segment.text).entries()) {
      const targets = await this.phraseTargets(segment, fix);
      offers.push({
        offer: { id: `${segment.version}-${index}`, kind: 'phrase', from: fix.from, to: fix.to, fixKind: fix.kind, targets },
        fix,
      });
    }
    if (segment.text !== segment.mt) {
      const targets = await this.repeats(segment);
      offers.push({ offer: { id: `${segment.version}-repeats`, kind: 'repeat', from: segment.mt, to: segment.text, targets } });
    }
    return { segment, offers };
  }

  /** The article's other sentences where the fix's old phrase still stands. */
  private async phraseTargets(segment: Segment, fix: PropagationFix): Promise<PropagationTarget[]> {
    const query = fixQuery(fix);
    const targets: PropagationTarget[] = [];
    for await (const rows of scanSegments(this.repository, { articleIds: [segment.articleId], field: 'text', contains: fix.from })) {
      const others = rows.filter((row) => row.id !== segment.id);
      const { matches } = matchChunk(
        others.map((row) => row.text),
        query,
      );
      others.forEach((row, index) => {
        if (matches[index]!.length === 0) return;
        targets.push({
          segmentId: row.id,
          version: row.version,
          position: row.position,
          before: row.text,
          after: applyMatches(row.text, matches[index]!).text,
        });
      });
    }
    return targets.sort((a, b) => a.position - b.position);
  }

  /** The article's other sentences with the same MT that nobody has changed. */
  private async repeats(segment: Segment): Promise<PropagationTarget[]> {
    const targets: PropagationTarget[] = [];
    for await (const rows of scanSegments(this.repository, { articleIds: [segment.articleId], field: 'mt', contains: segment.mt })) {
      for (const row of rows) {
        if (row.id !== segment.id && row.mt === segment.mt && row.text === row.mt) {
          targets.push({ segmentId: row.id, version: row.version, position: row.position, before: row.text, after: segment.text });
        }
      }
    }
    return targets.sort((a, b) => a.position - b.position);
  }
}

function noteOf(offer: PropagationOffer, segment: Segment): string {
  if (offer.kind === 'repeat') return `Propagate the correction of sentence ${segment.position + 1} to its identical repeats`;
  const shown = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
  return `Propagate “${shown(offer.from)}” → “${shown(offer.to)}” from sentence ${segment.position + 1}`;
}
