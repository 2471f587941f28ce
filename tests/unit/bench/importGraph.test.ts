import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, renderGraph } from '../../../src/bench/importGraph';
import { projectRoot } from '../../../src/paths';

const srcDir = path.join(projectRoot, 'src');
const graph = importGraph(srcDir);

/** The features in the README's order: each may import those before it, never those after. */
const FEATURES = [
  'auth/',
  'admin/',
  'segments/',
  'stats/',
  'batches/',
  'articles/',
  'glossary/',
  'findings/',
  'annotations/',
  'comments/',
  'search/',
  'quality/',
  'export/',
  'presence/',
  'live/',
];
const PURE = ['codes/', 'segmentation/', 'diff/', 'metrics/', 'qa/', 'interchange/', 'matching/'];

describe('The folder map (README)', () => {
  it.each(PURE.filter((folder) => graph.has(folder)))('when %s imports, then only other pure folders', (folder) => {
    expect([...graph.get(folder)!].filter((target) => !PURE.includes(target))).toEqual([]);
  });

  it.each(FEATURES.filter((folder) => graph.has(folder)))('when %s imports a feature, then only one before it in the order', (folder) => {
    const later = FEATURES.slice(FEATURES.indexOf(folder) + 1);
    expect([...graph.get(folder)!].filter((target) => later.includes(target))).toEqual([]);
  });

  it('when any file imports a repository, then it is one of its own folder', () => {
    const reachingIn: string[] = [];
    for (const folder of fs.readdirSync(srcDir)) {
      const dir = path.join(srcDir, folder);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
        const source = fs.readFileSync(path.join(dir, file), 'utf8');
        for (const match of source.matchAll(/from '\.\.\/(\w+)\/\w*Repository'/g)) reachingIn.push(`${folder}/${file} → ${match[1]}`);
      }
    }
    expect(reachingIn).toEqual([]);
  });

  it('when the graph is printed, then every folder is a row with what it imports', () => {
    const table = renderGraph(
      new Map([
        ['b/', new Set(['a/', 'errors.ts'])],
        ['a/', new Set<string>()],
      ]),
    );
    expect(table.split('\n')).toEqual(['| folder | imports from |', '|---|---|', '| a/ | — |', '| b/ | a/, errors.ts |']);
  });
});
