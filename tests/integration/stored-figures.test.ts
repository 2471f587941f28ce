import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/roles';
import { MQM_CATEGORY_CODES, SEVERITIES } from '../../src/annotations/mqm';
import { fillMissingFigures } from '../../src/startup';
import { seededRandom } from '../../src/bench/generateArticle';
import { createTestApp, type TestApp } from '../helpers/app';

/** The bench's seeded generator (mulberry32), so that a failing sequence can be replayed from its seed. */
function random(seed: number) {
  const next = seededRandom(seed);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const TEXT = [
  'date 2025-04-18',
  'Talks resume in Paris',
  'The couple provides for a comfort force of international troops. The Kremlin criticized the initiative. Prices rose by 10%.',
  'Source: DW',
  'Europe is trying to resume headquarters at the table. Trump’s prices hit the three -year war economy.',
].join('\n\n');

/** The same article with a French source (TSV): the source-aware checks run on every write, and splits and merges cut sources. */
const BILINGUAL = [
  'source\tmt',
  'Les pourparlers reprennent à Paris\tTalks resume in Paris',
  'Le couple prévoit une force de réassurance de 1 000 soldats. Le Kremlin a critiqué l’initiative.\tThe couple provides for a comfort force of 1,000 soldiers. The Kremlin criticized the initiative.',
  'Les prix ont augmenté de 10 %.\tPrices rose by 10%.',
  'Les droits de douane de Trump frappent l’économie de guerre de trois ans (voir www.example.org).\tTrump’s prices hit the three -year war economy (see www.example.org).',
].join('\n');

/** The stored QA findings of an article, in a form that compares whole. */
function storedFindings(testApp: TestApp, articleId: number) {
  return testApp.db
    .prepare(
      `SELECT segment_id, check_id, span_start, span_end, message, fix, matched, segment_version, dismissed_at
         FROM findings WHERE article_id = ? ORDER BY id`,
    )
    .all(articleId);
}

/** What the stored rows hold for the article, in a form that compares whole. */
function storedRows(testApp: TestApp, articleId: number) {
  const { db } = testApp;
  return {
    stats: db.prepare(`SELECT * FROM article_stats WHERE article_id = ?`).get(articleId),
    mqm: db
      .prepare(`SELECT category, severity, count FROM article_mqm_counts WHERE article_id = ? ORDER BY category, severity`)
      .all(articleId),
    buckets: db.prepare(`SELECT bucket, count FROM article_hter_buckets WHERE article_id = ? ORDER BY bucket`).all(articleId),
    hours: db.prepare(`SELECT hour, count FROM article_change_hours WHERE article_id = ? ORDER BY hour`).all(articleId),
  };
}

describe('Stored figures', () => {
  it.each([
    [1, 'plain'],
    [2, 'plain'],
    [3, 'plain'],
    [4, 'plain'],
    [5, 'plain'],
    [6, 'bilingual'],
    [7, 'bilingual'],
  ] as const)(
    'when random edits, status changes, resets, reverts, annotation changes, splits, merges, undos, comments and batches happen (seed %d, %s), then the stored figures equal a recount and the QA findings a fresh check',
    async (seed, kind) => {
      const testApp = createTestApp();
      const { services } = testApp;
      const actors: Actor[] = [await testApp.user('editor'), await testApp.user('reviewer')];
      const article = await services.articles.importArticle(
        kind === 'plain'
          ? { text: TEXT, author: 'importer' }
          : { text: BILINGUAL, format: 'tsv', sourceLanguage: 'fr', author: 'importer' },
      );
      const segments = services.articles.segments(article.id, { offset: 0, limit: 100 });
      const rng = random(seed);
      const words = ['reassurance', 'tariffs', 'three-year', 'seat', 'force', 'the', 'talks', 'Paris'];
      const annotationIds: number[] = [];
      const batches: number[] = [];

      for (let step = 0; step < 150; step++) {
        const actor = rng.pick(actors);
        const action = rng.next();
        try {
          // A segment merged into another answers 404 (refused like the rest below).
          const segment = services.segments.get(rng.pick(segments).id);
          const layout = rng.next();
          if (layout < 0.08) {
            // A split at a space of the current text (annotations and comments follow their words).
            const spaces = [...segment.text.matchAll(/ /g)].map((match) => match.index);
            if (spaces.length > 0) services.segments.split(segment.id, rng.pick(spaces) + 1, segment.version, actor);
            continue;
          }
          if (layout < 0.14) {
            services.segments.merge(segment.id, segment.version, actor);
            continue;
          }
          if (layout < 0.2) {
            services.segments.undo(segment.id, segment.version, actor);
            continue;
          }
          if (layout < 0.25) {
            services.comments.add(segment.id, { body: 'Check this.' }, actor);
            continue;
          }
          if (layout < 0.3) {
            // A batch over a few segments (one may come twice, one may be stale): their figures move as one delta.
            const planned = [segment, rng.pick(segments), rng.pick(segments)].flatMap((picked) => {
              const current = services.segments.get(picked.id);
              const text = current.text.replace(/\w+/, rng.pick(words));
              return [{ segmentId: current.id, version: current.version - (rng.next() < 0.2 ? 1 : 0), text }];
            });
            batches.push((await services.batches.apply({ kind: 'qa-fix', articleId: article.id, note: 'Fix', actor }, planned)).batchId);
            continue;
          }
          if (layout < 0.33 && batches.length > 0) {
            await services.batches.undo(batches.pop()!, actors[1]!);
            continue;
          }
          if (action < 0.3) {
            const text = segment.mt
              .split(' ')
              .map((word) => (rng.next() < 0.2 ? rng.pick(words) : word))
              .join(' ');
            services.segments.change(segment.id, {
              version: segment.version,
              text,
              actor,
              editingSeconds: rng.next() < 0.5 ? rng.next() * 90 : undefined,
            });
          } else if (action < 0.5) {
            const status = rng.pick(['approved', 'rejected', 'edited', 'new'] as const);
            services.segments.change(segment.id, {
              version: segment.version,
              status,
              note: status === 'rejected' ? 'No' : undefined,
              actor,
            });
          } else if (action < 0.6) {
            services.segments.resetToMt(segment.id, segment.version, actor);
          } else if (action < 0.7) {
            services.segments.revert(segment.id, segment.version, 1 + Math.floor(rng.next() * segment.version), actors[1]!);
          } else if (action < 0.85) {
            const start = Math.floor(rng.next() * segment.mt.length);
            const created = services.annotations.create(
              segment.id,
              { start, end: start, category: rng.pick(MQM_CATEGORY_CODES), severity: rng.pick(SEVERITIES) },
              { name: 'Rita', userId: actors[1]!.userId },
            );
            annotationIds.push(created.id);
          } else if (annotationIds.length > 0) {
            const annotation = services.annotations.get(rng.pick(annotationIds));
            if (rng.next() < 0.5) services.annotations.remove(annotation.id, annotation.version, { name: 'Rita', userId: null });
            else
              services.annotations.update(
                annotation.id,
                { version: annotation.version, severity: rng.pick(SEVERITIES) },
                { name: 'Rita', userId: null },
              );
          }
        } catch (error) {
          // Refusals (a metadata line cannot be annotated, "new" needs the MT, a removed annotation) change nothing.
          if (!(error instanceof Error) || !('status' in error)) throw error;
        }
      }

      const incremental = storedRows(testApp, article.id);
      expect(incremental.stats).toBeDefined();
      services.stats.recount(article.id);
      expect(storedRows(testApp, article.id)).toEqual(incremental);

      // Each write checked the segment as it stored it: checking every segment afresh changes nothing.
      const findings = storedFindings(testApp, article.id);
      const ids = testApp.db
        .prepare(`SELECT id FROM segments WHERE article_id = ? AND block IS NOT NULL`)
        .pluck()
        .all(article.id) as number[];
      await services.writes.run(() => services.findings.refresh(ids));
      expect(storedFindings(testApp, article.id)).toEqual(findings);
      expect(findings.length).toBeGreaterThan(0);
    },
  );

  it('when an article has no stored figures (a database from before them), then start-up counts them, as the saves would have', async () => {
    const testApp = createTestApp();
    const { services, db } = testApp;
    const editor = await testApp.user('editor');
    const article = await services.articles.importArticle({ text: TEXT, author: 'importer' });
    const [first] = services.articles.segments(article.id, { offset: 1, limit: 1 });
    services.segments.change(first!.id, { version: 1, text: 'Talks resume in the French capital', actor: editor, editingSeconds: 3.5 });
    const before = storedRows(testApp, article.id);
    db.prepare(`DELETE FROM article_stats WHERE article_id = ?`).run(article.id);
    db.prepare(`DELETE FROM article_change_hours WHERE article_id = ?`).run(article.id);
    expect(services.articles.progress(article.id).total).toBe(0);

    expect(fillMissingFigures(services)).toEqual([article.id]);
    expect(storedRows(testApp, article.id)).toEqual(before);
    expect(fillMissingFigures(services)).toEqual([]);
  });

  it('when the overview and the article list are read, then they come from one stored row per article, not from the segments', async () => {
    const testApp = createTestApp();
    const { services, db } = testApp;
    const article = await services.articles.importArticle({ text: TEXT, author: 'importer' });
    // Tampering with the stored row shows what the pages read.
    db.prepare(`UPDATE article_stats SET approved_count = 7, new_count = 0 WHERE article_id = ?`).run(article.id);
    expect(services.articles.list()[0]!.counts.approved).toBe(7);
    const api = await testApp.api('editor');
    const overview = await api.get('/api/quality/articles').expect(200);
    expect(overview.body.articles[0].progress.counts.approved).toBe(7);
  });
});
