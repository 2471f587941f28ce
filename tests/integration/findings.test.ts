import { describe, expect, it, vi } from 'vitest';
import { importThread } from '../../src/articles/importThread';
import { createTestApp, csrfFrom, importViaApi, type TestApp } from '../helpers/app';

// Sentence 1 has a space before a hyphen (certain fix), sentence 2 an unclosed bracket (no certain fix), sentence 3 nothing.
const TEXT = 'They want to end the three -year war. He (left early. The Kremlin criticized the initiative.';

interface FindingJson {
  id: number;
  check: string;
  start: number;
  end: number;
  message: string;
  fix?: string;
  dismissed: boolean;
  segmentVersion: number;
  dismissedBy?: string;
  dismissReason?: string;
}

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT);
  const client = await testApp.api('reviewer');
  const segmentOf = async (id: number) =>
    (await client.get(`/api/segments/${id}`).expect(200)).body as {
      text: string;
      version: number;
      status: string;
      findings: FindingJson[];
    };
  const [hyphen, bracket, clean] = article.segments;
  return { ...testApp, article, client, segmentOf, hyphen: hyphen!, bracket: bracket!, clean: clean! };
}

const openCount = (db: TestApp['db'], segmentId: number) =>
  (db.prepare('SELECT open_findings AS open FROM segments WHERE id = ?').get(segmentId) as { open: number }).open;
const storedFindings = (db: TestApp['db'], segmentId: number) =>
  db.prepare('SELECT id, check_id AS "check", dismissed_at IS NOT NULL AS dismissed FROM findings WHERE segment_id = ?').all(segmentId);

