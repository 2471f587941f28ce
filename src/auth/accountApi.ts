import { Router } from 'express';
import { parseId, parseInput } from '../web/validate';
import type { AccountService } from './accountService';
import type { ApiToken } from './model';
import { signedIn } from './roles';
import { signOutEverywhereSchema, tokenLabelSchema } from './schemas';
import { SESSION_COOKIE } from './authenticate';
import { localsOf } from './locals';

const tokenJson = (token: ApiToken) => ({
  id: token.id,
  userId: token.userId,
  label: token.label,
  prefix: token.prefix,
  createdAt: token.createdAt,
  lastUsedAt: token.lastUsedAt,
  revokedAt: token.revokedAt,
});

/** Who am I, and API token life cycle (list, create, revoke) for the JSON API. */
export function accountApi(accounts: AccountService): Router {
  const router = Router();

  router.get('/me', (_req, res) => {
    const actor = signedIn(res);
    res.json({ id: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role });
  });

  // "Sign out everywhere": every session of the caller's account ends; with {"revokeTokens": true} every API token too.
  router.post('/me/sessions/revoke', (req, res) => {
    const { revokeTokens } = parseInput(signOutEverywhereSchema, req.body ?? {});
    const actor = signedIn(res);
    const signedOut = accounts.signOutEverywhere(actor, actor.userId, { revokeTokens }, req.ip);
    if (localsOf(res).session) res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json(signedOut);
  });

  router.get('/tokens', (_req, res) => {
    res.json({ tokens: accounts.tokens(signedIn(res)).map(tokenJson) });
  });

  router.post('/tokens', (req, res) => {
    const label = parseInput(tokenLabelSchema, (req.body as { label?: unknown } | undefined)?.label);
    const { token, record } = accounts.createToken(signedIn(res), label, req.ip);
    res.status(201).json({ ...tokenJson(record), token });
  });

  router.delete('/tokens/:id', (req, res) => {
    res.json(tokenJson(accounts.revokeToken(signedIn(res), parseId(req.params.id, 'Token'), req.ip)));
  });

  return router;
}
