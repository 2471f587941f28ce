import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** Names browsers treat as a secure context even over plain HTTP. */
const isLoopbackName = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);

/**
 * Helmet's headers, with those that only make sense over HTTPS sent only then.
 * Over plain HTTP under a network name (http://redline.desk:3000), the default
 * `upgrade-insecure-requests` makes the browser fetch every stylesheet, script and
 * form post over https, which nothing answers: an unstyled page without scripts
 * whose sign-in form is blocked. HSTS would pin the name to HTTPS for a year, and
 * Cross-Origin-Opener-Policy is ignored there with a console error on every page
 * (browsers honour it only on secure origins, which localhost is).
 * `req.secure` is true on a TLS socket or, with REDLINE_TRUST_PROXY, when the
 * trusted proxy says X-Forwarded-Proto: https.
 */
export function securityHeaders(): RequestHandler {
  // Scripts and styles only from our own files: no inline script can run.
  const directives = { 'script-src': ["'self'"], 'style-src': ["'self'"] };
  const overPlainHttp = { directives: { ...directives, 'upgrade-insecure-requests': null } };
  const overHttps = helmet({ contentSecurityPolicy: { directives } });
  const onLoopback = helmet({ contentSecurityPolicy: overPlainHttp, strictTransportSecurity: false });
  const onNetwork = helmet({ contentSecurityPolicy: overPlainHttp, strictTransportSecurity: false, crossOriginOpenerPolicy: false });
  const headersFor = (req: Request) => (req.secure ? overHttps : isLoopbackName(req.hostname) ? onLoopback : onNetwork);
  return (req, res, next) => headersFor(req)(req, res, next);
}
