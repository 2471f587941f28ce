import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../errors';
import { safeReturnPath } from '../web/returnPath';
import { submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';
import type { AccountService } from './accountService';
import { SESSION_COOKIE } from './authenticate';
import { ANONYMOUS_CSRF_COOKIE } from './csrf';
import { localsOf } from './locals';
import { PASSWORD_MAX } from './passwords';
import { signedIn } from './roles';
import { USERNAME_MAX } from './model';
import {
  loginSchema,
  newUserSchema,
  passwordFormSchema,
  passwordSchema,
  setupFormSchema,
  signOutEverywhereSchema,
  tokenLabelSchema,
} from './schemas';
import type { SetupGate } from './setupGate';

export interface AuthRouteOptions {
  accounts: AccountService;
  setup: SetupGate;
  secureCookies: (req: Request) => boolean;
}

const LOGIN_WINDOW_MS = 15 * 60_000;
/**
 * Failed sign-ins allowed in LOGIN_WINDOW_MS (successes do not count). Per
 * address: one machine guessing many accounts. Per account and address: one
 * machine guessing one password; it locks only that machine out, so an
 * attacker cannot lock the owner out from elsewhere. Per account, across
 * addresses: the ceiling that stops many machines guessing one password
 * (reaching it takes perAccount / perAccountAndAddress addresses).
 */
export const loginLimits = { perAddress: 30, perAccountAndAddress: 5, perAccount: 50 };
/** A wrong password (401) and a disabled account (403) are told on the sign-in form itself. */
const SIGN_IN_REFUSALS = [401, 403];
/** The per-account rate limits' key: the username as typed, however it is cased or padded. */
const accountKey = (req: Request) => {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, USERNAME_MAX) : '';
};

/** Sign-in, sign-out, first-run setup, and the account page (password, API tokens). */
export function authRoutes({ accounts, setup, secureCookies }: AuthRouteOptions): Router {
  const router = Router();

  const renderLogin = (res: Response, status: number, error: string | undefined, username = '', next = '/', notice?: string) =>
    res.status(status).render('auth/login', { title: 'Sign in', error, notice, username, next });

  const tooMany = (what: string) => (_req: Request, res: Response) =>
    renderLogin(res, 429, `Too many failed sign-ins ${what}. Wait ${LOGIN_WINDOW_MS / 60_000} minutes and try again.`);
  const limitFailures = (limit: number, what: string, key?: (req: Request) => string) =>
    rateLimit({
      windowMs: LOGIN_WINDOW_MS,
      limit,
      skipSuccessfulRequests: true,
      standardHeaders: false,
      legacyHeaders: false,
      handler: tooMany(what),
      ...(key ? { keyGenerator: key } : {}),
    });
  // With REDLINE_TRUST_PROXY, req.ip is the client's address as the proxy reports it.
  const address = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const limitPerAddress = limitFailures(loginLimits.perAddress, 'from this address');
  const limitPerAccountAndAddress = limitFailures(
    loginLimits.perAccountAndAddress,
    'for this account from this address',
    (req) => `${accountKey(req)}@${address(req)}`,
  );
  const limitPerAccount = limitFailures(loginLimits.perAccount, 'for this account', (req) => `account:${accountKey(req)}`);

  function signIn(req: Request, res: Response, userId: number) {
    const { cookieValue } = accounts.openSession(userId);
    res.cookie(SESSION_COOKIE, cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(req),
      path: '/',
      maxAge: accounts.policy.maxDays * 86_400_000,
    });
    res.clearCookie(ANONYMOUS_CSRF_COOKIE, { path: '/' });
  }

  router.get('/login', (req, res) => {
    if (localsOf(res).actor) return res.redirect(303, '/');
    if (!accounts.hasUsers()) {
      return renderLogin(res, 200, 'No account exists yet: open the setup link that `npm start` printed on its console.');
    }
    const notice = req.query.signedOut === 'everywhere' ? 'You are signed out everywhere.' : undefined;
    renderLogin(res, 200, undefined, '', safeReturnPath(req.query.next, '/'), notice);
  });

  router.post('/login', limitPerAddress, limitPerAccountAndAddress, limitPerAccount, async (req, res) => {
    const parsed = loginSchema.safeParse(req.body ?? {});
    if (!parsed.success) return renderLogin(res, 422, 'Enter a username and a password.');
    const input = parsed.data;
    const next = safeReturnPath(input.next, '/');
    // Longer than any account could have: refuse before spending a password hash on it.
    if (input.username.length > USERNAME_MAX || input.password.length > PASSWORD_MAX) {
      return renderLogin(res, 422, `A username has at most ${USERNAME_MAX} characters and a password at most ${PASSWORD_MAX}.`, '', next);
    }
    await submitForm(
      req,
      async () => {
        const user = await accounts.authenticate(input.username, input.password, req.ip);
        signIn(req, res, user.id);
        res.redirect(303, next);
      },
      (error) => renderLogin(res, error.status, error.message, input.username, next),
      SIGN_IN_REFUSALS,
    );
  });

  router.post('/logout', (req, res) => {
    const { session, actor } = localsOf(res);
    if (session && actor) accounts.closeSession(session, actor, req.ip);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/login');
  });

  router.get('/setup', (req, res) => {
    if (accounts.hasUsers()) throw new AppError(404, 'setup_done', 'Redline is already set up. Sign in instead.');
    if (!setup.matches(req.query.token)) {
      throw new AppError(403, 'setup_token', 'This setup link is not valid. Use the link that `npm start` printed on its console.');
    }
    res.render('auth/setup', { title: 'Set up Redline', token: req.query.token, error: undefined, values: {} });
  });

  router.post('/setup', async (req, res) => {
    if (accounts.hasUsers()) throw new AppError(404, 'setup_done', 'Redline is already set up. Sign in instead.');
    const form = parseInput(setupFormSchema, req.body ?? {});
    if (!setup.matches(form.token)) throw new AppError(403, 'setup_token', 'This setup link is not valid.');
    await submitForm(
      req,
      async () => {
        if (form.password !== form.passwordAgain) throw new AppError(422, 'password_mismatch', 'The two passwords differ.');
        const fields = parseInput(newUserSchema, { ...form, role: 'admin' });
        const user = await accounts.createFirstAdmin(fields, req.ip);
        setup.close();
        signIn(req, res, user.id);
        res.redirect(303, '/');
      },
      (error) =>
        res.status(error.status).render('auth/setup', {
          title: 'Set up Redline',
          token: form.token,
          error: error.message,
          values: { username: form.username, displayName: form.displayName },
        }),
    );
  });

  return router;
}

