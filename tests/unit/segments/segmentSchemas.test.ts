import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src/errors';
import { EDITING_SECONDS_MAX, editingSecondsField } from '../../../src/segments/segmentSchemas';
import { parseInput } from '../../../src/web/validate';

/** The field as a save reads it: undefined is "not measured", anything else must be 0..86400 seconds or a 422. */
const parseEditingSeconds = (value: unknown) =>
  parseInput(z.object({ editingSeconds: editingSecondsField }), { editingSeconds: value }).editingSeconds;

describe('editingSeconds on the server', () => {
  it('when it is a number from 0 to a day, or a numeric form string, then it is accepted', () => {
    expect(parseEditingSeconds(0)).toBe(0);
    expect(parseEditingSeconds(12.5)).toBe(12.5);
    expect(parseEditingSeconds(' 30 ')).toBe(30);
    expect(parseEditingSeconds(EDITING_SECONDS_MAX)).toBe(86_400);
  });

  it('when it is missing or empty, then it is "not measured" (undefined)', () => {
    expect(parseEditingSeconds(undefined)).toBeUndefined();
    expect(parseEditingSeconds('')).toBeUndefined();
    expect(parseEditingSeconds('  ')).toBeUndefined();
  });

  it.each([-1, 86_401, 'soon', Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, null])(
    'when it is %j, then a 422 names the field and its range',
    (value) => {
      let error: unknown;
      try {
        parseEditingSeconds(value);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 422, message: 'editingSeconds: editingSeconds must be a number of seconds from 0 to 86400.' });
    },
  );

  it('when used in a schema, then the field is optional', () => {
    expect(editingSecondsField.safeParse(undefined)).toMatchObject({ success: true, data: undefined });
    expect(editingSecondsField.safeParse('7')).toMatchObject({ success: true, data: 7 });
  });
});
