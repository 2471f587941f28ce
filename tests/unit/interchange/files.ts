/**
 * The real interchange files (../shared/interchange beside the checkout) and
 * xmllint, for the interchange tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/paths';

// CI has shared/ beside the checkout; a worktree under wt/ has it one level further up.
const candidates = [path.join(projectRoot, '..', 'shared', 'interchange'), path.join(projectRoot, '..', '..', 'shared', 'interchange')];
export const interchangeDir = candidates.find((dir) => existsSync(path.join(dir, 'README.md'))) ?? candidates[0]!;
export const schemaDir = path.join(interchangeDir, 'xsd');

export interface RealFile {
  name: string;
  format: 'xliff1.2' | 'xliff2.0' | 'tmx' | 'tbx';
  units: number;
  expected: 'accept' | 'refuse';
}

/** The README's table of files: name, format, units, accept/refuse. */
export function realFiles(): RealFile[] {
  const readme = readFileSync(path.join(interchangeDir, 'README.md'), 'utf8');
  const rows: RealFile[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`files\/([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    rows.push({ name, format: cells[2] as RealFile['format'], units: Number(cells[4]), expected: cells[6] as RealFile['expected'] });
  }
  return rows;
}

export function readReal(name: string): Buffer {
  return readFileSync(path.join(interchangeDir, 'files', name));
}

export interface Validation {
  valid: boolean;
  /** Messages without file names and line numbers, to compare two documents' problems. */
  errors: string[];
}

/** Runs xmllint offline on a document; `check` is e.g. ['--schema', xsd] or ['--dtdvalid', dtd]. */
export function xmllint(document: string | Uint8Array, check: string[]): Validation {
  const dir = mkdtempSync(path.join(tmpdir(), 'redline-xmllint-'));
  const file = path.join(dir, 'document.xml');
  try {
    writeFileSync(file, document);
    let output = '';
    let valid = true;
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--catalogs', ...check, file], {
        env: { ...process.env, XML_CATALOG_FILES: path.join(schemaDir, 'catalog.xml') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      valid = false;
      output = String((error as { stderr?: Buffer }).stderr ?? '');
    }
    const errors = output
      .split('\n')
      .filter((line) => line.includes('error') && !line.includes('SGML_CATALOG_FILES'))
      .map((line) => line.replace(/^[^:]*:\d+:\s*/, '').trim());
    return { valid, errors: [...new Set(errors)].sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function xliffSchema(version: '1.2' | '2.0'): string[] {
  // Real 1.2 files use extensions, which only the transitional schema allows.
  return ['--schema', path.join(schemaDir, version === '1.2' ? 'xliff-core-1.2-transitional.xsd' : 'xliff_core_2.0.xsd')];
}
