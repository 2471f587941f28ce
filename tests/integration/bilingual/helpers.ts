/**
 * The real interchange files (../shared/interchange beside the checkout), for the
 * bilingual import and export tests through the app.
 */
export { interchangeDir, readReal, realFiles, schemaDir, xliffSchema, xmllint } from '../../unit/interchange/files';
import type { Db } from '../../../src/db/database';

export const countRows = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
