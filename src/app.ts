import express, { type Request, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import { publicDir, viewsDir } from './paths';
import type { Services } from './services';
import { PAGE_SIZE } from './pagination';
import { authenticate } from './auth/authenticate';
import { csrfProtection } from './auth/csrf';
import { accountRoutes, authRoutes } from './auth/authRoutes';
import { accountApi } from './auth/accountApi';
import { localsOf } from './auth/locals';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth/passwords';
import { ROLES, permissionsOf, requireRole, type Actor } from './auth/roles';
import { DISPLAY_NAME_MAX, TOKEN_LABEL_MAX, USERNAME_MAX } from './auth/model';
import { SetupGate } from './auth/setupGate';
import { adminRoutes } from './admin/adminRoutes';
import { annotationApi } from './annotations/annotationApi';
import { annotationRoutes } from './annotations/annotationRoutes';
import { COMMENT_MAX } from './annotations/annotationSchemas';
import { commentApi } from './comments/commentApi';
import { commentRoutes } from './comments/commentRoutes';
import { COMMENT_BODY_MAX } from './comments/model';
import { WEIGHT_MAX } from './annotations/mqm';
import { articleRoutes } from './articles/articleRoutes';
import { articleApi } from './articles/articleApi';
import { ImportJobs } from './articles/importJobs';
import { batchApi } from './batches/batchApi';
import { batchRoutes } from './batches/batchRoutes';
import { TITLE_MAX } from './articles/articleService';
import { segmentRoutes } from './segments/segmentRoutes';
import { segmentApi } from './segments/segmentApi';
import { PROGRESS_ORDER, REVIEW_STATUSES, type Segment } from './segments/model';
import { NOTE_MAX } from './segments/segmentService';
import { exportApi, exportRoutes } from './export/exportRoutes';
import { findingApi, findingsJsonOf } from './findings/findingApi';
import { findingRoutes } from './findings/findingRoutes';
import { REASON_MAX } from './findings/findingService';
import { glossaryApi } from './glossary/glossaryApi';
import { glossaryRoutes } from './glossary/glossaryRoutes';
import { qualityApi } from './quality/qualityApi';
import { searchApi } from './search/searchApi';
import { searchRoutes } from './search/searchRoutes';
import { qualityRoutes } from './quality/qualityRoutes';
import { PresenceTracker } from './presence/presence';
import { presenceApi } from './presence/presenceApi';
import { bodyParsers } from './web/bodies';
import { securityHeaders } from './web/securityHeaders';
import { liveApi, presencePublisher } from './live/liveApi';
import { errorHandler, notFoundHandler } from './web/errorHandler';
import { Flash } from './web/flash';
import { format } from './web/format';
import { AppError } from './errors';
import type { GlossaryChange } from './glossary/model';

export interface AppOptions {
  /** The database's service graph (createServices), shared with whoever else uses the database in this process. */
  services: Services;
  maxUploadBytes: number;
  /** The first-run link's token, while no user exists. */
  setup?: SetupGate;
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
  if (localsOf(res).actor) return next();
  if (req.method === 'GET' || req.method === 'HEAD') return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
  next(new AppError(401, 'unauthenticated', 'Your session has ended. Sign in again; your last change was not saved.'));
};

/**
 * What every template may read besides its own data: the formatter, and the rules
 * that live in code (statuses and their order, roles, page size, length limits).
 * Per request, res.locals adds the actor and what they may do (`can`).
 */
export const viewLocals = {
  format,
  statuses: REVIEW_STATUSES,
  progressOrder: PROGRESS_ORDER,
  roles: ROLES,
  pageSize: PAGE_SIZE,
  limits: {
    title: TITLE_MAX,
    note: NOTE_MAX,
    comment: COMMENT_MAX,
    commentBody: COMMENT_BODY_MAX,
    weight: WEIGHT_MAX,
    username: USERNAME_MAX,
    displayName: DISPLAY_NAME_MAX,
    tokenLabel: TOKEN_LABEL_MAX,
    reason: REASON_MAX,
    password: { min: PASSWORD_MIN, max: PASSWORD_MAX },
  },
};

/** The content limits the pages mention (REDLINE_MAX_SEGMENTS, REDLINE_MAX_SEGMENT_CHARS), from the service graph's settings. */
function contentLimits(services: Services) {
  return { segments: services.articles.maxSegments, segmentChars: services.segments.maxSegmentChars };
}

/** Builds the Express app without listening, so tests run it in-process. */
export function createApp(options: AppOptions) {
  const { services, maxUploadBytes, setup = new SetupGate(), trustProxy = false, actAsWithoutAuthentication } = options;
  const {
    accounts,
    articles,
    segments,
    annotations,
    comments,
    search,
    quality,
    writes,
    hub,
    batches,
    replace,
    propagation,
    glossary,
    findings,
  } = services;
  const presence = new PresenceTracker();
  const imports = new ImportJobs();
  const flash = new Flash();
  const secureCookies = (req: Request) => req.secure;
  const weights = () => quality.settings().weights;
  const annotatedMt = (rows: readonly Segment[]) => annotations.annotatedMt(rows);
  const articleOf = (articleId: number) => articles.get(articleId);
  const rowFindings = (rows: readonly Segment[]) => findings.rowQa(rows);
  const findingsOf = findingsJsonOf(findings);
  // A glossary write answers once the findings it can affect are re-checked (in chunks, not holding the server).
  const recheck = (change: GlossaryChange) => findings.recheckGlossary(change);
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  // Compile each template once; without this Express recompiles every row's partial per request.
  app.enable('view cache');
  app.set('trust proxy', trustProxy);
  app.disable('x-powered-by');
  Object.assign(app.locals, viewLocals);
  app.locals.limits = { ...viewLocals.limits, ...contentLimits(services) };

  // Background work (merging the search index) waits until no request has come for a moment.
  app.use((_req, _res, next) => {
    services.indexMerging.postpone();
    next();
  });
  app.use(securityHeaders());
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));
  app.use(cookieParser());
  // Who is calling comes first: the body is read only then, with the limit that caller gets.
  if (actAsWithoutAuthentication) {
    app.use((_req, res, next) => {
      Object.assign(localsOf(res), { actor: actAsWithoutAuthentication, can: permissionsOf(actAsWithoutAuthentication) });
      next();
    });
  } else app.use(authenticate(accounts));
  app.use(bodyParsers({ signedInLimit: maxUploadBytes, isKnownCaller: (res) => localsOf(res).actor !== undefined }));
  // The import form is the one upload: its token is inside the multipart body, checked by its route.
  if (!actAsWithoutAuthentication)
    app.use(
      // The routes that read a multipart upload (and check its token after parsing it): article and glossary imports.
      csrfProtection({ uploadForms: [/^\/(api\/)?articles$/, /^\/(api\/)?(articles\/\d+\/)?glossary\/import$/] }),
    );

  // Every API route needs an account (a bearer token or a browser session); roles are checked per route.
  app.use(
    '/api',
    requireRole('editor'),
    accountApi(accounts),
    articleApi(articles, imports, maxUploadBytes, findingsOf),
    segmentApi({ segments, writes }, findingsOf),
    findingApi({ findings, articles, writes, batches }),
    glossaryApi({ glossary, writes, recheck }, maxUploadBytes),
    exportApi({ articles, segments, annotations, comments }),
    presenceApi(articles, presence, presencePublisher(hub, presence)),
    liveApi({ articles, presence, hub }),
    annotationApi({ annotations, weights, writes }),
    commentApi({ comments, writes }),
    searchApi(search),
    qualityApi(quality, writes),
    batchApi({ batches, replace, propagation }),
  );
  app.use('/api', (req, _res, next) => next(new AppError(404, 'not_found', `No API route ${req.method} ${req.path}.`)));

  app.use(authRoutes({ accounts, setup, secureCookies }));
  app.use(requireSignIn);
  app.use(accountRoutes(accounts), adminRoutes(accounts, flash));
  app.use(
    articleRoutes({ articles, segments, annotatedMt, imports, batches, rowFindings }, maxUploadBytes),
    segmentRoutes({ segments, writes, annotatedMt, rowFindings, articleOf }),
    findingRoutes({ findings, articles, writes, segments, batches }),
    glossaryRoutes({ glossary, writes, recheck, articles, flash }, maxUploadBytes),
    exportRoutes({ articles, segments, annotations, comments }),
    annotationRoutes({ annotations, articles, weights, writes }),
    commentRoutes({ comments, writes }),
    searchRoutes({ search, articles, accounts }),
    qualityRoutes({ quality, writes, findingsByCheck: (articleId) => findings.countsByCheck(articleId) }),
    batchRoutes({ batches, replace, propagation, segments, flash }),
  );

  app.use(notFoundHandler);
  app.use(errorHandler());
  return app;
}
