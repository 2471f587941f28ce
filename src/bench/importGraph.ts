/**
 * Which folder of src/ imports which: `node dist/bench/importGraph.js` prints a
 * Markdown table (one row per folder, and one per top-level file). Type-only
 * imports count too: they tie the folders together just the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The folder a file of src/ lives in; a top-level file stands for itself ("errors.ts"). */
function folderOf(srcDir: string, file: string): string {
  const relative = path.relative(srcDir, file).split(path.sep);
  return relative.length === 1 ? relative[0]!.replace(/(\.ts)?$/, '.ts') : `${relative[0]}/`;
}

/** folder → the set of other folders it imports from. */
export function importGraph(srcDir: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      const to = folderOf(srcDir, path.resolve(path.dirname(file), specifier));
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

export function renderGraph(graph: Map<string, Set<string>>): string {
  const lines = ['| folder | imports from |', '|---|---|'];
  for (const folder of [...graph.keys()].sort()) {
    const targets = [...graph.get(folder)!].sort();
    lines.push(`| ${folder} | ${targets.length ? targets.join(', ') : '—'} |`);
  }
  return lines.join('\n');
}

if (require.main === module) console.log(renderGraph(importGraph(path.join(projectRoot, 'src'))));
