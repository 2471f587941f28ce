import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { DatabaseTooNewError, migrate, readMigrations } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-')), 'test.sqlite');

describe('Database', () => {
  it('when a file database is opened, then it uses WAL, synchronous FULL, foreign keys, small checkpoints, a bounded log file and in-memory statement journals', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(250);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    db.close();
  });

  it('when migrating a new database, then every migration is applied once and the version recorded', () => {
    const db = openDatabase(':memory:');
    const latest = readMigrations(migrationsDir).length;
    expect(migrate(db, migrationsDir)).toEqual({ from: 0, to: latest });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(migrate(db, migrationsDir)).toEqual({ from: latest, to: latest });
  });

  it('when the database is newer than the migrations, then migrate refuses with a clear message', () => {
    const db = openDatabase(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db, migrationsDir)).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, migrationsDir)).toThrow(/schema version 999.*newer Redline/);
  });

  it('when a migration fails, then its changes and version bump are rolled back together', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-migrations-'));
    fs.writeFileSync(path.join(directory, '0001_good.sql'), 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
    fs.writeFileSync(path.join(directory, '0002_bad.sql'), 'CREATE TABLE b (id INTEGER PRIMARY KEY); INSERT INTO missing VALUES (1);');
    const db = openDatabase(':memory:');
    expect(() => migrate(db, directory)).toThrow(/no such table: missing/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });
});
