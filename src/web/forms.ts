import type { Request } from 'express';
import { AppError } from '../errors';
import { wantsJson } from './errorHandler';

/** The refusals a form shows on itself, with what was typed, instead of on the error page. */
export const FORM_REFUSALS: readonly number[] = [409, 422];

/**
 * Runs a form's action. When it is refused with one of the `expected` statuses, the
 * form is shown again with the message, under that status; every other error (and
 * every error of a script's background request) goes on to the error handler.
 */
export async function submitForm(
  req: Request,
  action: () => unknown,
  showRefusal: (error: AppError) => void,
  expected: readonly number[] = FORM_REFUSALS,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError) || !expected.includes(error.status) || wantsJson(req)) throw error;
    showRefusal(error);
  }
}