describe('QA findings on import and in the segment API', () => {
  it('when an article is imported, then each segment carries its findings with span, message and certain fix', async () => {
    const { client, article, db, hyphen, bracket, clean } = await setup();
    const body = (await client.get(`/api/articles/${article.id}`).expect(200)).body as {
      segments: { id: number; findings: FindingJson[] }[];
    };
    const byId = new Map(body.segments.map((segment) => [segment.id, segment.findings]));
    expect(byId.get(hyphen.id)).toEqual([
      expect.objectContaining({ check: 'space-before-hyphen', start: 26, end: 28, fix: '-', dismissed: false, segmentVersion: 1 }),
    ]);
    expect(hyphen.text.slice(26, 28)).toBe(' -');
    const [unclosed] = byId.get(bracket.id)!;
    expect(unclosed).toMatchObject({ check: 'unbalanced-brackets', dismissed: false });
    expect(unclosed).not.toHaveProperty('fix');
    expect(byId.get(clean.id)).toEqual([]);
    expect([openCount(db, hyphen.id), openCount(db, bracket.id), openCount(db, clean.id)]).toEqual([1, 1, 0]);
  });

  it('when an article has more sentences than one insert statement takes, then each keeps its text, place and own findings', async () => {
    const testApp = createTestApp();
    // 130 sentences: the import writes them 50 rows per statement; the faulty ones sit on either side of those boundaries.
    const faulty = new Set([0, 49, 50, 99, 129]);
    const sentences = Array.from({ length: 130 }, (_, index) =>
      faulty.has(index) ? `They want to end the three -year war number ${index}.` : `The council met for session number ${index}.`,
    );
    const article = await importViaApi(testApp, sentences.join(' '));
    expect(article.segments.map((segment) => segment.text)).toEqual(sentences);
    const withFindings = article.segments.flatMap((segment, index) => (openCount(testApp.db, segment.id) > 0 ? [index] : []));
    expect(withFindings).toEqual([...faulty]);
    for (const index of faulty)
      expect(storedFindings(testApp.db, article.segments[index]!.id)).toEqual([expect.objectContaining({ check: 'space-before-hyphen' })]);
  });

  it('when the import worker leaves a chunk unchecked, then the import checks it itself: the same findings, counts and stored figures', async () => {
    const faulty = new Set([3, 120, 129]);
    const sentences = Array.from({ length: 130 }, (_, index) =>
      faulty.has(index) ? `They want to end the three -year war number ${index}.` : `The council met for session number ${index}.`,
    );
    // The worker reads chunks without their checks when the importing side waits for it; here every chunk after the first comes so.
    const prepare = importThread.prepare.bind(importThread);
    const spy = vi.spyOn(importThread, 'prepare').mockImplementation((request) => {
      const prepared = prepare(request);
      let chunks = 0;
      return {
        ...prepared,
        next: async () => {
          const piece = await prepared.next();
          return piece.type === 'chunk' && chunks++ > 0 ? { type: 'chunk', chunk: { ...piece.chunk, checked: null } } : piece;
        },
      };
    });
    const testApp = createTestApp();
    try {
      const article = await importViaApi(testApp, sentences.join(' '));
      expect(spy).toHaveBeenCalledTimes(1);
      expect(article.segments.map((segment) => segment.text)).toEqual(sentences);
      const withFindings = article.segments.flatMap((segment, index) => (openCount(testApp.db, segment.id) > 0 ? [index] : []));
      expect(withFindings).toEqual([...faulty]);
      for (const index of faulty)
        expect(storedFindings(testApp.db, article.segments[index]!.id)).toEqual([
          expect.objectContaining({ check: 'space-before-hyphen' }),
        ]);
      const stored = testApp.db
        .prepare('SELECT segments, open_findings AS openFindings FROM article_stats WHERE article_id = ?')
        .get(article.id);
      expect(stored).toEqual({ segments: 130, openFindings: 3 });
    } finally {
      spy.mockRestore();
    }
  });

  it('when a word elsewhere in the sentence is edited, then the finding keeps its id and dismissal and moves with the text', async () => {
    const { client, segmentOf, hyphen, db } = await setup();
    const [before] = (await segmentOf(hyphen.id)).findings;
    await client.post(`/api/findings/${before!.id}/dismiss`).send({ reason: 'House style of this client' }).expect(200);
    const edited = hyphen.text.replace('They want', 'Washington wants');
    const saved = await client.patch(`/api/segments/${hyphen.id}`).send({ text: edited, version: 1 }).expect(200);
    const [after] = saved.body.findings as FindingJson[];
    expect(after).toMatchObject({ id: before!.id, dismissed: true, dismissReason: 'House style of this client', segmentVersion: 2 });
    expect(edited.slice(after!.start, after!.end)).toBe(' -');
    expect(openCount(db, hyphen.id)).toBe(0);
  });

  it('when the problem is edited away, then its finding is gone and the open count is zero', async () => {
    const { client, db, hyphen } = await setup();
    const saved = await client
      .patch(`/api/segments/${hyphen.id}`)
      .send({ text: hyphen.text.replace(' -', '-'), version: 1 })
      .expect(200);
    expect(saved.body.findings).toEqual([]);
    expect(storedFindings(db, hyphen.id)).toEqual([]);
    expect(openCount(db, hyphen.id)).toBe(0);
  });
});

