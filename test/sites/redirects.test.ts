import { describe, expect, it } from 'vitest';
import { backTo, localPath } from '../../src/sites/engine/local-path.js';
import { http, useTestServer } from '../helpers/test-server.js';

const getServer = useTestServer({ browser: false });

/**
 * The sites never redirect to a scheme-relative or foreign URL (issue 13): a Location that
 * starts with "//" is another host to a browser. The env's guard blocks such a hop anyway
 * (test/browser/env-sandbox.test.ts); the sites must not produce one in the first place.
 */
describe('site redirects stay on the site', () => {
  it('localPath and backTo never give "//" or another origin', () => {
    expect(localPath('//127.0.0.1:9/x')).toBe('/127.0.0.1:9/x');
    expect(localPath('/\\127.0.0.1:9/x')).toBe('/127.0.0.1:9/x');
    expect(localPath('/search?a=1')).toBe('/search?a=1');
    const self = 'http://skyhop.localhost:8080/consent';
    expect(backTo('//127.0.0.1:9/x', self)).toBe('/x');
    expect(backTo('http://skyhop.localhost:8080//127.0.0.1:9/x', self)).toBe('/127.0.0.1:9/x');
    expect(backTo('http://evil.example/a?b=1', self)).toBe('/a?b=1');
    expect(backTo(undefined, self)).toBe('/');
    expect(backTo('http://[::1', self)).toBe('/');
  });

  it('GET //host/path?wf_episode= and POST /consent with a "//" Referer answer a local Location', async () => {
    const server = getServer();
    const ticket = server.episodes.ticket(server.episodes.create('redirect-a'));
    const cases = [
      { method: 'GET', path: `//127.0.0.1:9/x?wf_episode=${ticket}` },
      { method: 'POST', path: '/consent', headers: { referer: '//127.0.0.1:9/x' } },
      { method: 'POST', path: '/consent', headers: { referer: `http://skyhop.localhost:${server.port}//127.0.0.1:9/x` } },
      { method: 'POST', path: '/promo/dismiss', headers: { referer: `http://skyhop.localhost:${server.port}//127.0.0.1:9/x` } },
    ];
    for (const c of cases) {
      const r = await http(server, { site: 'skyhop', ...c });
      expect(r.status, c.path).toBeGreaterThanOrEqual(300);
      expect(r.status, c.path).toBeLessThan(400);
      const location = String(r.headers.location);
      expect(location, JSON.stringify(c)).toMatch(/^\/(?![/\\])/);
    }
  });
});
