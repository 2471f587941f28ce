import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_STREAMS_PER_USER } from '../../src/live/eventHub';
import { createTestApp, importViaApi, type TestApp } from '../helpers/app';
import type { Role } from '../../src/auth/roles';

interface Received {
  event: string;
  data: Record<string, unknown>;
}

/** An open event stream: the events received so far, a way to wait for the next matching one, and close(). */
interface Stream {
  status: number;
  contentType: string | undefined;
  events: Received[];
  next(event: string, match?: (data: Record<string, unknown>) => boolean): Promise<Received>;
  close(): void;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(testApp: TestApp): Promise<number> {
  const server = http.createServer(testApp.app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function openStream(testApp: TestApp, port: number, articleId: number, role: Role): Promise<Stream> {
  const { token } = testApp.services.accounts.createToken(await testApp.user(role), 'live test');
  return new Promise((resolve, reject) => {
    const request = http.get({
      port,
      host: '127.0.0.1',
      path: `/api/articles/${articleId}/events`,
      headers: { Authorization: `Bearer ${token}` },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const events: Received[] = [];
      const waiting: { event: string; match: (data: Record<string, unknown>) => boolean; resolve: (received: Received) => void }[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event || data === undefined) continue;
          const received = { event, data: JSON.parse(data) as Record<string, unknown> };
          events.push(received);
          const index = waiting.findIndex((wait) => wait.event === event && wait.match(received.data));
          if (index !== -1) waiting.splice(index, 1)[0]!.resolve(received);
        }
      });
      resolve({
        status: response.statusCode ?? 0,
        contentType: response.headers['content-type'],
        events,
        next: (event, match = () => true) => {
          const seen = events.find((received) => received.event === event && match(received.data));
          if (seen) return Promise.resolve(seen);
          return new Promise((resolveWait) => waiting.push({ event, match, resolve: resolveWait }));
        },
        close: () => request.destroy(),
      });
    });
  });
}

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, 'Talks ended late. Prices rose sharply.', 'Live');
  const port = await listen(testApp);
  return { ...testApp, article, port };
}

describe('GET /api/articles/:id/events', () => {
  it('when someone saves, approves or comments, then every stream of the article gets the event after the commit', async () => {
    const testApp = await setup();
    const watcher = await openStream(testApp, testApp.port, testApp.article.id, 'reviewer');
    expect(watcher.status).toBe(200);
    expect(watcher.contentType).toMatch(/^text\/event-stream/);
    await watcher.next('hello');
    const segment = testApp.article.segments[0]!;
    const editor = await testApp.api('editor');
    await editor.patch(`/api/segments/${segment.id}`).send({ text: 'Talks ended very late.', version: 1 }).expect(200);
    const saved = await watcher.next('segment', (data) => data.version === 2);
    expect(saved.data).toMatchObject({
      segmentId: segment.id,
      articleId: testApp.article.id,
      status: 'edited',
      action: 'edit',
      by: 'Ana Editor',
    });
    const reviewer = await testApp.api('reviewer');
    await reviewer.patch(`/api/segments/${segment.id}`).send({ status: 'rejected', note: 'Too free.', version: 2 }).expect(200);
    expect((await watcher.next('segment', (data) => data.version === 3)).data).toMatchObject({ status: 'rejected' });
    // The rejection's reason opened a thread, in the same transaction: its event came too.
    expect((await watcher.next('comment')).data).toMatchObject({ segmentId: segment.id, action: 'added', openComments: 1 });
    watcher.close();
  });

  it('when a save is refused, then no event is sent for it', async () => {
    const testApp = await setup();
    const watcher = await openStream(testApp, testApp.port, testApp.article.id, 'reviewer');
    await watcher.next('hello');
    const [first, second] = testApp.article.segments;
    const editor = await testApp.api('editor');
    await editor.patch(`/api/segments/${first!.id}`).send({ text: 'Stale.', version: 7 }).expect(409);
    await editor.patch(`/api/segments/${second!.id}`).send({ text: 'Prices rose.', version: 1 }).expect(200);
    await watcher.next('segment', (data) => data.segmentId === second!.id);
    expect(watcher.events.filter((received) => received.event === 'segment').map((received) => received.data.segmentId)).toEqual([
      second!.id,
    ]);
    watcher.close();
  });

  it('when people open and close the page, then presence goes through the stream', async () => {
    const testApp = await setup();
    const watcher = await openStream(testApp, testApp.port, testApp.article.id, 'reviewer');
    await watcher.next('hello');
    const editorUser = await testApp.user('editor');
    const other = await openStream(testApp, testApp.port, testApp.article.id, 'editor');
    await watcher.next('presence', (data) => (data.present as { userId: number }[]).some((entry) => entry.userId === editorUser.userId));
    const editor = await testApp.api('editor');
    const segmentId = testApp.article.segments[1]!.id;
    await editor.post(`/api/articles/${testApp.article.id}/presence`).send({ segmentId }).expect(200);
    await watcher.next('presence', (data) => (data.present as { segmentId: number }[]).some((entry) => entry.segmentId === segmentId));
    other.close();
    await watcher.next('presence', (data) => !(data.present as { userId: number }[]).some((entry) => entry.userId === editorUser.userId));
    watcher.close();
  });

  it('when one account opens too many streams, then the next is refused with 429 until one closes', async () => {
    const testApp = await setup();
    const streams: Stream[] = [];
    for (let index = 0; index < MAX_STREAMS_PER_USER; index++)
      streams.push(await openStream(testApp, testApp.port, testApp.article.id, 'editor'));
    const refused = await openStream(testApp, testApp.port, testApp.article.id, 'editor');
    expect(refused.status).toBe(429);
    streams.pop()!.close();
    await expect.poll(() => testApp.services.hub.streams(testApp.article.id)).toBe(MAX_STREAMS_PER_USER - 1);
    const again = await openStream(testApp, testApp.port, testApp.article.id, 'editor');
    expect(again.status).toBe(200);
    for (const stream of [...streams, again, refused]) stream.close();
  });

  it('when the article does not exist, then 404', async () => {
    const testApp = await setup();
    expect((await openStream(testApp, testApp.port, 999, 'editor')).status).toBe(404);
  });
});
