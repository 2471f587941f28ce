import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { migrationsDir } from '../../src/paths';

/** An in-memory database at schema `version`: migrated with the first `version` migrations only, as an older Redline left it. */
export function databaseAtSchema(version: number): Db {
  const older = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-migrations-'));
  for (const file of fs.readdirSync(migrationsDir).filter((name) => Number(/^(\d{4})_/.exec(name)?.[1]) <= version)) {
    fs.copyFileSync(path.join(migrationsDir, file), path.join(older, file));
  }
  const db = openDatabase(':memory:');
  migrate(db, older);
  return db;
}
