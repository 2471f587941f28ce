import { z } from 'zod';
import { ROLES } from './roles';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords';

const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .trim()
  .min(1, 'Enter a username.')
  .max(40, 'A username can be at most 40 characters.')
  .regex(/^[A-Za-z0-9._-]+$/, 'A username may use letters, digits, dot, dash and underscore only.');

export const displayNameSchema = z
  .string({ error: 'Enter a display name.' })
  .trim()
  .min(1, 'Enter a display name.')
  .max(80, 'A display name can be at most 80 characters.')
  .refine(noControlCharacters, 'A display name cannot contain control characters.');

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

export const tokenLabelSchema = z
  .string({ error: 'Give the token a label.' })
  .trim()
  .min(1, 'Give the token a label, e.g. "import script".')
  .max(80, 'A label can be at most 80 characters.')
  .refine(noControlCharacters, 'A label cannot contain control characters.');
