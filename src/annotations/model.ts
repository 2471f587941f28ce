import type { Severity } from './mqm';

export type AnnotationAction = 'create' | 'update' | 'delete';

/** What an annotation says: where in the MT, which kind of error, how bad, and why. */
export interface AnnotationFields {
  /** [start, end) in UTF-16 code units of the segment's MT; start = end is an omission there */
  start: number;
  end: number;
  category: string;
  severity: Severity;
  comment: string | null;
}

/** An MQM error annotation in its current state. */
export interface Annotation extends AnnotationFields {
  id: number;
  segmentId: number;
  articleId: number;
  version: number;
  /** when it was removed; null while it counts */
  deletedAt: string | null;
  author: string;
  userId: number | null;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface AnnotationRevision extends AnnotationFields {
  id: number;
  annotationId: number;
  version: number;
  action: AnnotationAction;
  author: string;
  userId: number | null;
  createdAt: string;
}

/** What a revision writes; the annotation row takes the same values as its current state. */
export interface AnnotationChange extends AnnotationFields {
  action: AnnotationAction;
  author: string;
  userId: number | null;
  at: string;
}

/** Who makes a change: the display name is stored as author, the account id when there is one. */
export interface AnnotationAuthor {
  name: string;
  userId: number | null;
}

export interface NewAnnotation {
  start: number;
  end: number;
  category: string;
  severity: Severity;
  comment?: string | null;
}

export interface AnnotationUpdate {
  version: number;
  start?: number;
  end?: number;
  category?: string;
  severity?: Severity;
  comment?: string | null;
}

// Which kinds are evaluated is a rule of the segments (the stored figures need it before annotations exist).
export { EVALUATED_KINDS, isEvaluated } from '../segments/model';

/** An annotation as the JSON export of an article carries it: [start, end) are UTF-16 offsets into the segment's MT. */
export interface ExportedAnnotation {
  id: number;
  segmentId: number;
  start: number;
  end: number;
  spanText: string;
  category: string;
  severity: Severity;
  comment: string | null;
  author: string;
  createdAt: string;
  updatedAt: string;
}
