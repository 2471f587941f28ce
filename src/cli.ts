#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { openMigratedDatabase } from './startup';
import { createServices, type ServiceOptions } from './services';
import { ARTICLE_FORMATS, type ArticleFormat } from './articles/model';
import { languageTag } from './articles/languageTags';
import { EXPORT_FORMATS, exportArticle, type ExportFormat } from './export/exportService';
import { AppError, databaseRefusal } from './errors';
import { backupDatabase } from './db/backup';
import { GLOSSARY_FORMATS, type GlossaryFormat } from './glossary/glossaryService';
import { generatePassword } from './auth/passwords';
import { DISPLAY_NAME_MAX } from './auth/model';
import { newUserSchema, tokenLabelSchema } from './auth/schemas';
import { TITLE_MAX } from './articles/articleService';
import { lineOfText, optionalLineOfText } from './web/fields';
import { escapeControlCharacters } from './web/typedText';
import { parseInput } from './web/validate';
import { replaceInArticle } from './batches/replaceCli';

const USAGE = `Usage:
  redline import FILE [--title TITLE] [--author NAME]   import an article, print its id (progress on stderr): .txt/.md,
         [--format FORMAT] [--source SOURCE_FILE]       .xlf/.xliff (XLIFF 1.2/2.0), .tsv/.csv (source and MT columns),
         [--source-language TAG] [--target-language TAG] or a .txt MT file with --source the .txt source file
  redline export ID [--format FORMAT]                   print the article to stdout: txt, md, html, json,
                                                        xliff, xliff2, tmx, pe-jsonl, pe-tsv
  redline list                                          list articles (id, status counts, title)
  redline backup FILE                                   copy the database, consistently, while the server runs
  redline recount [ID]                                  rebuild the stored figures of one article or of all
  redline glossary import FILE [--article ID]           import a glossary (.csv or .tbx) into the shared
                                                        glossary or an article's; entries with the same
                                                        term are updated; all or nothing
  redline glossary export [--article ID] [--format csv|tbx]
                                                        print a glossary (default csv) to stdout
  redline user add USERNAME --role admin|reviewer|editor [--display-name NAME]
                                                        create an account; the password is read from stdin
                                                        (piped), else a generated one is printed
  redline token create USERNAME [--label LABEL]         print a new API token for that account
  redline replace ARTICLE --find X --replace Y [--regex] [--match-case] [--whole-word] [--dry-run] [--author NAME]
                                                        replace in an article's current text as one batch
                                                        (undoable in the browser); --dry-run lists the matches

The database is REDLINE_DB (default db/redline.sqlite).`;

class UsageError extends Error {}

