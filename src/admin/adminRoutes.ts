import { Router, type Response } from 'express';
import type { AccountService } from '../auth/accountService';
import { generatePassword } from '../auth/passwords';
import { requireRole, type Actor } from '../auth/roles';
import { AppError } from '../errors';
import { parseId } from '../web/validate';

/** User management and the audit log, for admins only. */
export function adminRoutes(accounts: AccountService): Router {
  const router = Router();
  router.use('/admin', requireRole('admin'));

  const renderUsers = (res: Response, status: number, extra: { error?: string; notice?: string; values?: Record<string, string> }) =>
    res.status(status).render('admin/users', {
      title: 'Users',
      users: accounts.users(),
      tokens: accounts.tokens(res.locals.actor as Actor),
      error: extra.error,
      notice: extra.notice,
      values: extra.values ?? {},
    });

  router.get('/admin/users', (_req, res) => renderUsers(res, 200, {}));

  router.post('/admin/users', async (req, res) => {
    const values = { username: String(req.body?.username ?? ''), displayName: String(req.body?.displayName ?? ''), role: String(req.body?.role ?? 'editor') };
    // An empty password field means "make one up": it is shown once, here.
    const generated = req.body?.password ? undefined : generatePassword();
    try {
      const user = await accounts.createUser({ ...values, password: generated ?? req.body.password }, res.locals.actor as Actor, req.ip);
      renderUsers(res, 201, {
        notice: generated
          ? `Created ${user.username}. Their password is ${generated} — pass it on now; it is not shown again.`
          : `Created ${user.username}.`,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      renderUsers(res, error.status, { error: error.message, values });
    }
  });

  router.post('/admin/users/:id/role', (req, res) => {
    try {
      const user = accounts.setRole(res.locals.actor as Actor, parseId(req.params.id, 'User'), req.body?.role, req.ip);
      renderUsers(res, 200, { notice: `${user.username} is now ${user.role}.` });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      renderUsers(res, error.status, { error: error.message });
    }
  });

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    router.post(`/admin/users/:id/${path}`, (req, res) => {
      try {
        const user = accounts.setDisabled(res.locals.actor as Actor, parseId(req.params.id, 'User'), disabled, req.ip);
        renderUsers(res, 200, { notice: `${user.username} is ${disabled ? 'disabled: their sessions ended and their tokens stopped working' : 'enabled again'}.` });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
        renderUsers(res, error.status, { error: error.message });
      }
    });
  }

  router.get('/admin/audit', (_req, res) => {
    res.render('admin/audit', { title: 'Audit log', entries: accounts.audit.latest(500) });
  });

  return router;
}
