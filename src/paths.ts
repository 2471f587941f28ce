import path from 'node:path';

/** The checkout's top folder; the same from src/ (tests, tsx) and from dist/ (built). */
export const projectRoot = path.resolve(__dirname, '..');
export const viewsDir = path.join(projectRoot, 'views');
export const publicDir = path.join(projectRoot, 'src', 'public');
export const migrationsDir = path.join(projectRoot, 'migrations');
export const sampleArticlePath = path.join(projectRoot, 'db', 'samples', 'ukraine-talks-paris-2025-04-18.txt');
export const defaultDatabasePath = path.join(projectRoot, 'db', 'redline.sqlite');