describe('POST /api/findings/:id/fix', () => {
  it('when the finding has a certain fix, then it is applied as a "fix" revision and the finding is gone', async () => {
    const { client, db, segmentOf, hyphen } = await setup();
    const [finding] = (await segmentOf(hyphen.id)).findings;
    const response = await client.post(`/api/findings/${finding!.id}/fix`).expect(200);
    expect(response.body).toMatchObject({
      id: hyphen.id,
      text: 'They want to end the three-year war.',
      status: 'edited',
      version: 2,
      findings: [],
    });
    expect(db.prepare('SELECT action, text, author FROM revisions WHERE segment_id = ? AND version = 2').get(hyphen.id)).toEqual({
      action: 'fix',
      text: 'They want to end the three-year war.',
      author: 'Rita Reviewer',
    });
    expect(openCount(db, hyphen.id)).toBe(0);
    await client.post(`/api/findings/${finding!.id}/fix`).expect(404);
  });

  it('when the finding was made on an older version of the sentence, then 409 and nothing is written', async () => {
    const { client, db, segmentOf, hyphen } = await setup();
    const [finding] = (await segmentOf(hyphen.id)).findings;
    await client
      .patch(`/api/segments/${hyphen.id}`)
      .send({ text: hyphen.text.replace('They', 'We'), version: 1 })
      .expect(200);
    // As a preview taken before that edit would hold it.
    db.prepare('UPDATE findings SET segment_version = 1 WHERE id = ?').run(finding!.id);
    const response = await client.post(`/api/findings/${finding!.id}/fix`).expect(409);
    expect(response.body.error.code).toBe('stale_version');
    expect((await segmentOf(hyphen.id)).text).toBe('We want to end the three -year war.');
  });

  it('when the finding has no certain fix, then 422 and the sentence is unchanged', async () => {
    const { client, segmentOf, bracket } = await setup();
    const [finding] = (await segmentOf(bracket.id)).findings;
    const response = await client.post(`/api/findings/${finding!.id}/fix`).expect(422);
    expect(response.body.error.code).toBe('no_fix');
    expect(await segmentOf(bracket.id)).toMatchObject({ version: 1, text: bracket.text });
  });

  it('when the finding does not exist, then 404; without credentials, 401', async () => {
    const { client, app } = await setup();
    await client.post('/api/findings/999/fix').expect(404);
    const request = (await import('supertest')).default;
    await request(app).post('/api/findings/1/fix').expect(401);
  });
});

describe('Dismissing and restoring findings', () => {
  it('when a finding is dismissed with a reason, then it is attributed and stops counting; restore makes it open again', async () => {
    const { client, db, segmentOf, bracket } = await setup();
    const [finding] = (await segmentOf(bracket.id)).findings;
    const dismissed = await client.post(`/api/findings/${finding!.id}/dismiss`).send({ reason: '  A quoted fragment  ' }).expect(200);
    expect(dismissed.body).toMatchObject({ dismissed: true, dismissedBy: 'Rita Reviewer', dismissReason: 'A quoted fragment' });
    expect(openCount(db, bracket.id)).toBe(0);
    expect((await client.post(`/api/findings/${finding!.id}/dismiss`).send({ reason: 'again' }).expect(409)).body.error.code).toBe(
      'already_dismissed',
    );
    const restored = await client.post(`/api/findings/${finding!.id}/restore`).expect(200);
    expect(restored.body).toMatchObject({ dismissed: false });
    expect(restored.body).not.toHaveProperty('dismissedBy');
    expect(openCount(db, bracket.id)).toBe(1);
    expect((await client.post(`/api/findings/${finding!.id}/restore`).expect(409)).body.error.code).toBe('not_dismissed');
  });

  it('when a dismissal has no reason, then 422 and the finding stays open', async () => {
    const { client, db, segmentOf, bracket } = await setup();
    const [finding] = (await segmentOf(bracket.id)).findings;
    expect((await client.post(`/api/findings/${finding!.id}/dismiss`).send({ reason: '   ' }).expect(422)).body.error.code).toBe(
      'reason_required',
    );
    await client.post(`/api/findings/${finding!.id}/dismiss`).send({}).expect(422);
    expect(openCount(db, bracket.id)).toBe(1);
  });
});

