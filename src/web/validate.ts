import type { z } from 'zod';
import { unprocessable } from '../errors';

/** Parses request input with a schema; the first problem becomes a 422 naming the field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  // A refinement may name its own code (the typed-text rule's binary_content, ...), so every path answers alike.
  const params = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined) : undefined;
  const code = typeof params?.code === 'string' ? params.code : 'invalid_input';
  throw unprocessable(code, field ? `${field}: ${issue.message}` : issue.message, { field });
}

/** Route ids are positive integers; anything else is refused as invalid input (422), not a crash. */
export function parseId(value: unknown, what: string): number {
  const id = typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw unprocessable('invalid_id', `${what} id must be a positive whole number.`);
  return id;
}
