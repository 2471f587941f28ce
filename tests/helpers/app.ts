import fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../../src/app';
import { openDatabase, type Db } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { migrationsDir, sampleArticlePath } from '../../src/paths';

export const sampleText = fs.readFileSync(sampleArticlePath, 'utf8');

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** A supertest agent that carries cookies, with an editor name already set. */
  browser: () => Promise<ReturnType<typeof request.agent>>;
}

/** A fresh in-memory database and app per test, so tests never share data. */
export function createTestApp(options: { maxUploadBytes?: number } = {}): TestApp {
  const db = openDatabase(':memory:');
  migrate(db, migrationsDir);
  const app = createApp({ db, maxUploadBytes: options.maxUploadBytes ?? 10 * 1024 * 1024 });
  return {
    app,
    db,
    browser: async () => {
      const agent = request.agent(app);
      await agent.post('/name').type('form').send({ name: 'Ana Editor', next: '/' }).expect(303);
      return agent;
    },
  };
}

/** Imports through the API and returns the created article body. */
export async function importViaApi(app: TestApp['app'], text: string, title = 'Test article') {
  const response = await request(app).post('/api/articles').send({ title, text }).expect(201);
  return response.body as {
    id: number;
    segments: { id: number; text: string; mt: string; version: number; status: string; paragraph: number; position: number; kind: string }[];
  };
}
