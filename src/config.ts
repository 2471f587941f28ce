import { z } from 'zod';
import { defaultDatabasePath } from './paths';
import type { SessionPolicy } from './auth/accountService';
import { defaultLimits, type ContentLimits } from './services';

const MEGABYTE = 1024 * 1024;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Only this machine by default; set 0.0.0.0 (behind HTTPS) to serve a newsroom.
  HOST: z.string().min(1).default('127.0.0.1'),
  REDLINE_DB: z.string().min(1).default(defaultDatabasePath),
  REDLINE_SAMPLE: z.enum(['0', '1']).default('1'),
  REDLINE_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(10),
  // Express's "trust proxy": unset = no proxy; "1" = one reverse proxy hop, or a list of addresses.
  REDLINE_TRUST_PROXY: z.string().optional(),
  REDLINE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(8 * 60),
  REDLINE_SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  // How big one article and one of its segments may be (imports and saves are refused above them).
  REDLINE_MAX_SEGMENTS: z.coerce.number().int().min(1).max(10_000_000).default(defaultLimits.maxSegments),
  REDLINE_MAX_SEGMENT_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(defaultLimits.maxSegmentChars),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  importSample: boolean;
  maxUploadBytes: number;
  trustProxy: boolean | number | string;
  sessionPolicy: SessionPolicy;
  limits: ContentLimits;
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
    host: env.HOST,
    databasePath: env.REDLINE_DB,
    importSample: env.REDLINE_SAMPLE === '1',
    maxUploadBytes: Math.round(env.REDLINE_MAX_UPLOAD_MB * MEGABYTE),
    trustProxy: parseTrustProxy(env.REDLINE_TRUST_PROXY),
    sessionPolicy: { idleMinutes: env.REDLINE_SESSION_IDLE_MINUTES, maxDays: env.REDLINE_SESSION_MAX_DAYS },
    limits: { maxSegments: env.REDLINE_MAX_SEGMENTS, maxSegmentChars: env.REDLINE_MAX_SEGMENT_CHARS },
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
