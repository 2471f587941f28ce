import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters; each hash records the ones it was made with. */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

// N = 2^15, r = 8, p = 1 (32 MB, tens of ms per hash on this machine): memory-hard
// enough to make guessing expensive while a login stays well under 100 ms on a
// 2-core server. The parameters are stored in each hash, so they can be raised
// later without breaking old hashes.
export const PRODUCTION_PASSWORD_COST: PasswordCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * 1024 * 1024;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes new passwords at one cost and verifies any stored hash at the cost it
 * records. Tests build one with a cheap cost; the server and CLI use production's.
 */
export class PasswordHasher {
  /** A hash of a random password, verified against when a username does not exist, so timing does not tell. */
  private decoy: Promise<string> | undefined;

  constructor(private readonly cost: PasswordCost = PRODUCTION_PASSWORD_COST) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.cost);
    return ['scrypt', this.cost.N, this.cost.r, this.cost.p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** Verifies against a hash nobody knows the password of: costs what a real check costs, and fails. */
  async verifyDecoy(password: string): Promise<void> {
    this.decoy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(password, await this.decoy);
  }
}

/** A password for people who did not choose one (printed once by the CLI). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
