import { z } from 'zod';
import { defaultDatabasePath } from './paths';

const MEGABYTE = 1024 * 1024;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  REDLINE_DB: z.string().min(1).default(defaultDatabasePath),
  REDLINE_SAMPLE: z.enum(['0', '1']).default('1'),
  REDLINE_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(10),
});

export interface Config {
  port: number;
  databasePath: string;
  importSample: boolean;
  maxUploadBytes: number;
}

/** Reads the environment once; a bad value stops the program with a message naming the variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    databasePath: env.REDLINE_DB,
    importSample: env.REDLINE_SAMPLE === '1',
    maxUploadBytes: Math.round(env.REDLINE_MAX_UPLOAD_MB * MEGABYTE),
  };
}
