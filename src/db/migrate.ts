import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds tables, so it runs with foreign keys off (see migrate). */
  foreignKeysOff: boolean;
}

/** First line of a migration that rebuilds tables (create, copy, drop, rename). */
const FOREIGN_KEYS_OFF = /^-- redline:foreign-keys-off\s*$/m;

export class DatabaseTooNewError extends Error {
  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database is at schema version ${databaseVersion}, but this Redline only knows migrations up to ${codeVersion}. ` +
        'It was written by a newer Redline: upgrade Redline, or point REDLINE_DB at another file.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function readMigrations(directory: string): Migration[] {
  const migrations = fs
    .readdirSync(directory)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({
      version: Number(MIGRATION_FILE.exec(file)![1]),
      name: file,
      sql: fs.readFileSync(path.join(directory, file), 'utf8'),
    }))
    .map((migration) => ({ ...migration, foreignKeysOff: FOREIGN_KEYS_OFF.test(migration.sql.split('\n', 1)[0]!) }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002, ... without gaps; found ${migration.name}.`);
    }
  });
  return migrations;
}

/**
 * Brings the schema up to date. Each migration and its `user_version` bump run in
 * one transaction, so a failed step leaves the database at the previous version.
 * Returns the version the database had before, 0 for a new database.
 */
export function migrate(db: Db, directory: string): { from: number; to: number } {
  const migrations = readMigrations(directory);
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  for (const migration of migrations.slice(from)) {
    // Dropping a table that others reference would cascade-delete their rows while foreign keys are
    // on, and the pragma cannot change inside a transaction: so it is switched off around it, and the
    // references are checked before the commit (SQLite's documented procedure for rebuilding tables).
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`Migration ${migration.name} leaves ${broken.length} broken references; nothing was changed.`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: latest };
}
