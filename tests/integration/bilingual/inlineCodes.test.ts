import { describe, expect, it } from 'vitest';
import { codeMarker, codeMarkersIn, stripCodeMarkers } from '../../../src/codes/inlineCodes';
import { readXliff } from '../../../src/interchange';
import { createTestApp } from '../../helpers/app';
import { readReal } from './helpers';

interface SegmentJson {
  id: number;
  mt: string;
  text: string;
  version: number;
  codes?: { marker: string; label: string; xml?: string }[];
}

async function articleWithCodes() {
  const testApp = createTestApp();
  const client = await testApp.api('admin');
  const created = await client.post('/api/articles').attach('file', readReal('oasis-withReorderedCodes.xlf'), 'reordered.xlf').expect(201);
  const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
  const segment = segments.find((candidate) => codeMarkersIn(candidate.mt).length >= 2)!;
  return { client, articleId: created.body.id as number, segment };
}

describe('Inline codes on save', () => {
  it('when a save brings a marker the segment does not have, then 422 and nothing changes', async () => {
    const { client, segment } = await articleWithCodes();
    const foreign = codeMarker(200);
    const response = await client
      .patch(`/api/segments/${segment.id}`)
      .send({ text: `${segment.mt}${foreign}`, version: segment.version })
      .expect(422);
    expect(response.body.error.code).toBe('unknown_inline_code');
    expect((await client.get(`/api/segments/${segment.id}`).expect(200)).body.version).toBe(segment.version);
  });

  it('when a save uses one code twice, then 422 names the code', async () => {
    const { client, segment } = await articleWithCodes();
    const [first] = codeMarkersIn(segment.mt);
    const response = await client
      .patch(`/api/segments/${segment.id}`)
      .send({ text: `${segment.mt}${first}`, version: segment.version })
      .expect(422);
    expect(response.body.error.code).toBe('repeated_inline_code');
    expect(response.body.error.message).toContain(segment.codes!.find((code) => code.marker === first)!.label);
  });

  it('when a save keeps the codes around new words, then the exported XLIFF has the original markup around them', async () => {
    const { client, articleId, segment } = await articleWithCodes();
    const markers = codeMarkersIn(segment.mt);
    const text = `Neuer Text ${markers.join(' ')} Ende`;
    await client.patch(`/api/segments/${segment.id}`).send({ text, version: segment.version }).expect(200);
    const exported = await client.get(`/api/articles/${articleId}/export?format=xliff`).expect(200);
    const reread = readXliff(exported.text);
    const written = reread.segments.find((candidate) => stripCodeMarkers(candidate.mt).startsWith('Neuer Text'))!;
    expect(codeMarkersIn(written.mt)).toHaveLength(markers.length);
    expect(written.codes.map((code) => code.label)).toEqual(
      expect.arrayContaining(segment.codes!.filter((code) => markers.includes(code.marker)).map((code) => code.label)),
    );
  });
});
