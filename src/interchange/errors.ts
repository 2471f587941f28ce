/**
 * The one error every interchange reader and writer throws for bad input. Its
 * message is meant for the person who uploaded the file: it names the problem
 * and, when the file has lines, where it is. `code` is stable, for the API and
 * for tests; the app maps it to a 422 answer.
 */
export type InterchangeErrorCode =
  | 'not_well_formed'
  | 'invalid_encoding'
  | 'unsupported_encoding'
  | 'dtd_not_allowed'
  | 'not_xliff'
  | 'unsupported_version'
  | 'not_tbx'
  | 'missing_columns'
  | 'bad_table'
  | 'paragraph_mismatch'
  | 'empty_input'
  | 'anchor_mismatch'
  | 'bad_segment';

export interface TextPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

export class InterchangeError extends Error {
  constructor(
    readonly code: InterchangeErrorCode,
    message: string,
    readonly position?: TextPosition,
  ) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.name = 'InterchangeError';
  }
}
