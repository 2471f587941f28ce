import { describe, expect, it } from 'vitest';
import { benchQuality } from '../../../src/bench/quality';
import { generateArticle } from '../../../src/bench/generateArticle';
import { openDatabase } from '../../../src/db/database';
import { migrate } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';
import { toActor } from '../../../src/auth/model';
import { createServices } from '../../../src/services';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from '../../helpers/app';

describe('Quality benchmark', () => {
  it('when run on a small corrected article, then every timing is measured each run and the corrected sentences are cached', async () => {
    const db = openDatabase(':memory:');
    migrate(db, migrationsDir);
    const services = createServices(db, { passwordCost: TEST_PASSWORD_COST });
    const reviewer = toActor(
      await services.accounts.createUser(
        { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer', password: TEST_PASSWORD },
        undefined,
      ),
    );
    const article = await services.articles.importArticle({ text: generateArticle(240).text, title: 'Bench', author: 'bench' });
    const all = () => services.articles.segments(article.id, { offset: 0, limit: 10_000 });
    // Every other sentence gets a word replaced, as an editor would.
    const corrected = all().filter((segment, index) => segment.kind === 'sentence' && index % 2 === 0);
    for (const segment of corrected) {
      services.segments.change(segment.id, { version: segment.version, text: segment.mt.replace(/^\S+/, 'Reportedly'), actor: reviewer });
    }

    const result = benchQuality(services, article.id, 2);
    expect(result.segments).toBe(all().length);
    expect(result.changedSegments).toBe(corrected.length);
    for (const samples of [result.metricsColdMs, result.recountMs, result.reportViewModelMs, result.reportHtmlMs]) {
      expect(samples).toHaveLength(2);
      for (const sample of samples) expect(sample).toBeGreaterThan(0);
    }
    // One page of rows on the opened report.
    expect(result.reportHtmlBytes).toBeGreaterThan(10_000);
    expect(db.prepare('SELECT count(*) AS count FROM segment_metrics').get()).toEqual({ count: corrected.length });
  }, 20_000); // it imports, saves (each with its QA refresh) and renders: seconds on a busy shared machine
});
