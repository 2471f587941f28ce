/**
 * MQM (Multidimensional Quality Metrics) error typology and scoring as Redline uses
 * it: the MQM core dimensions with their common subcategories, four severities, and
 * the WMT weighting (Freitag et al., 2021: minor 1, major 5, minor punctuation 0.1;
 * non-translation is scored 25 there, which is our critical weight).
 */

export const SEVERITIES = ['neutral', 'minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface MqmCategory {
  code: string;
  /** the MQM dimension, for grouping in menus and charts */
  dimension: string;
  label: string;
}

/** Stable codes: they are stored and returned by the API, so they never change. */
export const MQM_CATEGORIES = [
  { code: 'accuracy/mistranslation', dimension: 'Accuracy', label: 'Mistranslation' },
  { code: 'accuracy/omission', dimension: 'Accuracy', label: 'Omission' },
  { code: 'accuracy/addition', dimension: 'Accuracy', label: 'Addition' },
  { code: 'accuracy/untranslated', dimension: 'Accuracy', label: 'Untranslated' },
  { code: 'fluency/grammar', dimension: 'Fluency', label: 'Grammar' },
  { code: 'fluency/spelling', dimension: 'Fluency', label: 'Spelling' },
  { code: 'fluency/punctuation', dimension: 'Fluency', label: 'Punctuation' },
  { code: 'fluency/register', dimension: 'Fluency', label: 'Register' },
  { code: 'terminology', dimension: 'Terminology', label: 'Terminology' },
  { code: 'style', dimension: 'Style', label: 'Style' },
  { code: 'locale-conventions', dimension: 'Locale conventions', label: 'Locale conventions' },
  { code: 'other', dimension: 'Other', label: 'Other' },
  { code: 'non-translation', dimension: 'Non-translation', label: 'Non-translation' },
  { code: 'source-issue', dimension: 'Source issue', label: 'Source issue' },
] as const satisfies readonly MqmCategory[];

export type MqmCategoryCode = (typeof MQM_CATEGORIES)[number]['code'];
export const MQM_CATEGORY_CODES = MQM_CATEGORIES.map((category) => category.code) as [MqmCategoryCode, ...MqmCategoryCode[]];

const CATEGORY_BY_CODE = new Map<string, MqmCategory>(MQM_CATEGORIES.map((category) => [category.code, category]));

/** "Accuracy / Mistranslation", "Terminology": how a category is named on pages and labels. */
export function categoryLabel(code: string): string {
  const category = CATEGORY_BY_CODE.get(code);
  if (!category) return code;
  return category.dimension === category.label ? category.label : `${category.dimension} / ${category.label}`;
}

export interface SeverityWeights {
  neutral: number;
  minor: number;
  major: number;
  critical: number;
  /** used instead of `minor` for a minor fluency/punctuation error */
  minorPunctuation: number;
}

export interface QualitySettings {
  weights: SeverityWeights;
  /** an article passes when its quality score is at least this (0..100) */
  passThreshold: number;
  /** the verdict is provisional until reviewed words reach this share of the evaluated words, in percent (0..100) */
  verdictCoverage: number;
  updatedBy: string;
  updatedAt: string;
}

/** Upper bound of a weight: far above any real one, and keeps sums finite. */
export const WEIGHT_MAX = 1000;

export function annotationPenalty(annotation: { category: string; severity: Severity }, weights: SeverityWeights): number {
  if (annotation.severity === 'minor' && annotation.category === 'fluency/punctuation') return weights.minorPunctuation;
  return weights[annotation.severity];
}

/** Annotations, or counts of annotations of one category and severity (the stored figures keep counts). */
export type Counted = { category: string; severity: Severity; count?: number };

/** The absolute penalty total: the sum of the annotations' weights. */
export function totalPenalty(annotations: readonly Counted[], weights: SeverityWeights): number {
  let penalty = 0;
  for (const annotation of annotations) penalty += (annotation.count ?? 1) * annotationPenalty(annotation, weights);
  // Summed 0.1 weights drift in binary floating point (0.1 + 0.2 = 0.30000000000000004).
  return Math.round(penalty * 1e9) / 1e9;
}

export interface MqmScore {
  annotationCount: number;
  /** absolute penalty total: the sum of the weights of all annotations */
  penalty: number;
  evaluatedWords: number;
  /** null when no words were evaluated */
  penaltyPer1000Words: number | null;
  /** 100 × (1 − penalty / evaluated words); below 0 when penalties outnumber words; null without words */
  qualityScore: number | null;
  passThreshold: number;
  /** null when no words were evaluated */
  pass: boolean | null;
}

export function mqmScore(
  annotations: readonly Counted[],
  evaluatedWords: number,
  settings: Pick<QualitySettings, 'weights' | 'passThreshold'>,
): MqmScore {
  const penalty = totalPenalty(annotations, settings.weights);
  const qualityScore = evaluatedWords > 0 ? 100 * (1 - penalty / evaluatedWords) : null;
  return {
    annotationCount: annotations.reduce((sum, annotation) => sum + (annotation.count ?? 1), 0),
    penalty,
    evaluatedWords,
    penaltyPer1000Words: evaluatedWords > 0 ? (penalty / evaluatedWords) * 1000 : null,
    qualityScore,
    passThreshold: settings.passThreshold,
    pass: qualityScore === null ? null : qualityScore >= settings.passThreshold,
  };
}
