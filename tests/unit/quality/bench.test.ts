import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../src/bench/generateArticle';
import { openDatabase } from '../../../src/db/database';
import { migrate } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';
import { benchQuality, correctForBench } from '../../../src/quality/bench';
import { createServices } from '../../../src/services';

describe('Quality benchmark', () => {
  it('when run on a small corrected article, then every timing is measured and the printable report lists every segment', () => {
    const db = openDatabase(':memory:');
    migrate(db, migrationsDir);
    const services = createServices(db);
    const userId = services.accounts.repository.insertUser('rita', 'Rita Reviewer', 'reviewer', 'no password: tests only', new Date().toISOString());
    const article = services.articles.importArticle({ text: generateArticle(240).text, title: 'Bench', author: 'bench' });
    const changed = correctForBench(db, article.id, { userId, username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer' }, 2);
    expect(changed).toBeGreaterThan(100);

    const result = benchQuality(db, article.id, 2);
    expect(result.segments).toBe(services.articles.segments(article.id).length);
    expect(result.changedSegments).toBe(changed);
    for (const timing of [result.metricsColdMs, result.metricsCachedMs, result.reportViewModelMs, result.reportHtmlMs, result.printViewModelMs, result.printHtmlMs]) {
      expect(timing.median).toBeGreaterThan(0);
      expect(timing.min).toBeLessThanOrEqual(timing.max);
    }
    // 100 rows on the opened page, all of them in the printable one.
    expect(result.printHtmlBytes).toBeGreaterThan(result.reportHtmlBytes);
    expect(db.prepare('SELECT count(*) AS count FROM segment_metrics').get()).toEqual({ count: changed });
  });
});
