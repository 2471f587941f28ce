import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp } from '../helpers/app';

const csp = (response: request.Response) => String(response.headers['content-security-policy']);

describe('Security headers over plain HTTP and over HTTPS', () => {
  it('when served over plain HTTP under a network name, then neither upgrade-insecure-requests, HSTS nor COOP is sent, and the rest of the policy is', async () => {
    const { app } = createTestApp();
    const response = await request(app).get('/login').set('Host', 'redline.desk:3000').expect(200);
    expect(csp(response)).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    // Browsers ignore it on such an origin and log an error on every page.
    expect(response.headers['cross-origin-opener-policy']).toBeUndefined();
    // What keeps scripts and forms ours stays.
    expect(csp(response)).toContain("script-src 'self'");
    expect(csp(response)).toContain("form-action 'self'");
    // Static files too: a stylesheet must not be told to upgrade either.
    const css = await request(app).get('/static/css/redline.css').set('Host', 'redline.desk:3000').expect(200);
    expect(css.headers['strict-transport-security']).toBeUndefined();
  });

  it('when served over plain HTTP on localhost, then COOP is kept (browsers honour it there) but nothing asks for HTTPS', async () => {
    const { app } = createTestApp();
    const response = await request(app).get('/login').set('Host', 'localhost:3000').expect(200);
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(csp(response)).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('when a trusted proxy says the request came over HTTPS, then upgrade-insecure-requests and HSTS are sent', async () => {
    const { app } = createTestApp({ trustProxy: 1 });
    const response = await request(app).get('/login').set('Host', 'redline.desk').set('X-Forwarded-Proto', 'https').expect(200);
    expect(csp(response)).toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('when the proxy header comes from a caller the app does not trust, then it is ignored and no HTTPS-only header is sent', async () => {
    const { app } = createTestApp();
    const response = await request(app).get('/login').set('X-Forwarded-Proto', 'https').expect(200);
    expect(csp(response)).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
