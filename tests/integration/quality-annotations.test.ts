import { describe, expect, it } from 'vitest';
import { annotationRevisionRows, annotationRows, createQualityTestApp } from './qualityTestApp';

const TEXT =
  'In Paris talks resume\n\nThe couple provides for a comfort force of international troops. The Kremlin criticized the initiative.\n\nSource: DW\n';
const MT = 'The couple provides for a comfort force of international troops.';
const COMFORT_FORCE = { start: MT.indexOf('comfort'), end: MT.indexOf('comfort') + 'comfort force'.length };

async function setup() {
  const testApp = await createQualityTestApp();
  const article = await testApp.importArticle(TEXT);
  const [heading, sentence, second, meta] = article.segments;
  return { ...testApp, article, heading: heading!, sentence: sentence!, second: second!, meta: meta! };
}

describe('MQM annotations through the API', () => {
  it('when a reviewer marks "comfort force" as a major terminology error, then 201 with the span and penalty, and it is stored with its first revision', async () => {
    const { api, db, sentence } = await setup();
    expect(sentence.mt).toBe(MT);
    const response = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major', comment: ' “reassurance force” ' })
      .expect(201);
    expect(response.headers.location).toBe(`/api/annotations/${response.body.id}`);
    expect(response.body).toMatchObject({
      segmentId: sentence.id,
      start: 26,
      end: 39,
      spanText: 'comfort force',
      category: 'terminology',
      categoryLabel: 'Terminology',
      severity: 'major',
      comment: '“reassurance force”',
      penalty: 5,
      version: 1,
      deleted: false,
      author: 'Rita Reviewer',
      userId: 1,
    });
    expect(annotationRows(db)).toEqual([
      {
        id: response.body.id,
        segmentId: sentence.id,
        start: 26,
        end: 39,
        category: 'terminology',
        severity: 'major',
        comment: '“reassurance force”',
        version: 1,
        deleted: 0,
        author: 'Rita Reviewer',
        userId: 1,
        updatedBy: 'Rita Reviewer',
      },
    ]);
    expect(annotationRevisionRows(db, response.body.id)).toEqual([
      {
        version: 1,
        action: 'create',
        start: 26,
        end: 39,
        category: 'terminology',
        severity: 'major',
        comment: '“reassurance force”',
        author: 'Rita Reviewer',
        userId: 1,
      },
    ]);
  });

  it('when an omission is marked (start = end), then it is stored with an empty span', async () => {
    const { api, db, second } = await setup();
    const response = await api()
      .post(`/api/segments/${second.id}/annotations`)
      .send({ start: 12, end: 12, category: 'accuracy/omission', severity: 'minor' })
      .expect(201);
    expect(response.body).toMatchObject({ start: 12, end: 12, spanText: '', comment: null, penalty: 1 });
    expect(annotationRows(db, second.id)).toHaveLength(1);
  });

  it('when annotations are listed, then the current ones come in span order and removed ones only on request', async () => {
    const { api, sentence } = await setup();
    const later = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ start: 43, end: 56, category: 'style', severity: 'minor' })
      .expect(201);
    const earlier = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const removed = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ start: 0, end: 3, category: 'other', severity: 'neutral' })
      .expect(201);
    await api().delete(`/api/annotations/${removed.body.id}?version=1`).expect(200);

    const list = await api('editor').get(`/api/segments/${sentence.id}/annotations`).expect(200);
    expect(list.body.mt).toBe(MT);
    expect(list.body.annotations.map((a: { id: number }) => a.id)).toEqual([earlier.body.id, later.body.id]);
    const all = await api('editor').get(`/api/segments/${sentence.id}/annotations?includeDeleted=true`).expect(200);
    expect(all.body.annotations.map((a: { id: number; deleted: boolean }) => [a.id, a.deleted])).toEqual([
      [removed.body.id, true],
      [earlier.body.id, false],
      [later.body.id, false],
    ]);
  });

  it('when an annotation is changed, then a new version is stored, the history keeps both, and an identical change adds nothing', async () => {
    const { api, db, sentence } = await setup();
    const created = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const id = created.body.id as number;
    const changed = await api()
      .patch(`/api/annotations/${id}`)
      .send({ severity: 'critical', comment: 'Changes the meaning', version: 1 })
      .expect(200);
    expect(changed.body).toMatchObject({
      severity: 'critical',
      comment: 'Changes the meaning',
      penalty: 25,
      version: 2,
      category: 'terminology',
      start: 26,
      end: 39,
    });
    await api().patch(`/api/annotations/${id}`).send({ severity: 'critical', version: 2 }).expect(200);
    expect(annotationRevisionRows(db, id)).toEqual([
      expect.objectContaining({ version: 1, action: 'create', severity: 'major', comment: null }),
      expect.objectContaining({
        version: 2,
        action: 'update',
        severity: 'critical',
        comment: 'Changes the meaning',
        author: 'Rita Reviewer',
      }),
    ]);
    const history = await api('editor').get(`/api/annotations/${id}/history`).expect(200);
    expect(history.body.annotation).toMatchObject({ id, version: 2 });
    expect(
      history.body.revisions.map((r: { version: number; action: string; severity: string }) => [r.version, r.action, r.severity]),
    ).toEqual([
      [1, 'create', 'major'],
      [2, 'update', 'critical'],
    ]);
  });

  it('when an annotation is removed, then it leaves the list but its row and history stay; removing or changing it again is a 409', async () => {
    const { api, db, sentence } = await setup();
    const created = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const id = created.body.id as number;
    const removed = await api().delete(`/api/annotations/${id}?version=1`).expect(200);
    expect(removed.body).toMatchObject({ id, deleted: true, version: 2, penalty: 0 });
    expect(annotationRows(db)).toEqual([expect.objectContaining({ id, deleted: 1, version: 2 })]);
    expect(annotationRevisionRows(db, id).map((row) => (row as { action: string }).action)).toEqual(['create', 'delete']);
    const again = await api().delete(`/api/annotations/${id}?version=2`).expect(409);
    expect(again.body.error.code).toBe('annotation_deleted');
    await api().patch(`/api/annotations/${id}`).send({ severity: 'minor', version: 2 }).expect(409);
    expect(annotationRevisionRows(db, id)).toHaveLength(2);
    const history = await api().get(`/api/annotations/${id}/history`).expect(200);
    expect(history.body.revisions).toHaveLength(2);
  });

  it('when a change is based on an old version, then 409 stale_version with the current annotation and nothing is stored', async () => {
    const { api, db, sentence } = await setup();
    const created = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const id = created.body.id as number;
    await api().patch(`/api/annotations/${id}`).send({ severity: 'minor', version: 1 }).expect(200);
    const stale = await api().patch(`/api/annotations/${id}`).send({ severity: 'critical', version: 1 }).expect(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', current: { id, severity: 'minor', version: 2 } });
    await api().delete(`/api/annotations/${id}?version=1`).expect(409);
    expect(annotationRows(db)).toEqual([expect.objectContaining({ severity: 'minor', version: 2, deleted: 0 })]);
    expect(annotationRevisionRows(db, id)).toHaveLength(2);
  });

  const valid = { start: 26, end: 39, category: 'terminology', severity: 'major' };
  it.each<['sentence' | 'meta', object, string, string]>([
    ['sentence', { ...valid, start: 40, end: 39 }, 'invalid_span', 'start must not be after end'],
    ['sentence', { ...valid, end: MT.length + 1 }, 'span_outside_mt', `end ≤ ${MT.length}`],
    ['sentence', { ...valid, start: MT.length + 1, end: MT.length + 1 }, 'span_outside_mt', 'within the machine translation'],
    ['sentence', { ...valid, start: -1 }, 'invalid_input', 'start must be a whole number'],
    ['sentence', { ...valid, start: 1.5 }, 'invalid_input', 'start must be a whole number'],
    ['sentence', { ...valid, start: '26' }, 'invalid_input', 'start must be a whole number'],
    ['sentence', { ...valid, end: undefined }, 'invalid_input', 'end must be a whole number'],
    ['sentence', { ...valid, category: 'accuracy/typo' }, 'invalid_input', 'category must be one of: accuracy/mistranslation'],
    ['sentence', { ...valid, category: undefined }, 'invalid_input', 'category must be one of'],
    ['sentence', { ...valid, severity: 'severe' }, 'invalid_input', 'severity must be one of: neutral, minor, major, critical'],
    ['sentence', { ...valid, severity: 5 }, 'invalid_input', 'severity must be one of'],
    ['sentence', { ...valid, comment: 'x'.repeat(2001) }, 'invalid_input', 'at most 2000 characters'],
    ['sentence', { ...valid, comment: 'a\u0000b' }, 'binary_content', 'NUL'],
    ['sentence', { ...valid, author: 'Mallory' }, 'invalid_input', 'author'],
    ['meta', { start: 0, end: 6, category: 'terminology', severity: 'minor' }, 'not_evaluated', 'Metadata lines'],
  ])('when the input on a %s is invalid (%j), then 422 %s names the problem and nothing is stored', async (target, body, code, mention) => {
    const testApp = await setup();
    const { api, db } = testApp;
    const response = await api().post(`/api/segments/${testApp[target].id}/annotations`).send(body).expect(422);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toContain(mention);
    expect(annotationRows(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS count FROM mqm_annotation_revisions').get()).toEqual({ count: 0 });
  });

  it('when a span would cut an emoji in half, then 422 and nothing is stored', async () => {
    const testApp = await createQualityTestApp();
    const article = await testApp.importArticle('Great news 👍 for everyone.');
    const segment = article.segments[0]!;
    const thumb = segment.mt.indexOf('👍');
    const response = await testApp
      .api()
      .post(`/api/segments/${segment.id}/annotations`)
      .send({ start: thumb + 1, end: thumb + 2, category: 'style', severity: 'minor' })
      .expect(422);
    expect(response.body.error.message).toContain('inside a character');
    await testApp
      .api()
      .post(`/api/segments/${segment.id}/annotations`)
      .send({ start: thumb, end: thumb + 2, category: 'style', severity: 'minor' })
      .expect(201);
    expect(annotationRows(testApp.db)).toHaveLength(1);
  });

  it('when a change moves the span outside the MT, then 422 and the annotation keeps its version', async () => {
    const { api, db, sentence } = await setup();
    const created = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const response = await api().patch(`/api/annotations/${created.body.id}`).send({ end: 999, version: 1 }).expect(422);
    expect(response.body.error.code).toBe('span_outside_mt');
    await api().patch(`/api/annotations/${created.body.id}`).send({ start: 30, version: 1, extra: 1 }).expect(422);
    await api().patch(`/api/annotations/${created.body.id}`).send({ severity: 'major' }).expect(422);
    expect(annotationRows(db)).toEqual([expect.objectContaining({ start: 26, end: 39, version: 1 })]);
    expect(annotationRevisionRows(db, created.body.id)).toHaveLength(1);
  });

  it('when the segment or annotation does not exist, then 404; a malformed id or version is a 422', async () => {
    const { api, db } = await setup();
    const missing = await api()
      .post('/api/segments/9999/annotations')
      .send({ start: 0, end: 1, category: 'style', severity: 'minor' })
      .expect(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Segment 9999 does not exist.' });
    await api().get('/api/annotations/9999').expect(404);
    await api().patch('/api/annotations/9999').send({ severity: 'minor', version: 1 }).expect(404);
    await api().delete('/api/annotations/9999?version=1').expect(404);
    expect((await api().get('/api/annotations/abc').expect(422)).body.error.code).toBe('invalid_id');
    expect((await api().delete('/api/annotations/1').expect(422)).body.error.message).toContain('version is required');
    expect(annotationRows(db)).toEqual([]);
  });

  it('when an editor tries to annotate, then 403 and nothing is stored; reading is allowed; nobody signed in gets 401', async () => {
    const { api, db, sentence } = await setup();
    const refused = await api('editor')
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(403);
    expect(refused.body.error.code).toBe('forbidden');
    await api('editor').get(`/api/segments/${sentence.id}/annotations`).expect(200);
    await api('anonymous').get(`/api/segments/${sentence.id}/annotations`).expect(401);
    await api('anonymous')
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(401);
    expect(annotationRows(db)).toEqual([]);
  });
});

describe('MQM annotations in the JSON export', () => {
  it('when an article is exported, then its current annotations come in reading order with their span text, removed ones left out', async () => {
    const { api, services, article, heading, sentence } = await setup();
    const later = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major', comment: 'c' })
      .expect(201);
    const earlier = await api()
      .post(`/api/segments/${heading.id}/annotations`)
      .send({ start: 0, end: 8, category: 'style', severity: 'minor' })
      .expect(201);
    const removed = await api()
      .post(`/api/segments/${heading.id}/annotations`)
      .send({ start: 9, end: 14, category: 'style', severity: 'minor' })
      .expect(201);
    await api().delete(`/api/annotations/${removed.body.id}?version=1`).expect(200);
    const exported = services.annotations.forExport(article.segments);
    expect(exported).toEqual([
      {
        id: earlier.body.id,
        segmentId: heading.id,
        start: 0,
        end: 8,
        spanText: 'In Paris',
        category: 'style',
        severity: 'minor',
        comment: null,
        author: 'Rita Reviewer',
        createdAt: earlier.body.createdAt,
        updatedAt: earlier.body.updatedAt,
      },
      expect.objectContaining({ id: later.body.id, segmentId: sentence.id, spanText: 'comfort force', comment: 'c' }),
    ]);
  });
});

describe('MQM annotations in the browser', () => {
  it('when the form is posted without JavaScript, then the annotation is stored and the page shows it highlighted with its label', async () => {
    const { pages, db, sentence } = await setup();
    const response = await pages()
      .post(`/segments/${sentence.id}/annotations`)
      .type('form')
      .send({ start: '26', end: '39', category: 'terminology', severity: 'major', comment: '', returnTo: `/articles/1` })
      .expect(303);
    expect(response.headers.location).toBe('/articles/1');
    expect(annotationRows(db)).toEqual([expect.objectContaining({ start: 26, end: 39, comment: null, author: 'Rita Reviewer' })]);
    const page = await pages().get(`/segments/${sentence.id}/annotations`).expect(200);
    expect(page.text).toContain(
      '<span data-offset="0">The couple provides for a </span><mark class="mqm mqm-major" data-offset="26" data-annotations="1">comfort force</mark>',
    );
    expect(page.text).toContain('>Terminology · Major</a>');
    expect(page.text).toContain('penalty <strong>5</strong>');
  });

  it('when the "To" list is left empty, then the annotation is an omission at "From"', async () => {
    const { pages, db, second } = await setup();
    await pages()
      .post(`/segments/${second.id}/annotations`)
      .type('form')
      .send({ start: '12', end: '', category: 'accuracy/omission', severity: 'minor' })
      .expect(303);
    expect(annotationRows(db)).toEqual([expect.objectContaining({ start: 12, end: 12, category: 'accuracy/omission' })]);
    const page = await pages().get(`/segments/${second.id}/annotations`).expect(200);
    expect(page.text).toContain('<span class="mqm-caret" aria-hidden="true">‸</span>Accuracy / Omission · Minor</a>');
  });

  it.each<[object, string]>([
    [{ start: '40', end: '39', category: 'terminology', severity: 'major' }, 'start must not be after end'],
    [{ start: '26', end: '999', category: 'terminology', severity: 'major' }, 'within the machine translation'],
    [{ start: 'abc', end: '39', category: 'terminology', severity: 'major' }, 'start must be a whole number'],
    [{ start: '26', end: '39', category: '<script>x</script>', severity: 'major' }, 'category must be one of'],
    [{ start: '26', end: '39', category: 'terminology', severity: 'fatal' }, 'severity must be one of'],
  ])('when the form %j is refused, then the annotations page shows %j with status 422 and nothing is stored', async (body, mention) => {
    const { pages, db, sentence } = await setup();
    const page = await pages().post(`/segments/${sentence.id}/annotations`).type('form').send(body).expect(422);
    expect(page.text).toContain('data-testid="error-message"');
    expect(page.text).toContain(mention);
    expect(annotationRows(db)).toEqual([]);
  });

  it('when the page script saves with fetch, then the fresh annotated MT comes back; errors come back as JSON', async () => {
    const { pages, sentence } = await setup();
    const saved = await pages()
      .post(`/segments/${sentence.id}/annotations`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ start: '26', end: '33', category: 'accuracy/mistranslation', severity: 'critical' })
      .expect(200);
    expect(
      saved.text.startsWith(
        `<div class="mqm-mt" id="mqm-mt-${sentence.id}" data-segment-id="${sentence.id}" data-mt-length="${MT.length}" data-can-annotate="true">`,
      ),
    ).toBe(true);
    expect(saved.text).toContain('<mark class="mqm mqm-critical" data-offset="26" data-annotations="1">comfort</mark>');
    const refused = await pages()
      .post(`/segments/${sentence.id}/annotations`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ start: '26', end: '33', category: 'nope', severity: 'critical' })
      .expect(422);
    expect(refused.body.error.message).toContain('category must be one of');
  });

  it('when annotate.js asks for the form of a selection, then it gets a form with the span fixed; a span outside the MT is refused', async () => {
    const { pages, sentence } = await setup();
    const form = await pages()
      .get(`/segments/${sentence.id}/annotations/form?start=26&end=39`)
      .set('X-Requested-With', 'fetch')
      .expect(200);
    expect(form.text).toContain(`action="/segments/${sentence.id}/annotations"`);
    expect(form.text).toContain('<input type="hidden" name="start" value="26">');
    expect(form.text).toContain('“<mark>comfort force</mark>”');
    expect(form.text).toContain('<option value="terminology">Terminology</option>');
    const refused = await pages()
      .get(`/segments/${sentence.id}/annotations/form?start=26&end=100`)
      .set('X-Requested-With', 'fetch')
      .expect(422);
    expect(refused.body.error.code).toBe('span_outside_mt');
    await pages('editor').get(`/segments/${sentence.id}/annotations/form?start=26&end=39`).set('X-Requested-With', 'fetch').expect(403);
  });

  it('when the change and remove forms are posted, then the annotation gets new versions and the page lists it under "Removed" with its history', async () => {
    const { api, pages, db, sentence } = await setup();
    const created = await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const id = created.body.id as number;
    await pages()
      .post(`/annotations/${id}`)
      .type('form')
      .send({ category: 'accuracy/mistranslation', severity: 'minor', comment: 'softer', version: '1' })
      .expect(303);
    const stale = await pages()
      .post(`/annotations/${id}`)
      .type('form')
      .send({ category: 'style', severity: 'minor', version: '1' })
      .expect(409);
    expect(stale.text).toContain('changed by Rita Reviewer');
    await pages().post(`/annotations/${id}/delete`).type('form').send({ version: '2' }).expect(303);
    expect(annotationRevisionRows(db, id).map((row) => (row as { action: string }).action)).toEqual(['create', 'update', 'delete']);
    const page = await pages().get(`/segments/${sentence.id}/annotations`).expect(200);
    expect(page.text).toContain('data-testid="no-annotations"');
    expect(page.text).toContain('Removed <span class="muted">(1)</span>');
    expect(page.text).toContain('v3 · delete · accuracy/mistranslation · minor · 26–39 · “softer” · Rita Reviewer');
  });

  it('when an editor opens the annotations page, then the annotations are shown without forms; posting is refused', async () => {
    const { api, pages, db, sentence } = await setup();
    await api()
      .post(`/api/segments/${sentence.id}/annotations`)
      .send({ ...COMFORT_FORCE, category: 'terminology', severity: 'major' })
      .expect(201);
    const page = await pages('editor').get(`/segments/${sentence.id}/annotations`).expect(200);
    expect(page.text).toContain('mqm-major');
    expect(page.text).not.toContain('data-can-annotate');
    expect(page.text).not.toContain('Mark an error');
    await pages('editor')
      .post(`/segments/${sentence.id}/annotations`)
      .type('form')
      .send({ start: '0', end: '3', category: 'style', severity: 'minor' })
      .expect(403);
    expect(annotationRows(db)).toHaveLength(1);
  });

  it('when the MT and the comment contain markup, then the page escapes them', async () => {
    const testApp = await createQualityTestApp();
    const article = await testApp.importArticle('The <b>talks</b> & "results" were <script>alert(1)</script> fine.');
    const segment = article.segments[0]!;
    const start = segment.mt.indexOf('<b>');
    await testApp
      .api()
      .post(`/api/segments/${segment.id}/annotations`)
      .send({
        start,
        end: start + '<b>talks</b>'.length,
        category: 'fluency/punctuation',
        severity: 'minor',
        comment: '<img src=x onerror=alert(2)>',
      })
      .expect(201);
    const page = await testApp.pages().get(`/segments/${segment.id}/annotations`).expect(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('<b>talks');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;b&gt;talks&lt;/b&gt;</mark>');
    expect(page.text).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
});
