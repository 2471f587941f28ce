import fs from 'node:fs';
import { openDatabase, type Db } from './db/database';
import { migrate } from './db/migrate';
import { migrationsDir, sampleArticlePath } from './paths';
import type { Services } from './services';

export const SAMPLE_TITLE = 'US, French and Ukrainian officials meet in Paris for talks on ending the war';

/** Opens the database and brings its schema up to date; shared by the server and the CLI. */
export function openMigratedDatabase(path: string): { db: Db; wasNew: boolean } {
  const db = openDatabase(path);
  try {
    const { from } = migrate(db, migrationsDir);
    return { db, wasNew: from === 0 };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** On the first start the sample article is imported, so there is something to review. */
export async function importSample({ articles }: Pick<Services, 'articles'>): Promise<number> {
  const text = fs.readFileSync(sampleArticlePath, 'utf8');
  return (await articles.importArticle({ text, title: SAMPLE_TITLE, author: 'Redline sample' })).id;
}

/**
 * Counts the stored figures of the articles that have none (stored before figures were)
 * or whose sums were made by another metrics algorithm. Before serving: it reads every
 * segment of those articles. Returns their ids.
 */
export function fillMissingFigures({ articles, stats }: Pick<Services, 'articles' | 'stats'>): number[] {
  const missing = stats.needingRecount(articles.ids());
  for (const articleId of missing) stats.recount(articleId);
  return missing;
}
