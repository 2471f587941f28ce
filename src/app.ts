import express, { type Request, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Db } from './db/database';
import { publicDir, viewsDir } from './paths';
import { createServices, defaultSessionPolicy } from './services';
import type { SessionPolicy } from './auth/accountService';
import { authenticate, csrfProtection } from './auth/authenticate';
import { accountRoutes, authRoutes } from './auth/authRoutes';
import { accountApi } from './auth/accountApi';
import { SetupGate } from './auth/setupGate';
import { requireRole, type Actor } from './auth/roles';
import { adminRoutes } from './admin/adminRoutes';
import { articleRoutes } from './articles/articleRoutes';
import { articleApi } from './articles/articleApi';
import { segmentRoutes } from './segments/segmentRoutes';
import { segmentApi } from './segments/segmentApi';
import { exportApi, exportRoutes } from './export/exportRoutes';
import { qualityApi } from './quality/qualityApi';
import { qualityRoutes } from './quality/qualityRoutes';
import { PresenceTracker } from './presence/presence';
import { presenceApi } from './presence/presenceApi';
import { errorHandler, notFoundHandler } from './web/errorHandler';
import { AppError } from './errors';

export interface AppOptions {
  db: Db;
  maxUploadBytes: number;
  /** The first-run link's token, while no user exists. */
  setup?: SetupGate;
  sessionPolicy?: SessionPolicy;
  trustProxy?: boolean | number | string;
  /**
   * For the benchmark's baseline only: every request acts as this account, with
   * no session, token or CSRF check, so that the cost of authentication can be
   * measured against it. The server never sets it.
   */
  actAsWithoutAuthentication?: Actor;
}

/** Browser pages need a signed-in account: anonymous visitors are sent to sign in first. */
const requireSignIn: RequestHandler = (req, res, next) => {
  if (res.locals.actor) return next();
  if (req.method === 'GET' || req.method === 'HEAD') return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
  next(new AppError(401, 'unauthenticated', 'Your session has ended. Sign in again; your last change was not saved.'));
};

/** Builds the Express app without listening, so tests run it in-process. */
export function createApp(options: AppOptions) {
  const { db, maxUploadBytes, setup = new SetupGate(), sessionPolicy = defaultSessionPolicy, trustProxy = false, actAsWithoutAuthentication } = options;
  const services = createServices(db, sessionPolicy);
  const presence = new PresenceTracker();
  const secureCookies = (req: Request) => req.secure;
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  // Compile each template once; without this Express recompiles every row's partial per request.
  app.enable('view cache');
  app.set('trust proxy', trustProxy);
  app.disable('x-powered-by');

  // Scripts and styles only from our own files: no inline script can run.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'"] } } }));
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));
  app.use(cookieParser());
  app.use(express.json({ limit: maxUploadBytes }));
  app.use(express.urlencoded({ extended: false, limit: maxUploadBytes }));
  if (actAsWithoutAuthentication) {
    app.use((_req, res, next) => {
      res.locals.actor = actAsWithoutAuthentication;
      next();
    });
  } else {
    app.use(authenticate(services.accounts, secureCookies));
    app.use(csrfProtection);
  }

  // Every API route needs an account (a bearer token or a browser session); roles are checked per route.
  app.use('/api', requireRole('editor'), accountApi(services.accounts), articleApi(services), segmentApi(services), exportApi(services), presenceApi(services, presence), qualityApi(services));
  app.use('/api', (req, _res, next) => next(new AppError(404, 'not_found', `No API route ${req.method} ${req.path}.`)));

  app.use(authRoutes({ accounts: services.accounts, setup, secureCookies, sessionMaxDays: sessionPolicy.maxDays }));
  app.use(requireSignIn);
  app.use(accountRoutes(services.accounts), adminRoutes(services.accounts));
  app.use(articleRoutes(services, maxUploadBytes), segmentRoutes(services), exportRoutes(services), qualityRoutes(services));

  app.use(notFoundHandler);
  app.use(errorHandler(maxUploadBytes));
  return app;
}
