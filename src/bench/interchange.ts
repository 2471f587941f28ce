/**
 * The interchange rows of `npm run bench`: a generated 10,000-unit XLIFF 2.0 file (with
 * inline codes, notes and an untranslated unit in every ten) imported through the app's import
 * pipeline and exported back through its XLIFF export after a twentieth of the segments were
 * corrected: `runs` times, after a first import reported apart (see below) and its export.
 * Throughput is units per second each way; the longest event-loop block is the longest stretch
 * between two turns of the event loop while the import or export runs (what a concurrent
 * request would wait at worst).
 */
import { performance } from 'node:perf_hooks';
import { toActor } from '../auth/model';
import { generatePassword } from '../auth/passwords';
import { collectBytes, exportArticle } from '../export/exportService';
import { createServices } from '../services';
import { openMigratedDatabase } from '../startup';
import { measureEventLoop } from './eventLoop';
import type { Row } from './report';

/** A seeded XLIFF 2.0 document of `units` units, one segment each. */
export function generateXliff(units: number): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">\n <file id="f1">\n',
  ];
  for (let unit = 1; unit <= units; unit++) {
    const note = unit % 7 === 0 ? `\n   <notes><note>Checked against the glossary (${unit}).</note></notes>` : '';
    const target =
      unit % 10 === 0
        ? ''
        : `<target>The couple provides in <pc id="1">paragraph ${unit}</pc> for a comfort force of ${unit} soldiers.</target>`;
    parts.push(
      `  <unit id="u${unit}">${note}\n   <segment id="s${unit}">` +
        `<source>Le couple prévoit au <pc id="1">paragraphe ${unit}</pc> une force de réassurance de ${unit} soldats.</source>` +
        `${target}</segment>\n  </unit>\n`,
    );
  }
  parts.push(' </file>\n</xliff>\n');
  return parts.join('');
}

/**
 * Units per second of wall time and per second of the CPU time of all the process's threads, and the
 * longest event-loop block while the task ran (measureEventLoop: in wall time, and in the CPU time of the
 * event loop's own thread, which a shared machine's waits for a core do not inflate).
 */
async function throughput(
  units: number,
  task: () => Promise<unknown>,
): Promise<{ wall: number; cpu: number; blocks: { wall: number; cpu: number } }> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const { maxMs, maxCpuMs } = await measureEventLoop(task);
  const cpu = process.cpuUsage(cpuStarted);
  const wall = units / ((performance.now() - started) / 1000);
  return { wall, cpu: units / ((cpu.user + cpu.system) / 1e6), blocks: { wall: maxMs, cpu: maxCpuMs } };
}

export async function benchInterchange(runs: number, databasePath: () => string, units = 10_000): Promise<Row[]> {
  const xliff = Buffer.from(generateXliff(units), 'utf8');
  const imports: Awaited<ReturnType<typeof throughput>>[] = [];
  const exports: Awaited<ReturnType<typeof throughput>>[] = [];
  // Run 0 is the series' first import, reported on a row of its own: it may start the import worker,
  // and it runs the XLIFF reading code before V8 has optimised it (a server keeps the worker between
  // imports, src/articles/importThread.ts). The runs after it are the import as a working desk meets it.
  for (let run = 0; run <= runs; run++) {
    const { db } = openMigratedDatabase(databasePath());
    try {
      const services = createServices(db);
      let articleId = 0;
      imports.push(
        await throughput(units, async () => {
          articleId = (await services.articles.importArticle({ text: xliff, fileName: 'bench.xlf', author: 'bench' })).id;
        }),
      );

      const user = await services.accounts.createUser(
        { username: `bench${run}`, displayName: 'Benchmark', role: 'editor', password: generatePassword() },
        undefined,
      );
      const actor = toActor(user);
      const segments = services.segments.page(articleId, {}, { offset: 0, limit: units });
      for (const segment of segments.filter((_, index) => index % 20 === 0)) {
        services.segments.change(segment.id, { version: segment.version, text: `${segment.text} (checked)`, actor });
      }

      let bytes: Buffer = Buffer.alloc(0);
      exports.push(
        await throughput(units, async () => {
          bytes = await collectBytes(exportArticle(services, 'xliff', articleId).chunks);
        }),
      );
      if (bytes.length < xliff.length) throw new Error('The XLIFF export is shorter than the imported file.');
    } finally {
      db.close();
    }
  }
  const [first] = imports.splice(0, 1);
  // The first export is left out too (it runs in the main thread, which the bench's earlier rows warmed), so both ways have `runs` samples.
  exports.splice(0, 1);
  const rows = (way: string, results: typeof imports): Row[] => [
    { measure: `${way} (units/s)`, samples: results.map((result) => result.wall), target: { atLeast: 20_000 } },
    // The import reads in a worker thread beside the writes, so its CPU time is that of two threads: no longer what one idle core gives.
    { measure: `${way} (units per CPU second, all threads)`, samples: results.map((result) => result.cpu) },
    { measure: `${way}, longest event-loop block (ms)`, samples: results.map((result) => result.blocks.wall), target: { atMost: 100 } },
    {
      measure: `${way}, longest event-loop block in CPU time (ms)`,
      samples: results.map((result) => result.blocks.cpu),
      target: { atMost: 100 },
    },
  ];
  return [
    { measure: `XLIFF import, ${units.toLocaleString('en-US')} units, the series' first (units/s)`, samples: [first!.wall] },
    ...rows(`XLIFF import, ${units.toLocaleString('en-US')} units`, imports),
    ...rows('XLIFF export, 5 % of them corrected', exports),
  ];
}