/** The signed-in person's own page: password and API tokens. Mounted behind the sign-in check. */
export function accountRoutes(accounts: AccountService): Router {
  const router = Router();

  router.get('/account', (_req, res) => {
    renderAccount(res, 200, {});
  });

  function renderAccount(res: Response, status: number, extra: { error?: string; notice?: string; newToken?: string }) {
    const actor = signedIn(res);
    res.status(status).render('auth/account', {
      title: 'Your account',
      tokens: accounts.tokens(actor).filter((token) => token.userId === actor.userId),
      error: extra.error,
      notice: extra.notice,
      newToken: extra.newToken,
    });
  }

  router.post('/account/password', async (req, res) => {
    await submitForm(
      req,
      async () => {
        const form = parseInput(passwordFormSchema, req.body ?? {});
        if (form.password !== form.passwordAgain) throw new AppError(422, 'password_mismatch', 'The two new passwords differ.');
        const password = parseInput(passwordSchema, form.password);
        const { tokensRevoked } = await accounts.changePassword(
          signedIn(res),
          localsOf(res).session,
          { current: form.current, password },
          { revokeTokens: form.revokeTokens },
          req.ip,
        );
        const tokens = tokensRevoked === 1 ? 'your 1 API token was revoked' : `your ${tokensRevoked} API tokens were revoked`;
        renderAccount(res, 200, {
          notice: `Your password is changed. Your other sessions were signed out${form.revokeTokens ? ` and ${tokens}` : ''}.`,
        });
      },
      (error) => renderAccount(res, error.status, { error: error.message }),
    );
  });

  // Every session of this account ends, this one too; the API tokens only when asked.
  router.post('/account/sessions/revoke', (req, res) => {
    const { revokeTokens } = parseInput(signOutEverywhereSchema, req.body ?? {});
    const actor = signedIn(res);
    accounts.signOutEverywhere(actor, actor.userId, { revokeTokens }, req.ip);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/login?signedOut=everywhere');
  });

  router.post('/account/tokens', async (req, res) => {
    await submitForm(
      req,
      () => {
        const label = parseInput(tokenLabelSchema, (req.body as { label?: unknown } | undefined)?.label);
        const { token } = accounts.createToken(signedIn(res), label, req.ip);
        renderAccount(res, 201, { newToken: token, notice: 'Copy the token now: Redline stores only its hash and cannot show it again.' });
      },
      (error) => renderAccount(res, error.status, { error: error.message }),
    );
  });

  router.post('/account/tokens/:id/revoke', (req, res) => {
    accounts.revokeToken(signedIn(res), parseId(req.params.id, 'Token'), req.ip);
    res.redirect(303, safeReturnPath((req.body as { returnTo?: unknown } | undefined)?.returnTo, '/account'));
  });

  return router;
}
