import { describe, expect, it } from 'vitest';
import { servingMessages, type ServingFacts } from '../../src/serving';

const facts = (overrides: Partial<ServingFacts>): ServingFacts => ({
  databasePath: 'db/redline.sqlite',
  host: '127.0.0.1',
  port: 3000,
  behindProxy: false,
  setupToken: undefined,
  network: { addresses: ['192.0.2.15', 'fe80::1'], hostname: 'desk' },
  ...overrides,
});

describe('What the server prints once it listens', () => {
  it('when it listens on this machine only, then localhost links and no warning', () => {
    expect(servingMessages(facts({ setupToken: 'abc' }))).toEqual({
      lines: [
        'Redline is serving db/redline.sqlite at http://localhost:3000',
        'No account exists yet. Open this one-time link to create the first admin:\n  http://localhost:3000/setup?token=abc',
      ],
      warnings: [],
    });
  });

  it('when it listens on every interface over plain HTTP, then the network address is printed, the setup link uses it, and a warning says why HTTPS matters', () => {
    const { lines, warnings } = servingMessages(facts({ host: '0.0.0.0', setupToken: 'abc' }));
    expect(lines).toEqual([
      'Redline is serving db/redline.sqlite at http://localhost:3000 (others on the network: http://192.0.2.15:3000)',
      'No account exists yet. Open this one-time link to create the first admin:\n  http://192.0.2.15:3000/setup?token=abc',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Warning: Redline listens on 0\.0\.0\.0 over plain HTTP/);
    expect(warnings[0]).toContain('REDLINE_TRUST_PROXY');
  });

  it('when the machine has no network address, then its name is printed instead', () => {
    const { lines } = servingMessages(facts({ host: '::', network: { addresses: [], hostname: 'desk' } }));
    expect(lines[0]).toBe('Redline is serving db/redline.sqlite at http://localhost:3000 (others on the network: http://desk:3000)');
  });

  it('when it listens on one outside address, then that address is the link, and behind a trusted proxy there is no warning', () => {
    expect(servingMessages(facts({ host: '192.0.2.15', behindProxy: true }))).toEqual({
      lines: ['Redline is serving db/redline.sqlite at http://192.0.2.15:3000'],
      warnings: [],
    });
    expect(servingMessages(facts({ host: 'fd00::5' })).lines[0]).toBe('Redline is serving db/redline.sqlite at http://[fd00::5]:3000');
  });
});
