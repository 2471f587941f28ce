import type { Db } from '../db/database';
import type { QualitySettings } from '../annotations/mqm';

/** SQL for the scoring settings; private to src/quality. */
export class QualityRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      settings: db.prepare(
        `SELECT weight_neutral AS neutral, weight_minor AS minor, weight_major AS major, weight_critical AS critical,
                weight_minor_punctuation AS minorPunctuation, pass_threshold AS passThreshold, verdict_coverage AS verdictCoverage,
                updated_by AS updatedBy, updated_at AS updatedAt
           FROM quality_settings WHERE id = 1`,
      ),
      updateSettings: db.prepare(
        `UPDATE quality_settings
            SET weight_neutral = @neutral, weight_minor = @minor, weight_major = @major, weight_critical = @critical,
                weight_minor_punctuation = @minorPunctuation, pass_threshold = @passThreshold, verdict_coverage = @verdictCoverage,
                updated_by = @updatedBy, updated_at = @updatedAt
          WHERE id = 1`,
      ),
    };
  }

  settings(): QualitySettings {
    const row = this.statements.settings.get() as
      | {
          neutral: number;
          minor: number;
          major: number;
          critical: number;
          minorPunctuation: number;
          passThreshold: number;
          verdictCoverage: number;
          updatedBy: string;
          updatedAt: string;
        }
      | undefined;
    // The migration creates the row and nothing deletes it.
    if (!row) throw new Error('quality_settings has no row; the database was changed by hand');
    const { passThreshold, verdictCoverage, updatedBy, updatedAt, ...weights } = row;
    return { weights, passThreshold, verdictCoverage, updatedBy, updatedAt };
  }

  updateSettings(settings: QualitySettings): void {
    this.statements.updateSettings.run({
      ...settings.weights,
      passThreshold: settings.passThreshold,
      verdictCoverage: settings.verdictCoverage,
      updatedBy: settings.updatedBy,
      updatedAt: settings.updatedAt,
    });
  }
}
