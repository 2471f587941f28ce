import { describe, expect, it } from 'vitest';
import { benchFindings } from '../../../src/bench/findings';
import { generateArticle } from '../../../src/bench/generateArticle';
import { openDatabase } from '../../../src/db/database';
import { migrate } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';
import { toActor } from '../../../src/auth/model';
import { createServices } from '../../../src/services';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from '../../helpers/app';

describe('QA findings benchmark', () => {
  it('when run on a small article, then each run times the saves and the refreshes, and every sampled sentence was saved', async () => {
    const db = openDatabase(':memory:');
    migrate(db, migrationsDir);
    const services = createServices(db, { passwordCost: TEST_PASSWORD_COST });
    const user = { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer' as const, password: TEST_PASSWORD };
    const reviewer = toActor(await services.accounts.createUser(user, undefined));
    const article = await services.articles.importArticle({ text: generateArticle(60).text, title: 'Bench', author: 'bench' });

    const result = await benchFindings({ ...services, db }, article.id, reviewer, 2, 20);

    expect(result).toMatchObject({ segments: 20, glossaryEntries: 50 });
    expect(result.saveUs).toHaveLength(2);
    expect(result.refreshUs).toHaveLength(2);
    for (const sample of [...result.saveUs, ...result.refreshUs]) expect(sample).toBeGreaterThan(0);
    const sampled = services.segments.ofArticle(article.id).slice(0, 20);
    expect(sampled.map((segment) => segment.version)).toEqual(sampled.map(() => 3));
    expect(services.glossary.entries(article.id)).toHaveLength(50);
  }, 20_000); // 50 glossary writes and 40 saves: seconds on a busy shared machine
});