describe('GET /api/articles/:id/findings', () => {
  it('when listed, then findings come in reading order with counts by check; dismissed ones only when asked', async () => {
    const { client, article, segmentOf, bracket } = await setup();
    const all = (await client.get(`/api/articles/${article.id}/findings`).expect(200)).body;
    expect(all.total).toBe(2);
    expect(all.findings.map((finding: FindingJson & { position: number }) => [finding.check, finding.position])).toEqual([
      ['space-before-hyphen', 0],
      ['unbalanced-brackets', 1],
    ]);
    const [finding] = (await segmentOf(bracket.id)).findings;
    await client.post(`/api/findings/${finding!.id}/dismiss`).send({ reason: 'fine' }).expect(200);
    expect((await client.get(`/api/articles/${article.id}/findings`).expect(200)).body.total).toBe(1);
    const withDismissed = (await client.get(`/api/articles/${article.id}/findings?includeDismissed=true`).expect(200)).body;
    expect(withDismissed.total).toBe(2);
    expect(withDismissed.byCheck).toEqual([
      { check: 'space-before-hyphen', title: expect.any(String), open: 1, dismissed: 0 },
      { check: 'unbalanced-brackets', title: expect.any(String), open: 0, dismissed: 1 },
    ]);
    const page = (await client.get(`/api/articles/${article.id}/findings?includeDismissed=1&offset=1&limit=1`).expect(200)).body;
    expect(page.findings.map((item: FindingJson) => item.check)).toEqual(['unbalanced-brackets']);
    const filtered = (await client.get(`/api/articles/${article.id}/findings?check=space-before-hyphen`).expect(200)).body;
    expect(filtered.findings).toHaveLength(1);
  });

  it('when the query is wrong or the article unknown, then 422 or 404', async () => {
    const { client, article } = await setup();
    expect((await client.get(`/api/articles/${article.id}/findings?check=nonsense`).expect(422)).body.error.message).toContain(
      'check must be one of',
    );
    await client.get(`/api/articles/${article.id}/findings?limit=0`).expect(422);
    await client.get('/api/articles/999/findings').expect(404);
  });
});

describe('Findings in the browser without JavaScript', () => {
  it('when the review page is filtered to "has QA findings", then only those rows show, with the count in the header', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const browser = await testApp.browser('editor');
    const page = (await browser.get(`/articles/${article.id}`).expect(200)).text;
    expect(page).toMatch(/data-count="findings">2<\/span><span class="sr-only"> findings in 2 sentences/);
    expect(page).toContain(`id="segment-${article.segments[2]!.id}"`);
    const filtered = (await browser.get(`/articles/${article.id}?findings=open`).expect(200)).text;
    expect(filtered).toContain(`id="segment-${article.segments[0]!.id}"`);
    expect(filtered).not.toContain(`id="segment-${article.segments[2]!.id}"`);
    expect(filtered.match(/<li class="segment /g)).toHaveLength(2);
  });

  it('when the Fix form is posted, then the sentence is fixed and the browser goes back to the row', async () => {
    const { services, ...testApp } = createTestApp();
    const article = await importViaApi({ services, ...testApp }, TEXT);
    const browser = await testApp.browser('editor');
    const page = (await browser.get(`/articles/${article.id}`).expect(200)).text;
    const findingId = /action="\/findings\/(\d+)\/fix"/.exec(page)![1];
    const response = await browser
      .post(`/findings/${findingId}/fix`)
      .type('form')
      .send({ _csrf: csrfFrom(page), returnTo: `/articles/${article.id}` })
      .expect(303);
    expect(response.headers.location).toBe(`/articles/${article.id}#segment-${article.segments[0]!.id}`);
    expect(services.segments.get(article.segments[0]!.id).text).toBe('They want to end the three-year war.');
    // Fixed twice (the form was sent again): the finding is gone.
    await browser
      .post(`/findings/${findingId}/fix`)
      .type('form')
      .send({ _csrf: csrfFrom(page) })
      .expect(404);
  });

  it('when a dismissal form has no reason, then the page says why and nothing is stored', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const browser = await testApp.browser('editor');
    const page = (await browser.get(`/articles/${article.id}`).expect(200)).text;
    const findingId = /action="\/findings\/(\d+)\/dismiss"/.exec(page)![1];
    const refused = await browser
      .post(`/findings/${findingId}/dismiss`)
      .type('form')
      .send({ _csrf: csrfFrom(page), reason: '' })
      .expect(422);
    expect(refused.text).toContain('Dismissing a finding needs a reason');
    expect(openCount(testApp.db, article.segments[0]!.id)).toBe(1);
  });

  it('when a sentence with open findings is approved by a plain form, then a confirm step asks once; confirmed, it is approved', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const browser = await testApp.browser('reviewer');
    const page = (await browser.get(`/articles/${article.id}`).expect(200)).text;
    const segment = article.segments[0]!;
    const form = { _csrf: csrfFrom(page), version: '1', status: 'approved', returnTo: `/articles/${article.id}` };
    const asked = await browser.post(`/segments/${segment.id}/status`).type('form').send(form).expect(303);
    expect(asked.headers.location).toMatch(new RegExp(`^/segments/${segment.id}/approve\\?version=1`));
    const confirm = (await browser.get(asked.headers.location!).expect(200)).text;
    expect(confirm).toContain('1 QA warning — approve anyway?');
    expect(testApp.services.segments.get(segment.id).status).toBe('new');
    await browser
      .post(`/segments/${segment.id}/status`)
      .type('form')
      .send({ ...form, qaConfirmed: '1' })
      .expect(303);
    expect(testApp.services.segments.get(segment.id).status).toBe('approved');
    // The API is unchanged: approving there needs no confirmation.
    const client = await testApp.api('reviewer');
    await client.patch(`/api/segments/${article.segments[1]!.id}`).send({ status: 'approved', version: 1 }).expect(200);
  });

  it('when the quality report is opened, then it counts the findings by check', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const browser = await testApp.browser('editor');
    const report = (await browser.get(`/articles/${article.id}/quality`).expect(200)).text;
    expect(report).toContain('QA findings by check');
    expect(report).toMatch(
      /data-check="space-before-hyphen"><td>[^<]+<span class="muted">space-before-hyphen<\/span><\/td><td>1<\/td><td>0<\/td>/,
    );
  });
});

