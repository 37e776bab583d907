import { describe, expect, it } from 'vitest';
import type { Pod } from '../../shared/api-types';
import { pendingPod } from '../controllers/test-support/cluster-fixture';
import { handleHttp, type HttpRequest } from './http';

const get = (host: string, path = '/', scheme: 'http' | 'https' = 'http'): HttpRequest => ({ method: 'GET', host, path, scheme });
const app = (name: string, spec: Partial<Pod['spec']> = {}, image = 'kubetm/app'): Pod => pendingPod(name, {}, { containers: [{ name: 'c', image }], ...spec });

describe('kubetm/app', () => {
  it.each([
    { name: '/hostname answers the Pod hostname as the course shows it', pod: app('pod-1'), path: '/hostname', status: 200, body: 'Hostname : pod-1\n' },
    { name: '/hostname uses spec.hostname', pod: app('pod4', { hostname: 'pod-a', subdomain: 'headless1' }), path: '/hostname', status: 200, body: 'Hostname : pod-a\n' },
    { name: '/version reports the image tag', pod: app('p', {}, 'kubetm/app:v2'), path: '/version', status: 200, body: 'Version : v2\n' },
    { name: 'an unknown path is Express\'s 404', pod: app('p'), path: '/nope', status: 404, body: expect.stringContaining('<pre>Cannot GET /nope</pre>') },
  ])('$name', ({ pod, path, status, body }) => {
    const r = handleHttp(get('20.109.5.11:8080', path), { ip: '20.109.5.11', port: 8080, pod });
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
  });
});

describe('other servers', () => {
  it('nginx serves its welcome page on /', () => {
    const r = handleHttp(get('x'), { ip: '20.109.5.12', port: 80, pod: app('web', {}, 'nginx:1.25.3') });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Welcome to nginx!</title>');
    expect(r.headers.Server).toBe('nginx/1.25.3');
    expect(r.headers['Content-Length']).toBe('615');
  });

  it.each([
    {
      name: 'GitHub Pages answers "Site not found" for a Host it has no site for (an ExternalName Service name)',
      req: get('externalname1'),
      status: 404,
      explain: 'github-pages-unknown-host',
      body: 'Site not found &middot; GitHub Pages',
    },
    { name: 'a *.github.io site over plain HTTP redirects to HTTPS', req: get('kubetm.github.io', '/sample/practice/intermediate/service-sample.md'), status: 301, explain: 'https-redirect', body: '301 Moved Permanently' },
  ])('$name', ({ req, status, explain, body }) => {
    const r = handleHttp(req, { ip: '185.199.110.153', port: 80 });
    expect([r.status, r.explain]).toEqual([status, explain]);
    expect(r.body).toContain(body);
    if (status === 301) expect(r.headers.Location).toBe('https://kubetm.github.io/sample/practice/intermediate/service-sample.md');
  });

  it('does not simulate TLS, but says what the server would answer over it', () => {
    const r = handleHttp(get('kubetm.github.io', '/sample/practice/intermediate/service-sample.md', 'https'), { ip: '185.199.108.153', port: 443 });
    expect([r.status, r.explain]).toEqual([0, 'tls-not-simulated']);
    expect(r.overTls?.status).toBe(200);
    expect(r.overTls?.body).toContain('kind: Service');
  });

  it.each([
    { name: 'google.com redirects to www.google.com', ip: '142.250.196.110', host: 'google.com', status: 301, location: 'http://www.google.com/' },
    { name: 'github.com redirects to https', ip: '20.200.245.247', host: 'github.com', status: 301, location: 'https://github.com/' },
    { name: 'naver.com redirects to https://www.naver.com/', ip: '223.130.200.219', host: 'naver.com', status: 301, location: 'https://www.naver.com/' },
    { name: 'example.com serves its page', ip: '23.192.228.80', host: 'example.com', status: 200, location: undefined },
    { name: 'user1 serves a small internal page', ip: '192.168.0.21', host: '192.168.0.21', status: 200, location: undefined },
  ])('$name', ({ ip, host, status, location }) => {
    const r = handleHttp(get(host), { ip, port: 80 });
    expect(r.status).toBe(status);
    expect(r.headers.Location).toBe(location);
  });

  it('answers plain HTTP on a TLS port the way Go servers do', () => {
    const r = handleHttp(get('192.168.0.30:6443'), { ip: '192.168.0.30', port: 6443, node: 'master', controlPlane: true });
    expect([r.status, r.body]).toEqual([400, 'Client sent an HTTP request to an HTTPS server.\n']);
  });

  it('stamps Date from virtual time when given', () => {
    const r = handleHttp(get('x', '/hostname'), { ip: '1.1.1.1', port: 8080, pod: app('p') }, { now: Date.UTC(2026, 2, 2, 9, 0, 0) });
    expect(r.headers.Date).toBe('Mon, 02 Mar 2026 09:00:00 GMT');
  });
});
