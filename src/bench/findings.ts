/**
 * The cost of QA findings per save for `npm run bench`: a save in-process through
 * SegmentService (its one write path, which refreshes the findings), and the
 * findings refresh alone (runChecks with a glossary, matching with the stored
 * findings, the counts), each in µs per segment. Samples in the order measured.
 */
import { performance } from 'node:perf_hooks';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/database';
import type { Services } from '../services';

export interface FindingsBenchResult {
  segments: number;
  glossaryEntries: number;
  /** µs per save (edit of one word) through the write path, findings refresh included */
  saveUs: number[];
  /** µs per findings refresh of one segment (inside a transaction, as in a save) */
  refreshUs: number[];
}

const GLOSSARY_ENTRIES = 50;

export async function benchFindings(
  { segments, glossary, findings, writes, db }: Pick<Services, 'segments' | 'glossary' | 'findings' | 'writes'> & { db: Db },
  articleId: number,
  actor: Actor,
  runs = 5,
  sample = 1_000,
): Promise<FindingsBenchResult> {
  // A realistic glossary: the checks index its terms once per version (src/qa).
  const author = { name: 'bench', userId: null };
  for (let index = 0; index < GLOSSARY_ENTRIES; index++) {
    const { change } = glossary.create(articleId, { term: `bench term ${index}`, preferred: `bench preferred ${index}` }, author);
    await findings.recheckGlossary(change);
  }
  await writes.run(() => undefined);
  const rows = segments.ofArticle(articleId).slice(0, sample);
  const refreshUs: number[] = [];
  const saveUs: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    db.transaction(() => {
      for (const row of rows) findings.refresh([row.id]);
    })();
    refreshUs.push(((performance.now() - started) * 1_000) / rows.length);

    started = performance.now();
    for (const row of rows) {
      const current = segments.get(row.id);
      segments.change(row.id, { version: current.version, text: `${current.mt} (run ${run})`, actor });
    }
    saveUs.push(((performance.now() - started) * 1_000) / rows.length);
  }
  return { segments: rows.length, glossaryEntries: GLOSSARY_ENTRIES, saveUs, refreshUs };
}
