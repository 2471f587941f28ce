import os from 'node:os';

/** What the server knows once it listens, for the lines it prints (servingMessages). */
export interface ServingFacts {
  databasePath: string;
  /** HOST as configured: 127.0.0.1 (this machine), 0.0.0.0 or :: (every interface), or one address. */
  host: string;
  /** The port really listened on (PORT=0 picks one). */
  port: number;
  /** REDLINE_TRUST_PROXY is set: a reverse proxy (HTTPS) is in front. */
  behindProxy: boolean;
  /** The first-run link's token, while no account exists. */
  setupToken: string | undefined;
  /** This machine's addresses on its networks, and its name: what others can open when HOST is every interface. */
  network: { addresses: string[]; hostname: string };
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);
const isEveryInterface = (host: string) => host === '0.0.0.0' || host === '::';
const url = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** The machine's own addresses on its networks, IPv4 first (what people type); never the loopback ones. */
export function networkFacts(): ServingFacts['network'] {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal)
    .sort((a, b) => Number(a!.family !== 'IPv4') - Number(b!.family !== 'IPv4'))
    .map((entry) => entry!.address);
  return { addresses, hostname: os.hostname() };
}

/**
 * The lines printed once the server listens (never before: a busy port must not
 * look like a running server): where it serves, a link others can open when it
 * listens beyond this machine, the setup link, and a warning when passwords would
 * cross the network in clear.
 */
export function servingMessages(facts: ServingFacts): { lines: string[]; warnings: string[] } {
  const { host, port } = facts;
  const here = isLoopback(host) || isEveryInterface(host) ? url('localhost', port) : url(host, port);
  // Link-local IPv6 addresses (fe80::) need a zone to be opened: not something to print for people.
  const reachable = facts.network.addresses.find((address) => !address.startsWith('fe80:')) ?? facts.network.hostname;
  const forOthers = isEveryInterface(host) ? url(reachable, port) : undefined;
  const lines = [`Redline is serving ${facts.databasePath} at ${here}${forOthers ? ` (others on the network: ${forOthers})` : ''}`];
  if (facts.setupToken) {
    lines.push(
      `No account exists yet. Open this one-time link to create the first admin:\n  ${forOthers ?? here}/setup?token=${facts.setupToken}`,
    );
  }
  const warnings =
    isLoopback(host) || facts.behindProxy
      ? []
      : [
          `Warning: Redline listens on ${host} over plain HTTP: passwords and session cookies cross the network unencrypted. ` +
            'Put an HTTPS reverse proxy in front and set REDLINE_TRUST_PROXY (see "Serving other machines" in the README).',
        ];
  return { lines, warnings };
}

/** Why listening failed, in words an operator can act on. */
export function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (error.code === 'EADDRINUSE') {
    return `Redline cannot listen on ${where}: the port is already in use (another Redline or another program). Stop it, or set PORT to a free port.`;
  }
  if (error.code === 'EACCES')
    return `Redline cannot listen on ${where}: permission denied (ports below 1024 need privileges). Set PORT to 1024 or above.`;
  if (error.code === 'EADDRNOTAVAIL') return `Redline cannot listen on ${where}: this machine has no such address. Check HOST.`;
  return `Redline cannot listen on ${where}: ${error.message}`;
}
