import { describe, expect, it } from 'vitest';
import { createQualityTestApp, type QualityTestApp } from './qualityTestApp';

const DEFAULTS = { weights: { neutral: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 }, passThreshold: 90 };

const storedSettings = (db: QualityTestApp['db']) =>
  db
    .prepare(
      `SELECT weight_neutral AS neutral, weight_minor AS minor, weight_major AS major, weight_critical AS critical,
            weight_minor_punctuation AS minorPunctuation, pass_threshold AS passThreshold, updated_by AS updatedBy FROM quality_settings`,
    )
    .all();

describe('Quality settings', () => {
  it('when nothing was configured, then the WMT defaults and a threshold of 90 are in effect', async () => {
    const { api } = await createQualityTestApp();
    const response = await api('editor').get('/api/quality/settings').expect(200);
    expect(response.body).toMatchObject(DEFAULTS);
  });

  it('when an admin changes the weights, then they are stored and every score uses them', async () => {
    const { api, db, importArticle } = await createQualityTestApp();
    // Ten words, one major error: 100 × (1 − 5/10) = 50 with the defaults.
    const article = await importArticle('One two three four five six seven eight nine ten.');
    // Reviewed (approved): only reviewed sentences are scored.
    await api().patch(`/api/segments/${article.segments[0]!.id}`).send({ status: 'approved', version: 1 }).expect(200);
    await api()
      .post(`/api/segments/${article.segments[0]!.id}/annotations`)
      .send({ start: 0, end: 3, category: 'style', severity: 'major' })
      .expect(201);
    expect((await api().get(`/api/articles/${article.id}/quality`).expect(200)).body.mqm).toMatchObject({
      penalty: 5,
      qualityScore: 50,
      pass: false,
    });

    const weights = { neutral: 0, minor: 0.5, major: 2, critical: 10, minorPunctuation: 0 };
    const response = await api('admin').put('/api/quality/settings').send({ weights, passThreshold: 75 }).expect(200);
    expect(response.body).toMatchObject({ weights, passThreshold: 75, updatedBy: 'Adam Admin' });
    expect(storedSettings(db)).toEqual([{ ...weights, passThreshold: 75, updatedBy: 'Adam Admin' }]);
    // 100 × (1 − 2/10) = 80 ≥ 75.
    expect((await api().get(`/api/articles/${article.id}/quality`).expect(200)).body.mqm).toMatchObject({
      penalty: 2,
      qualityScore: 80,
      passThreshold: 75,
      pass: true,
    });
  });

  it('when an admin lowers the coverage a verdict needs, then a partly reviewed article gets its verdict instead of "provisional"', async () => {
    const { api, db, importArticle } = await createQualityTestApp();
    // Two sentences of 5 words: one approved is 50 % of the evaluated words.
    const article = await importArticle('One two three four five. Six seven eight nine ten.');
    await api().patch(`/api/segments/${article.segments[0]!.id}`).send({ status: 'approved', version: 1 }).expect(200);
    const verdict = async () => (await api().get(`/api/articles/${article.id}/quality`).expect(200)).body.mqm as Record<string, unknown>;
    expect(await verdict()).toMatchObject({ qualityScore: 100, pass: null, verdict: 'provisional' });
    expect((await api('editor').get('/api/quality/settings').expect(200)).body.verdictCoverage).toBe(100);

    const response = await api('admin')
      .put('/api/quality/settings')
      .send({ ...DEFAULTS, verdictCoverage: 50 })
      .expect(200);
    expect(response.body.verdictCoverage).toBe(50);
    expect(db.prepare('SELECT verdict_coverage AS coverage FROM quality_settings').get()).toEqual({ coverage: 50 });
    expect(await verdict()).toMatchObject({ pass: true, verdict: 'pass' });
    await api('admin')
      .put('/api/quality/settings')
      .send({ ...DEFAULTS, verdictCoverage: 101 })
      .expect(422);
    // The form sets it too.
    const form = {
      neutral: '0',
      minor: '1',
      major: '5',
      critical: '25',
      minorPunctuation: '0.1',
      passThreshold: '90',
      verdictCoverage: '75',
    };
    await (await createQualityTestApp()).pages('admin').post('/quality/settings').type('form').send(form).expect(303);
  });

  it.each<[object, string]>([
    [{ ...DEFAULTS, weights: { ...DEFAULTS.weights, major: -1 } }, 'The major weight must be a number from 0 to 1000.'],
    [{ ...DEFAULTS, weights: { ...DEFAULTS.weights, minor: '1' } }, 'The minor weight must be a number'],
    [{ ...DEFAULTS, weights: { ...DEFAULTS.weights, critical: null } }, 'The critical weight must be a number'],
    [{ ...DEFAULTS, weights: { neutral: 0, minor: 1, major: 5, critical: 25 } }, 'The minor punctuation weight must be a number'],
    [{ ...DEFAULTS, weights: { ...DEFAULTS.weights, huge: 1 } }, 'huge'],
    [{ ...DEFAULTS, weights: { ...DEFAULTS.weights, major: 1e6 } }, 'The major weight must be a number from 0 to 1000.'],
    [{ weights: DEFAULTS.weights }, 'The pass threshold must be a number from 0 to 100.'],
    [{ ...DEFAULTS, passThreshold: 101 }, 'The pass threshold must be a number from 0 to 100.'],
    [{ ...DEFAULTS, passThreshold: 'high' }, 'The pass threshold must be a number'],
    [{ passThreshold: 90 }, 'weights: an object with neutral, minor, major, critical and minorPunctuation is required.'],
    [{ ...DEFAULTS, extra: true }, 'extra'],
  ])('when the settings %j are sent, then 422 names the problem (%j) and nothing is stored', async (body, message) => {
    const { api, db } = await createQualityTestApp();
    const before = storedSettings(db);
    const response = await api('admin').put('/api/quality/settings').send(body).expect(422);
    expect(response.body.error.message).toContain(message);
    expect(storedSettings(db)).toEqual(before);
  });

  it('when the settings body is not JSON at all, then 400 and nothing is stored', async () => {
    const { api, db } = await createQualityTestApp();
    const before = storedSettings(db);
    await api('admin').put('/api/quality/settings').set('Content-Type', 'application/json').send('{"weights": {"minor": NaN}}').expect(400);
    expect(storedSettings(db)).toEqual(before);
  });

  it('when a reviewer tries to change the settings, then 403 and nothing is stored', async () => {
    const { api, pages, db } = await createQualityTestApp();
    const before = storedSettings(db);
    const response = await api('reviewer')
      .put('/api/quality/settings')
      .send({ ...DEFAULTS, passThreshold: 10 })
      .expect(403);
    expect(response.body.error.code).toBe('forbidden');
    await pages('reviewer')
      .post('/quality/settings')
      .type('form')
      .send({ neutral: '0', minor: '1', major: '5', critical: '25', minorPunctuation: '0.1', passThreshold: '10' })
      .expect(403);
    expect(storedSettings(db)).toEqual(before);
  });

  it('when the settings form is posted with valid values, then they are stored and the page says so after the redirect', async () => {
    const { pages, db } = await createQualityTestApp();
    const form = { neutral: '0', minor: '2', major: '6', critical: '30', minorPunctuation: '0.2', passThreshold: '95' };
    const saved = await pages('admin').post('/quality/settings').type('form').send(form).expect(303);
    expect(saved.headers.location).toBe('/quality/settings?saved=1');
    expect(storedSettings(db)).toEqual([
      { neutral: 0, minor: 2, major: 6, critical: 30, minorPunctuation: 0.2, passThreshold: 95, updatedBy: 'Adam Admin' },
    ]);
    const page = await pages('admin').get('/quality/settings?saved=1').expect(200);
    expect(page.text).toContain('data-testid="saved"');
    expect(page.text).toContain('name="major" type="number" min="0" max="1000" step="any" required value="6"');
  });

  it.each([
    ['major', '', 'The major weight must be a number'],
    ['minor', 'lots', 'The minor weight must be a number'],
    ['critical', '-3', 'The critical weight'],
  ])(
    'when the settings form has %s = %j, then the page refuses it with %j, keeps the typed values and stores nothing',
    async (field, value, message) => {
      const { pages, db } = await createQualityTestApp();
      const before = storedSettings(db);
      const form = { neutral: '0', minor: '2', major: '7', critical: '30', minorPunctuation: '0.2', passThreshold: '95' };
      const refused = await pages('admin')
        .post('/quality/settings')
        .type('form')
        .send({ ...form, [field]: value })
        .expect(422);
      expect(refused.text).toContain(message);
      // The refused values stay in the form so they can be corrected.
      expect(refused.text).toContain(`name="${field}" type="number" min="0" max="1000" step="any" required value="${value}"`);
      expect(storedSettings(db)).toEqual(before);
    },
  );

  it('when an editor opens the settings page, then the form is read-only', async () => {
    const { pages } = await createQualityTestApp();
    const page = await pages('editor').get('/quality/settings').expect(200);
    expect(page.text).toContain('<fieldset disabled>');
    expect(page.text).toContain('only an admin can change them');
    expect(page.text).not.toContain('Save settings');
  });
});
