import { Router } from 'express';
import type { AccountService } from './accountService';
import type { ApiToken } from './accountRepository';
import type { Actor } from './roles';
import { parseId } from '../web/validate';

const tokenJson = (token: ApiToken) => ({
  id: token.id, userId: token.userId, label: token.label, prefix: token.prefix,
  createdAt: token.createdAt, lastUsedAt: token.lastUsedAt, revokedAt: token.revokedAt,
});

/** Who am I, and API token life cycle (list, create, revoke) for the JSON API. */
export function accountApi(accounts: AccountService): Router {
  const router = Router();

  router.get('/me', (_req, res) => {
    const actor = res.locals.actor as Actor;
    res.json({ id: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role });
  });

  router.get('/tokens', (_req, res) => {
    res.json({ tokens: accounts.tokens(res.locals.actor as Actor).map(tokenJson) });
  });

  router.post('/tokens', (req, res) => {
    const { token, record } = accounts.createToken(res.locals.actor as Actor, req.body?.label, req.ip);
    res.status(201).json({ ...tokenJson(record), token });
  });

  router.delete('/tokens/:id', (req, res) => {
    res.json(tokenJson(accounts.revokeToken(res.locals.actor as Actor, parseId(req.params.id, 'Token'), req.ip)));
  });

  return router;
}
