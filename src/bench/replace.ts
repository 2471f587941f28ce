/**
 * Find and replace at scale (issue 11): in an article of 100,000 segments where a phrase stands in
 * 10,000 of them, the preview of every match (literal, through the search index; and a regular
 * expression, which reads every segment) and the apply of all of them as one batch, each ≤ 1 s, with
 * no block of the event loop over 100 ms. Measured in-process on a database file (WAL, synchronous =
 * FULL, as the server runs it), through the same services the routes call.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../auth/roles';
import type { ReplaceQuery } from '../batches/replaceService';
import { createServices } from '../services';
import { openMigratedDatabase } from '../startup';
import { generateArticle } from './generateArticle';
import type { Row } from './report';

export interface ReplaceBenchSettings {
  databasePath: string;
  segments: number;
  matches: number;
  runs: number;
}

const PHRASE = 'comfort force';
const FIX = 'reassurance force';

export async function benchReplace(settings: ReplaceBenchSettings): Promise<{ rows: Row[]; notes: string[] }> {
  const { db } = openMigratedDatabase(settings.databasePath);
  try {
    const services = createServices(db);
    const articleId = (await services.articles.importArticle({ text: articleWithPhrase(settings), author: 'bench' })).id;
    const planted = settings.matches;
    const actor: Actor = { userId: 0, username: 'bench', displayName: 'Benchmark', role: 'admin' };
    const literal: ReplaceQuery = {
      find: PHRASE,
      replace: FIX,
      matchCase: true,
      wholeWord: true,
      regex: false,
      inMt: false,
      articles: [articleId],
    };
    const regex: ReplaceQuery = { ...literal, find: '(comfort|relief) (force|troops)', replace: 'reassurance $2', regex: true };

    const samples = {
      preview: [] as number[],
      regexPreview: [] as number[],
      apply: [] as number[],
      applyCpu: [] as number[],
      undo: [] as number[],
      block: [] as number[],
      merged: [] as number[],
    };
    let total = 0;
    const unmergedWrites = db.prepare(`SELECT unmerged_writes FROM search_index_state`).pluck();
    for (let run = 0; run < settings.runs; run++) {
      // A person previews and reads before applying: the search index's background merging of the
      // writes before (the import, the last run's apply and undo) is done first, and timed.
      let started = performance.now();
      await indexMerged(() => unmergedWrites.get() as number);
      samples.merged.push(performance.now() - started);
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      started = performance.now();
      const preview = await services.replace.preview(literal, actor, { offset: 0, limit: 100 });
      samples.preview.push(performance.now() - started);
      total = preview.total;
      started = performance.now();
      await services.replace.preview(regex, actor, { offset: 0, limit: 100 });
      samples.regexPreview.push(performance.now() - started);
      started = performance.now();
      const cpuBefore = process.cpuUsage();
      const applied = await services.replace.apply(literal, actor, { all: true, snapshot: preview.snapshot, exclude: [] });
      samples.apply.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuBefore);
      samples.applyCpu.push((cpu.user + cpu.system) / 1_000);
      if (applied.changed !== planted) throw new Error(`The batch changed ${applied.changed} sentences, not ${planted}.`);
      delay.disable();
      samples.block.push(delay.max / 1e6);
      // Undo puts the phrase back for the next run, and is measured on the way.
      started = performance.now();
      const undone = await services.batches.undo(applied.batchId, actor);
      samples.undo.push(performance.now() - started);
      if (undone.undone !== planted) throw new Error(`The undo restored ${undone.undone} sentences, not ${planted}.`);
    }
    const size = `${settings.segments.toLocaleString('en-US')} segments`;
    const count = `${total.toLocaleString('en-US')}`;
    return {
      rows: [
        { measure: `replace preview, literal, ${count} matches in ${size} (ms)`, samples: samples.preview, target: { atMost: 1_000 } },
        {
          measure: `replace preview, regular expression, every segment read (ms)`,
          samples: samples.regexPreview,
          target: { atMost: 1_000 },
        },
        { measure: `replace apply, ${count} sentences as one batch (ms)`, samples: samples.apply, target: { atMost: 1_000 } },
        // On a shared machine the process waits for a core: its own CPU time is what the apply costs.
        { measure: `replace apply, CPU time of the process (ms)`, samples: samples.applyCpu },
        { measure: `undo of that batch (ms)`, samples: samples.undo },
        { measure: 'longest event-loop block during the previews and the apply (ms)', samples: samples.block, target: { atMost: 100 } },
        {
          measure: 'search index merged in the background before a run: the import, then the last apply and undo (ms)',
          samples: samples.merged,
        },
      ],
      notes: [
        `Replace: the phrase planted in ${planted.toLocaleString('en-US')} of the ${size}; each run waits for the search index's ` +
          'background merging, then previews, applies and undoes.',
      ],
    };
  } finally {
    db.close();
  }
}

/** Waits (polling, the event loop free) until the search index has no unmerged writes left, for at most a minute. */
async function indexMerged(unmergedWrites: () => number): Promise<void> {
  for (const giveUpAt = performance.now() + 60_000; unmergedWrites() > 0 && performance.now() < giveUpAt;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The generated article with one more sentence holding the phrase in `matches` of its paragraphs, spread evenly. */
function articleWithPhrase({ segments, matches }: ReplaceBenchSettings): string {
  const paragraphs = generateArticle(segments - matches)
    .text.trimEnd()
    .split('\n\n');
  // Headings end without punctuation; a sentence added to one would turn it into a paragraph.
  const bodies = paragraphs.flatMap((paragraph, index) => (/[.?!”]$/.test(paragraph) ? [index] : []));
  for (let planted = 0; planted < matches; planted++) {
    paragraphs[bodies[Math.floor((planted * bodies.length) / matches)]!] += ` The ${PHRASE} stays, officials said.`;
  }
  return paragraphs.join('\n\n') + '\n';
}
