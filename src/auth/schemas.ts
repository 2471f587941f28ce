import { z } from 'zod';
import { checkbox, lineOfText } from '../web/fields';
import { DISPLAY_NAME_MAX, TOKEN_LABEL_MAX, USERNAME_MAX } from './model';
import { ROLES } from './roles';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords';

export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .trim()
  .min(1, 'Enter a username.')
  .max(USERNAME_MAX, `A username can be at most ${USERNAME_MAX} characters.`)
  .regex(/^[A-Za-z0-9._-]+$/, 'A username may use letters, digits, dot, dash and underscore only.');

export const displayNameSchema = lineOfText('A display name', DISPLAY_NAME_MAX, 'Enter a display name.');

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `A password can be at most ${PASSWORD_MAX} characters.`);

export const roleSchema = z.enum(ROLES, { error: `The role must be one of ${ROLES.join(', ')}.` });

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
});

export const tokenLabelSchema = lineOfText('A label', TOKEN_LABEL_MAX, 'Give the token a label, e.g. "import script".');

/** The sign-in form; the lengths are checked by the route, before any password hash is spent. */
export const loginSchema = z.object({
  username: z.string().default(''),
  password: z.string().default(''),
  next: z.string().optional(),
});

/** The setup form and the admin's "add a user" form (an empty password there means "generate one"). */
export const setupFormSchema = z.object({
  token: z.string().default(''),
  username: z.string().default(''),
  displayName: z.string().default(''),
  password: z.string().default(''),
  passwordAgain: z.string().default(''),
});

/** "Also revoke my API tokens" beside signing out everywhere or changing the password. */
const revokeTokens = checkbox('revokeTokens');

export const passwordFormSchema = z.object({
  current: z.string().default(''),
  password: z.string().default(''),
  passwordAgain: z.string().default(''),
  revokeTokens,
});

/** POST /account/sessions/revoke, /admin/users/:id/sessions/revoke and /api/me/sessions/revoke. */
export const signOutEverywhereSchema = z.object({ revokeTokens });