/** Where the CLI reads and writes: the process's own streams, or a test's. */
export interface CliIo {
  /** Bytes only for a file in its own encoding (an XLIFF export). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** What was piped in; undefined when the input is a terminal. */
  stdin: () => string | undefined;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs one command and resolves to its exit code: 0, 1 (bad data) or 2 (bad usage).
 * Errors are printed as one line (`redline: ...`), never as a stack trace.
 */
export async function runCli(argv: string[], io: CliIo, serviceOptions: ServiceOptions = {}): Promise<number> {
  try {
    await run(argv, io, serviceOptions);
    return 0;
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    // A full disk or a database another process keeps locked reads as the server says it.
    const message = databaseRefusal(error)?.message ?? (error as Error).message;
    io.stderr(`redline: ${message}${isUsage ? `\n\n${USAGE}` : ''}\n`);
    return isUsage ? 2 : 1;
  }
}

async function run(argv: string[], io: CliIo, serviceOptions: ServiceOptions): Promise<void> {
  const print = (line: string | number) => io.stdout(`${line}\n`);
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    print(USAGE);
    return;
  }
  const config = loadConfig(io.env);
  const { db } = openMigratedDatabase(config.databasePath);
  const services = createServices(db, { limits: config.limits, ...serviceOptions });
  try {
    switch (command) {
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            title: { type: 'string' },
            author: { type: 'string' },
            format: { type: 'string' },
            source: { type: 'string' },
            'source-language': { type: 'string' },
            'target-language': { type: 'string' },
          },
        });
        if (values.format !== undefined && !(ARTICLE_FORMATS as readonly string[]).includes(values.format))
          throw new UsageError(`--format must be one of ${ARTICLE_FORMATS.join(', ')}.`);
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new UsageError('import takes exactly one FILE.');
        const readLimited = (name: string) => {
          const bytes = readFile(name);
          if (bytes.length > config.maxUploadBytes) {
            throw new AppError(
              413,
              'too_large',
              `${name} is larger than the limit of ${config.maxUploadBytes} bytes (REDLINE_MAX_UPLOAD_MB).`,
            );
          }
          return bytes;
        };
        const bytes = readLimited(file);
        const source = values.source === undefined ? undefined : readLimited(values.source);
        // Written in short steps (the server, if running, keeps serving between them); progress after a second.
        const started = Date.now();
        let reported = started;
        const article = await services.articles.importArticle({
          text: bytes,
          source,
          format: values.format as ArticleFormat | undefined,
          sourceLanguage: values['source-language'] === undefined ? undefined : languageTag('--source-language', values['source-language']),
          targetLanguage: values['target-language'] === undefined ? undefined : languageTag('--target-language', values['target-language']),
          // The same rules as the import form's: one line, no control characters.
          title: parseInput(optionalLineOfText('A title', TITLE_MAX), values.title),
          fileName: path.basename(file),
          author: parseInput(
            lineOfText('An author name', DISPLAY_NAME_MAX, 'Give an author name.'),
            values.author ?? os.userInfo().username,
          ),
          onProgress: ({ segments, characters, totalCharacters }) => {
            const at = Date.now();
            if (at - reported < 1_000) return;
            reported = at;
            const share = totalCharacters > 0 ? Math.floor((characters / totalCharacters) * 100) : 0;
            io.stderr(`redline: imported ${segments.toLocaleString('en-US')} segments (${share} % of the text)…\n`);
          },
        });
        if (reported !== started) io.stderr(`redline: done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
        print(article.id);
        return;
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { format: { type: 'string', default: 'txt' } },
        });
        const id = Number(positionals[0]);
        if (positionals.length !== 1 || !Number.isSafeInteger(id) || id < 1)
          throw new UsageError('export takes one article ID (a positive whole number).');
        if (!(EXPORT_FORMATS as readonly string[]).includes(values.format))
          throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
        for await (const chunk of exportArticle(services, values.format as ExportFormat, id).chunks) io.stdout(chunk);
        return;
      }
      case 'user': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { role: { type: 'string' }, 'display-name': { type: 'string' } },
        });
        if (positionals[0] !== 'add' || positionals.length !== 2) throw new UsageError('user takes: add USERNAME --role ROLE.');
        if (!values.role) throw new UsageError('user add needs --role admin, reviewer or editor.');
        const piped = (io.stdin() ?? '').replace(/\r?\n$/, '');
        const password = piped || generatePassword();
        const fields = parseInput(newUserSchema, {
          username: positionals[1],
          displayName: values['display-name'] ?? positionals[1],
          role: values.role,
          password,
        });
        const user = await services.accounts.createUser(fields, {
          userId: 0,
          username: `cli:${os.userInfo().username}`,
          displayName: 'CLI',
          role: 'admin',
        });
        print(`Created ${user.role} ${user.username} (id ${user.id}).`);
        if (!piped) print(`Password: ${password}`);
        return;
      }
      case 'token': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { label: { type: 'string', default: 'cli' } },
        });
        if (positionals[0] !== 'create' || positionals.length !== 2) throw new UsageError('token takes: create USERNAME [--label LABEL].');
        const label = parseInput(tokenLabelSchema, values.label);
        const { token } = services.accounts.createToken(services.accounts.activeActor(positionals[1]!), label);
        print(token);
        return;
      }
      case 'replace': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            find: { type: 'string' },
            replace: { type: 'string' },
            regex: { type: 'boolean', default: false },
            'match-case': { type: 'boolean', default: false },
            'whole-word': { type: 'boolean', default: false },
            'dry-run': { type: 'boolean', default: false },
            author: { type: 'string' },
          },
        });
        const id = Number(positionals[0]);
        if (positionals.length !== 1 || !Number.isSafeInteger(id) || id < 1)
          throw new UsageError('replace takes one article ID (a positive whole number).');
        if (values.find === undefined || values.replace === undefined)
          throw new UsageError('replace needs --find TEXT and --replace TEXT.');
        await replaceInArticle(
          services,
          {
            articleId: id,
            find: values.find,
            replace: values.replace,
            regex: values.regex,
            matchCase: values['match-case'],
            wholeWord: values['whole-word'],
            dryRun: values['dry-run'],
            author: values.author ?? os.userInfo().username,
          },
          print,
        );
        return;
      }
      case 'list': {
        for (const article of services.articles.list()) {
          const counts = Object.entries(article.counts)
            .map(([status, count]) => `${status} ${count}`)
            .join(', ');
          // A title may be old or derived from a file name: its control characters are shown, not run by the terminal.
          print(`${article.id}\t${counts}\t${escapeControlCharacters(article.title)}`);
        }
        return;
      }
      case 'backup': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        if (positionals.length !== 1) throw new UsageError('backup takes exactly one FILE (the copy to write).');
        const target = path.resolve(positionals[0]!);
        if (fs.existsSync(target)) throw new AppError(409, 'file_exists', `${target} already exists; choose a new file name.`);
        const { totalPages } = await backupDatabase(db, target);
        print(`Backed up ${config.databasePath} to ${target} (${totalPages} pages).`);
        return;
      }
      case 'recount': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        const id = positionals.length === 1 ? Number(positionals[0]) : undefined;
        if (positionals.length > 1 || (id !== undefined && (!Number.isSafeInteger(id) || id < 1)))
          throw new UsageError('recount takes at most one article ID (a positive whole number).');
        const ids = id === undefined ? services.articles.ids() : [services.articles.get(id).id];
        for (const articleId of ids) {
          const { figures } = services.stats.recount(articleId);
          print(`Recounted article ${articleId} (${figures.counters.segments} segments).`);
        }
        return;
      }
      case 'glossary': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { article: { type: 'string' }, format: { type: 'string', default: 'csv' } },
        });
        const articleId = values.article === undefined ? null : Number(values.article);
        if (articleId !== null && (!Number.isSafeInteger(articleId) || articleId < 1))
          throw new UsageError('--article takes an article ID (a positive whole number).');
        if (positionals[0] === 'import' && positionals.length === 2) {
          const file = positionals[1]!;
          const parsed = await services.glossary.parseFile(readFile(file), path.basename(file));
          const author = { name: os.userInfo().username, userId: null };
          const { result, change } = await services.writes.run(() => services.glossary.applyImport(articleId, parsed, author));
          const { segments } = await services.findings.recheckGlossary(change);
          const skipped = result.otherLanguage ? `, ${result.otherLanguage} in another language left out` : '';
          print(
            `${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged${skipped}; ${segments} sentences re-checked.`,
          );
          return;
        }
        if (positionals[0] === 'export' && positionals.length === 1) {
          if (!(GLOSSARY_FORMATS as readonly string[]).includes(values.format))
            throw new UsageError(`--format must be one of ${GLOSSARY_FORMATS.join(', ')}.`);
          io.stdout(services.glossary.exportFile(articleId, values.format as GlossaryFormat).body);
          return;
        }
        throw new UsageError('glossary takes: import FILE [--article ID], or export [--article ID] [--format csv|tbx].');
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } finally {
    db.close();
  }
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(400, 'unreadable_file', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file} (${code}).`);
  }
}

/** The terminal's streams; piped input is read whole, a terminal's is not waited for. */
function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => {
      if (process.stdin.isTTY) return undefined;
      try {
        return fs.readFileSync(0, 'utf8');
      } catch {
        return undefined;
      }
    },
    env: process.env,
  };
}

if (require.main === module) {
  void runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
