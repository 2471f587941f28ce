import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, importViaApi, type TestApp } from '../helpers/app';
import { ANONYMOUS_BODY_LIMIT } from '../../src/web/bodies';

const count = (testApp: TestApp, table: string) => testApp.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

/** Serves the app on a real socket, for requests supertest cannot shape (a body that keeps coming). */
async function listen(testApp: TestApp): Promise<{ port: number; close: () => void }> {
  const server = await new Promise<http.Server>((resolve) => {
    const listening = testApp.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

/**
 * POSTs `pieces` as an API client, each written after the last had time to arrive: the server reads
 * them as separate chunks. Answers the status and the parsed JSON answer.
 */
async function postInPieces(
  testApp: TestApp,
  path: string,
  pieces: Buffer[],
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
): Promise<{ status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> }> {
  const { token } = testApp.services.accounts.createToken(await testApp.user('admin'), 'pieces');
  const { port, close } = await listen(testApp);
  try {
    return await new Promise((resolve, reject) => {
      const pending = http.request(
        { port, host: '127.0.0.1', method: 'POST', path, headers: { ...headers, Authorization: `Bearer ${token}` } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(body) }));
        },
      );
      pending.on('error', reject);
      const write = (index: number) => {
        if (index === pieces.length) return pending.end();
        pending.write(pieces[index]);
        setTimeout(() => write(index + 1), 30);
      };
      write(0);
    });
  } finally {
    close();
  }
}

describe('Body size: read only once the caller is known', () => {
  it('when an anonymous visitor posts 1 MB, then 413 with the small limit, answered before the body is read', async () => {
    const testApp = createTestApp();
    const { port, close } = await listen(testApp);
    try {
      // Announce 1 MB but send only the first 64 KB, then wait: a server that buffered the body would never answer.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const pending = http.request(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/login',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': 1024 * 1024 },
          },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, body }));
          },
        );
        pending.on('error', reject);
        pending.write(`username=${'a'.repeat(64 * 1024)}`);
        setTimeout(() => pending.destroy(), 3_000);
      });
      expect(answer.status).toBe(413);
      expect(answer.body).toContain(`at most ${ANONYMOUS_BODY_LIMIT / 1024} KB. Sign in first.`);
    } finally {
      close();
    }
  });

  it('when an anonymous API call sends a large JSON body, then 413 for the body and nothing is stored', async () => {
    const testApp = createTestApp();
    const response = await request(testApp.app)
      .post('/api/articles')
      .send({ text: 'A sentence. '.repeat(10_000) })
      .expect(413);
    expect(response.body.error.code).toBe('too_large');
    expect(count(testApp, 'articles')).toBe(0);
  });

  it('when a signed-in caller sends the same body, then the large limit applies', async () => {
    const testApp = createTestApp();
    const admin = await testApp.api('admin');
    await admin
      .post('/api/articles')
      .send({ text: 'A sentence. '.repeat(10_000) })
      .expect(201);
    const browser = await testApp.browser('admin');
    await browser
      .post('/articles')
      .type('form')
      .send({ title: 'Pasted', text: 'Another sentence. '.repeat(5_000) })
      .expect(303);
    expect(count(testApp, 'articles')).toBe(2);
  });
});

