import { Router, type Response } from 'express';
import { z } from 'zod';
import { describeSignedOut, type AccountService } from '../auth/accountService';
import { localsOf } from '../auth/locals';
import { generatePassword } from '../auth/passwords';
import { requireRole, signedIn } from '../auth/roles';
import { newUserSchema, roleSchema, setupFormSchema, signOutEverywhereSchema } from '../auth/schemas';
import type { Flash } from '../web/flash';
import { submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';

const newUserFormSchema = setupFormSchema
  .pick({ username: true, displayName: true, password: true })
  .extend({ role: z.string().default('editor') });
/** The audit page lists this many of the latest entries. */
const AUDIT_ENTRIES_SHOWN = 500;
const roleFormSchema = z.object({ role: roleSchema });

/**
 * User management and the audit log, for admins only. Every action redirects to
 * the users page (POST → redirect → GET) with a notice for the next page; a
 * refused form is shown again with its message instead.
 */
export function adminRoutes(accounts: AccountService, flash: Flash): Router {
  const router = Router();
  router.use('/admin', requireRole('admin'));

  const renderUsers = (res: Response, status: number, extra: { error?: string; notice?: string; values?: Record<string, string> }) =>
    res.status(status).render('admin/users', {
      title: 'Users',
      users: accounts.users(),
      tokens: accounts.tokens(signedIn(res)),
      error: extra.error,
      notice: extra.notice,
      values: extra.values ?? {},
    });

  /** After an action: back to the users page, which shows the notice once. */
  const done = (res: Response, notice: string) => {
    flash.set(localsOf(res).session?.id, notice);
    res.redirect(303, '/admin/users');
  };

  router.get('/admin/users', (_req, res) => renderUsers(res, 200, { notice: flash.take(localsOf(res).session?.id) }));

  router.post('/admin/users', async (req, res) => {
    const form = parseInput(newUserFormSchema, req.body ?? {});
    // An empty password field means "make one up": it is shown once, on the next page.
    const generated = form.password ? undefined : generatePassword();
    await submitForm(
      req,
      async () => {
        const fields = parseInput(newUserSchema, { ...form, password: generated ?? form.password });
        const user = await accounts.createUser(fields, signedIn(res), req.ip);
        done(
          res,
          generated
            ? `Created ${user.username}. Their password is ${generated} — pass it on now; it is not shown again.`
            : `Created ${user.username}.`,
        );
      },
      (error) =>
        renderUsers(res, error.status, {
          error: error.message,
          values: { username: form.username, displayName: form.displayName, role: form.role },
        }),
    );
  });

  router.post('/admin/users/:id/role', async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    await submitForm(
      req,
      () => {
        const { role } = parseInput(roleFormSchema, req.body ?? {});
        const user = accounts.setRole(signedIn(res), userId, role, req.ip);
        done(res, `${user.username} is now ${user.role}.`);
      },
      (error) => renderUsers(res, error.status, { error: error.message }),
    );
  });

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/admin/users/:id/${path}`, async (req, res) => {
      const userId = parseId(req.params.id, 'User');
      await submitForm(
        req,
        () => {
          const user = accounts.setDisabled(signedIn(res), userId, disabled, req.ip);
          done(
            res,
            `${user.username} is ${disabled ? 'disabled: their sessions ended and their tokens stopped working' : 'enabled again'}.`,
          );
        },
        (error) => renderUsers(res, error.status, { error: error.message }),
      );
    });
  }

  router.post('/admin/users/:id/sessions/revoke', (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const { revokeTokens } = parseInput(signOutEverywhereSchema, req.body ?? {});
    const signedOut = accounts.signOutEverywhere(signedIn(res), userId, { revokeTokens }, req.ip);
    done(res, `${accounts.user(userId).username} is signed out everywhere: ${describeSignedOut(signedOut)}.`);
  });

  router.get('/admin/audit', (_req, res) => {
    res.render('admin/audit', { title: 'Audit log', entries: accounts.auditEntries(AUDIT_ENTRIES_SHOWN), limit: AUDIT_ENTRIES_SHOWN });
  });

  return router;
}
