import { describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, importViaApi, type TestApp } from '../helpers/app';

const TEXT = [
  'The couple provides for a comfort force of troops.', // 0: the one the editor fixes
  'Europe debates the comfort force again.', // 1
  'Comfort force soldiers would stay for years.', // 2: capitalised at the start
  'Nobody wants comfort forces here.', // 3: not the whole word
  'The talks stalled on Thursday.', // 4: a repeat of 5 and 6
  'The talks stalled on Thursday.', // 5
  'The talks stalled on Thursday.', // 6
].join('\n\n');

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT, 'Paris talks');
  const ids = article.segments.map((segment) => segment.id);
  const editor = await testApp.api('editor');
  return { testApp, article, ids, editor };
}

const textOf = (testApp: TestApp, id: number) => testApp.services.segments.get(id).text;

describe('GET /api/segments/:id/propagation', () => {
  it('when a save turns "comfort force" into "reassurance force", then the offer lists the other sentences where it still stands', async () => {
    const { editor, ids } = await setup();
    await editor
      .patch(`/api/segments/${ids[0]}`)
      .send({ text: 'The couple provides for a reassurance force of troops.', version: 1 })
      .expect(200);
    const response = await editor.get(`/api/segments/${ids[0]}/propagation`).expect(200);
    expect(response.body).toEqual({
      segmentId: ids[0],
      version: 2,
      offers: [
        {
          id: '2-0',
          kind: 'phrase',
          from: 'comfort force',
          to: 'reassurance force',
          fixKind: 'wording',
          targets: [
            {
              segmentId: ids[1],
              version: 1,
              position: 1,
              before: 'Europe debates the comfort force again.',
              after: 'Europe debates the reassurance force again.',
            },
            {
              segmentId: ids[2],
              version: 1,
              position: 2,
              before: 'Comfort force soldiers would stay for years.',
              after: 'Reassurance force soldiers would stay for years.',
            },
          ],
        },
      ],
    });
  });

  it('when a sentence repeated word for word is corrected, then the unchanged repeats are offered the whole correction', async () => {
    const { editor, ids } = await setup();
    await editor.patch(`/api/segments/${ids[5]}`).send({ text: 'The talks stalled on Friday.', version: 1 }).expect(200);
    await editor.patch(`/api/segments/${ids[4]}`).send({ text: 'The talks stalled on Thursday evening.', version: 1 }).expect(200);
    const offers = (await editor.get(`/api/segments/${ids[4]}/propagation`).expect(200)).body.offers;
    const repeat = offers.find((offer: { kind: string }) => offer.kind === 'repeat');
    // Sentence 6 was changed by someone already: only sentence 7 is still the bare MT.
    expect(repeat).toEqual({
      id: '2-repeats',
      kind: 'repeat',
      from: 'The talks stalled on Thursday.',
      to: 'The talks stalled on Thursday evening.',
      targets: [
        {
          segmentId: ids[6],
          version: 1,
          position: 6,
          before: 'The talks stalled on Thursday.',
          after: 'The talks stalled on Thursday evening.',
        },
      ],
    });
  });

  it('when one save fixes two separate places, then each place is its own offer', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(
      testApp,
      "Europe fears Trump's prices and the comfort force plans.\n\nTrump's prices rose.\n\nThe comfort force plans changed.",
    );
    const [first, second, third] = article.segments.map((segment) => segment.id);
    const editor = await testApp.api('editor');
    await editor
      .patch(`/api/segments/${first}`)
      .send({ text: "Europe fears Trump's tariffs and the reassurance force plans.", version: 1 })
      .expect(200);
    const offers = (await editor.get(`/api/segments/${first}/propagation`).expect(200)).body.offers;
    expect(
      offers.map((offer: { id: string; from: string; to: string; targets: { segmentId: number }[] }) => [
        offer.id,
        offer.from,
        offer.to,
        offer.targets.map((target) => target.segmentId),
      ]),
    ).toEqual([
      ['2-0', "Trump's prices", "Trump's tariffs", [second]],
      ['2-1', 'comfort force', 'reassurance force', [third]],
    ]);
  });

  it('when the last change was only a status, then the offers still come from the last change of the text; without one there are none', async () => {
    const { testApp, editor, ids } = await setup();
    expect((await editor.get(`/api/segments/${ids[1]}/propagation`).expect(200)).body.offers).toEqual([]);
    await editor
      .patch(`/api/segments/${ids[0]}`)
      .send({ text: 'The couple provides for a reassurance force of troops.', version: 1 })
      .expect(200);
    const reviewer = await testApp.api('reviewer');
    await reviewer.patch(`/api/segments/${ids[0]}`).send({ status: 'approved', version: 2 }).expect(200);
    const offers = (await editor.get(`/api/segments/${ids[0]}/propagation`).expect(200)).body.offers;
    expect(offers.map((offer: { id: string }) => offer.id)).toEqual(['3-0']);
    await editor.get('/api/segments/424242/propagation').expect(404);
  });
});