describe('Text arrives as UTF-8 or is refused', () => {
  it('when a JSON body has bytes that are not UTF-8, then 400 and nothing is stored (no U+FFFD)', async () => {
    const testApp = createTestApp();
    const editor = await testApp.api('editor');
    const response = await editor
      .post('/api/tokens')
      .set('Content-Type', 'application/json')
      .serialize((bytes: Buffer) => bytes as unknown as string) // the bytes as they are: superagent sends a Buffer unchanged
      .send(Buffer.concat([Buffer.from('{"label":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]))
      .expect(400);
    expect(response.body.error).toEqual({
      code: 'invalid_encoding',
      message: 'The request body is not valid UTF-8 (it has bytes that are not text). Nothing was saved.',
    });
    expect(count(testApp, 'api_tokens')).toBe(1);
  });

  // A plain UTF-8 JSON body is decoded piece by piece as it arrives (src/web/bodies.ts), so a character
  // may be cut between two pieces, and a bad byte may come long after the first piece was decoded.
  it('when a JSON body arrives in pieces that cut a character in two, then the text arrives whole', async () => {
    const testApp = createTestApp();
    const [first, second] = [Buffer.from('{"text":"Ein sch'), Buffer.from('öner Satz."}')];
    const cut = Buffer.concat([first, second.subarray(0, 1)]); // the first byte of "ö" only
    const answer = await postInPieces(testApp, '/api/articles', [cut, second.subarray(1)]);
    expect(answer.status).toBe(201);
    expect(testApp.db.prepare('SELECT mt FROM segments').pluck().get()).toBe('Ein schöner Satz.');
  });

  it.each([
    ['a later piece has a byte that is not UTF-8', [Buffer.from('{"text":"Un'), Buffer.from([0x20, 0xe9, 0x74, 0xe9, 0x2e, 0x22, 0x7d])]],
    ['the body ends inside a character', [Buffer.from('{"text":"Un été."}'), Buffer.from([0xc3])]],
  ])('when %s, then 400 invalid_encoding and nothing is stored', async (_case, pieces) => {
    const testApp = createTestApp();
    const answer = await postInPieces(testApp, '/api/articles', pieces);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('invalid_encoding');
    expect(count(testApp, 'articles')).toBe(0);
  });

  it('when a JSON body sent in pieces passes the size limit inside a character, then 413, not a complaint about its bytes', async () => {
    const testApp = createTestApp({ maxUploadBytes: 64 });
    const body = Buffer.from(`{"text":"${'é'.repeat(40)}"}`);
    // Sent without a Content-Length (chunked): the limit is found while reading, inside an "é". The parser then
    // reads off the rest, so the bytes checked as they came end whole, and the answer is about the size.
    const answer = await postInPieces(testApp, '/api/articles', [body.subarray(0, 70), body.subarray(70)]);
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe('too_large');
  });

  it('when a JSON body comes gzip-compressed, then it is read, and bytes in it that are not UTF-8 are refused', async () => {
    const testApp = createTestApp();
    const gzipped = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
    const good = await postInPieces(testApp, '/api/articles', [gzipSync('{"text":"Un été."}')], gzipped);
    expect(good.status).toBe(201);
    const bad = await postInPieces(
      testApp,
      '/api/articles',
      [gzipSync(Buffer.from([...Buffer.from('{"text":"Un '), 0xe9, 0x22, 0x7d]))],
      gzipped,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_encoding');
    expect(count(testApp, 'articles')).toBe(1);
  });

  it('when a JSON body declares another charset than UTF-8, then 415 and nothing is stored', async () => {
    const testApp = createTestApp();
    const answer = await postInPieces(testApp, '/api/articles', [Buffer.from('{"text":"Un été."}', 'utf16le')], {
      'Content-Type': 'application/json; charset=utf-16le',
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error?.code).toBe('unsupported_encoding');
    expect(count(testApp, 'articles')).toBe(0);
  });

  it('when a form field has a percent escape that is not UTF-8 (%FF%FE), then 400 and it is not stored as literal text', async () => {
    const testApp = createTestApp();
    const editor = await testApp.browser('editor');
    const response = await editor.post('/account/tokens').type('form').send('label=%FF%FE').expect(400);
    expect(response.text).toContain('a field has a percent escape that is not UTF-8 text');
    expect(count(testApp, 'api_tokens')).toBe(0);
  });

  it('when an uploaded form field is not UTF-8, then 400 and nothing is imported', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    // Written by hand: a form library would encode the title as UTF-8.
    const body = Buffer.concat([
      Buffer.from('--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\nA sentence.\r\n--xyz--\r\n'),
    ]);
    const response = await admin.post('/articles').set('Content-Type', 'multipart/form-data; boundary=xyz').send(body).expect(400);
    expect(response.text).toContain('A form field is not valid UTF-8 text.');
    expect(count(testApp, 'articles')).toBe(0);
  });

  it('when an uploaded form has UTF-8 text and file name, then they arrive intact', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    await admin.post('/articles').field('title', '').attach('file', Buffer.from('Ein schöner Satz. Noch einer.'), 'naïve.txt').expect(303);
    expect(testApp.db.prepare('SELECT title FROM articles').pluck().get()).toBe('Naïve');
    expect(testApp.db.prepare('SELECT mt FROM segments ORDER BY id LIMIT 1').pluck().get()).toBe('Ein schöner Satz.');
  });
});

describe('A broken multipart body is a clear 400', () => {
  it.each([
    ['no boundary', 'multipart/form-data', 'whatever'],
    [
      'a boundary that never comes',
      'multipart/form-data; boundary=xyz',
      '--abc\r\nContent-Disposition: form-data; name="text"\r\n\r\nHi\r\n',
    ],
    ['a cut-off body', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\nA sentence'],
  ])('when the import form comes with %s, then 400 with a message and nothing is stored', async (_case, contentType, body) => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    const response = await admin.post('/articles').set('Content-Type', contentType).send(body).expect(400);
    expect(response.text).toContain('the multipart body is malformed or has no boundary');
    expect(count(testApp, 'articles')).toBe(0);
  });

  it('when an API client sends a broken multipart body to the import route, then 400 too', async () => {
    const testApp = createTestApp();
    const admin = await testApp.api('admin');
    const response = await admin.post('/articles').set('Content-Type', 'multipart/form-data').send('x').expect(400);
    expect(response.text).toContain('the multipart body is malformed');
    await importViaApi(testApp, 'Still works.');
  });
});