describe('Background re-check', () => {
  it('when an article was checked with older rules, then recheckOutdated brings its findings back in step and marks it current', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const { db, services } = testApp;
    // As if stored by an older Redline whose rules found nothing here.
    db.prepare('DELETE FROM findings').run();
    db.prepare('UPDATE segments SET open_findings = 0').run();
    db.prepare('UPDATE articles SET qa_version = 0').run();
    expect(await services.findings.recheckOutdated()).toEqual({ articles: 1, segments: 3 });
    expect([openCount(db, article.segments[0]!.id), openCount(db, article.segments[1]!.id)]).toEqual([1, 1]);
    expect(await services.findings.recheckOutdated()).toEqual({ articles: 0, segments: 0 });
  });
});

describe('Fix all of this kind', () => {
  const LONG = 'The three -year war went on. A large -scale force is planned. He (left early. The three -month truce held.';

  it('when "fix all" is asked for one check, then its certain fixes land as one undoable batch and the other checks stay', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, LONG);
    const client = await testApp.api('editor');
    const check = ((await client.get(`/api/segments/${article.segments[0]!.id}`).expect(200)).body as { findings: FindingJson[] })
      .findings[0]!.check;

    const result = (await client.post(`/api/articles/${article.id}/findings/fix-all`).send({ check }).expect(200)).body as {
      batchId: number;
      changed: number;
      skipped: number[];
    };

    expect(result).toMatchObject({ changed: 3, skipped: [] });
    const texts = () => testApp.services.segments.ofArticle(article.id).map((segment) => segment.text);
    expect(texts()).toEqual([
      'The three-year war went on.',
      'A large-scale force is planned.',
      'He (left early.',
      'The three-month truce held.',
    ]);
    const actions = testApp.db.prepare('SELECT DISTINCT action FROM revisions WHERE batch_id = ?').pluck().all(result.batchId);
    expect(actions).toEqual(['fix']);
    // The bracket finding has no certain fix: it is still open.
    expect(openCount(testApp.db, article.segments[2]!.id)).toBe(1);
    await client.post(`/api/batches/${result.batchId}/undo`).expect(200);
    expect(texts()).toEqual(LONG.split(/(?<=\.) /));
  });

  it('when the check is unknown, then 422 names the checks and nothing changes', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, LONG);
    const client = await testApp.api('editor');
    const response = await client.post(`/api/articles/${article.id}/findings/fix-all`).send({ check: 'no-such-check' }).expect(422);
    expect(response.body.error.message).toContain('check must be one of');
    expect(testApp.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
  });
});
