import express, { type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Db } from './db/database';
import { publicDir, viewsDir } from './paths';
import { createServices } from './services';
import { articleRoutes } from './articles/articleRoutes';
import { articleApi } from './articles/articleApi';
import { segmentRoutes } from './segments/segmentRoutes';
import { segmentApi } from './segments/segmentApi';
import { exportApi, exportRoutes } from './export/exportRoutes';
import { EDITOR_COOKIE, editorName, editorRoutes } from './editors/editorName';
import { AUTHOR_MAX } from './segments/segmentService';
import { errorHandler, notFoundHandler, wantsJson } from './web/errorHandler';
import { AppError } from './errors';

export interface AppOptions {
  db: Db;
  maxUploadBytes: number;
}

/** Browser writes need the editor's name; without one they are sent to give it. */
const requireNameForBrowserWrites: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.path === '/name' || res.locals.editorName) return next();
  if (wantsJson(req)) return next(new AppError(422, 'name_required', 'Tell Redline your name first, so your changes are attributed to you.'));
  const back = req.get('Referer');
  const nextPath = back ? new URL(back, 'http://x').pathname : '/';
  res.redirect(303, `/name?next=${encodeURIComponent(nextPath)}`);
};

/** API callers may name themselves in a header; otherwise the browser's name cookie, else "api". */
const apiAuthor: RequestHandler = (req, res, next) => {
  const header = req.get('X-Redline-Author')?.trim().slice(0, AUTHOR_MAX);
  res.locals.apiAuthor = header || res.locals.editorName || 'api';
  next();
};

/** Builds the Express app without listening, so tests run it in-process. */
export function createApp({ db, maxUploadBytes }: AppOptions): express.Express {
  const services = createServices(db);
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  app.disable('x-powered-by');

  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'"] } } }));
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));
  app.use(cookieParser());
  app.use(express.json({ limit: maxUploadBytes }));
  app.use(express.urlencoded({ extended: false, limit: maxUploadBytes }));
  app.use(editorName);
  app.use((_req, res, next) => {
    res.locals.editorCookie = EDITOR_COOKIE;
    next();
  });

  app.use('/api', apiAuthor, articleApi(services), segmentApi(services), exportApi(services));
  app.use('/api', (req, _res, next) => next(new AppError(404, 'not_found', `No API route ${req.method} ${req.path}.`)));

  app.use(editorRoutes());
  app.use(requireNameForBrowserWrites);
  app.use(articleRoutes(services, maxUploadBytes), segmentRoutes(services), exportRoutes(services));

  app.use(notFoundHandler);
  app.use(errorHandler(maxUploadBytes));
  return app;
}