describe('POST /api/propagation/apply', () => {
  async function fixed() {
    const context = await setup();
    await context.editor
      .patch(`/api/segments/${context.ids[0]}`)
      .send({ text: 'The couple provides for a reassurance force of troops.', version: 1 })
      .expect(200);
    return context;
  }

  it('when an offer is applied, then its sentences change as one propagate batch and become edited', async () => {
    const { testApp, editor, ids } = await fixed();
    const response = await editor.post('/api/propagation/apply').send({ segmentId: ids[0], offerId: '2-0' }).expect(200);
    expect(response.body).toEqual({ batchId: expect.any(Number), changed: 2, skipped: [] });
    expect(textOf(testApp, ids[1]!)).toBe('Europe debates the reassurance force again.');
    expect(textOf(testApp, ids[2]!)).toBe('Reassurance force soldiers would stay for years.');
    expect(textOf(testApp, ids[3]!)).toBe('Nobody wants comfort forces here.');
    const revision = testApp.db
      .prepare('SELECT action, status, batch_id AS batchId, detail FROM revisions WHERE segment_id = ? AND version = 2')
      .get(ids[1]);
    expect(revision).toEqual({
      action: 'propagate',
      status: 'edited',
      batchId: response.body.batchId,
      detail: JSON.stringify({ source: ids[0], sourceVersion: 2 }),
    });
    const batch = (await editor.get(`/api/batches/${response.body.batchId}`).expect(200)).body;
    expect(batch).toMatchObject({ kind: 'propagate', note: 'Propagate “comfort force” → “reassurance force” from sentence 1', changed: 2 });
  });

  it('when only some sentences are chosen, then the others are left alone; one that is no target is listed as skipped', async () => {
    const { testApp, editor, ids } = await fixed();
    const response = await editor
      .post('/api/propagation/apply')
      .send({ segmentId: ids[0], offerId: '2-0', segments: [ids[2], ids[4]] })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 1, skipped: [ids[4]] });
    expect(textOf(testApp, ids[1]!)).toBe('Europe debates the comfort force again.');
    expect(textOf(testApp, ids[2]!)).toBe('Reassurance force soldiers would stay for years.');
  });

  it('when a target was reworded meanwhile so the phrase is gone, then it is skipped and listed, and its new text stays', async () => {
    const { testApp, editor, ids } = await fixed();
    const offer = (await editor.get(`/api/segments/${ids[0]}/propagation`)).body.offers[0];
    expect(offer.targets).toHaveLength(2);
    // Between the look at the offer and the click, someone rewrites sentence 2 entirely.
    const other = await testApp.api('reviewer');
    await other.patch(`/api/segments/${ids[1]}`).send({ text: 'Europe debates the peace plan again.', version: 1 }).expect(200);
    const response = await editor
      .post('/api/propagation/apply')
      .send({ segmentId: ids[0], offerId: offer.id, segments: offer.targets.map((target: { segmentId: number }) => target.segmentId) })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 1, skipped: [ids[1]] });
    expect(textOf(testApp, ids[1]!)).toBe('Europe debates the peace plan again.');
  });

  it('when the offer id is of an older version, unknown or malformed, then 409, 404 or 422 and nothing changes', async () => {
    const { testApp, editor, ids } = await fixed();
    const stale = await editor.post('/api/propagation/apply').send({ segmentId: ids[0], offerId: '1-0' }).expect(409);
    expect(stale.body.error.code).toBe('stale_offer');
    await editor.post('/api/propagation/apply').send({ segmentId: ids[0], offerId: '2-7' }).expect(404);
    await editor.post('/api/propagation/apply').send({ segmentId: ids[0] }).expect(422);
    await editor.post('/api/propagation/apply').send({ segmentId: 'x', offerId: '2-0' }).expect(422);
    expect(textOf(testApp, ids[1]!)).toBe('Europe debates the comfort force again.');
    expect((testApp.db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n).toBe(0);
  });

  it('when the offer is applied from its page without JavaScript, then the ticked sentences change and the batch page opens', async () => {
    const { testApp, ids } = await fixed();
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/segments/${ids[0]}/propagation`).expect(200);
    expect(page.text).toContain('Apply to 2 other sentences');
    const form = new URLSearchParams({ _csrf: csrfFrom(page.text), offerId: '2-0', chosen: '1' });
    form.append('target', String(ids[2]));
    const applied = await agent.post(`/segments/${ids[0]}/propagation`).type('form').send(form.toString()).expect(303);
    expect(applied.headers.location).toMatch(/^\/batches\/\d+$/);
    expect((await agent.get(applied.headers.location as string)).text).toContain('Propagated: 1 sentence changed.');
    expect(textOf(testApp, ids[1]!)).toBe('Europe debates the comfort force again.');
    expect(textOf(testApp, ids[2]!)).toBe('Reassurance force soldiers would stay for years.');
  });

  it('when the review page asks for the row panel, then it gets the offers as a fragment with the apply button', async () => {
    const { testApp, ids } = await fixed();
    const agent = await testApp.browser('editor');
    const fragment = await agent.get(`/segments/${ids[0]}/propagation`).set('X-Requested-With', 'fetch').expect(200);
    expect(fragment.text.trim()).toMatch(/^<div class="propagation" id="propagation-\d+"/);
    expect(fragment.text).toContain(`data-targets="${ids[1]} ${ids[2]}"`);
    expect(fragment.text).toContain('Apply to 2 other sentences');
  });
});
