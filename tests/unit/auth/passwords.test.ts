import { describe, expect, it } from 'vitest';
import { PasswordHasher, PRODUCTION_PASSWORD_COST } from '../../../src/auth/passwords';

describe('Password hashes', () => {
  it('when a hasher is made without a cost, then it hashes at production cost (scrypt N = 2^15, r = 8, p = 1) and records it', async () => {
    expect(PRODUCTION_PASSWORD_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const hash = await new PasswordHasher().hash('a long password');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('a long password');
  });

  it('when a hash was made at another cost, then any hasher verifies it by the cost it records', async () => {
    const cheap = await new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 }).hash('a long password');
    const production = new PasswordHasher();
    expect(await production.verify('a long password', cheap)).toBe(true);
    expect(await production.verify('another password', cheap)).toBe(false);
    expect(await production.verify('a long password', 'md5$whatever')).toBe(false);
  });
});
