import { describe, expect, it } from 'vitest';
import { UrlGuard } from '../../src/browser/env/url-policy.js';
import { toAction } from '../../src/browser/env/action-input.js';
import { ActionError } from '../../src/browser/execute/action-error.js';
import { describeActionFailure } from '../../src/browser/execute/element.js';
import { absoluteUrl } from '../../src/browser/execute/execute-action.js';
import { normalizeKey } from '../../src/browser/execute/keys.js';

describe('env building blocks', () => {
  it('normalizeKey maps nicknames and case to Playwright key names', () => {
    expect(normalizeKey('enter')).toBe('Enter');
    expect(normalizeKey('ctrl+a')).toBe('Control+a');
    expect(normalizeKey('Control+A')).toBe('Control+a');
    expect(normalizeKey('Shift+A')).toBe('Shift+A');
    expect(normalizeKey('Control+Shift+A')).toBe('Control+Shift+A');
    expect(normalizeKey('cmd+shift+arrowleft')).toBe('Meta+Shift+ArrowLeft');
    expect(normalizeKey('f5')).toBe('F5');
    expect(normalizeKey('+')).toBe('+');
    expect(normalizeKey('Shift++')).toBe('Shift++');
    expect(normalizeKey('x')).toBe('x');
  });

  it('absoluteUrl accepts absolute URLs, bare hosts and paths relative to the page', () => {
    expect(absoluteUrl('http://a.localhost:8080/x', 'about:blank')).toBe('http://a.localhost:8080/x');
    expect(absoluteUrl('example.com/path', 'about:blank')).toBe('http://example.com/path');
    expect(absoluteUrl('staywell.localhost:8080', 'http://skyhop.localhost:8080/')).toBe('http://staywell.localhost:8080/');
    expect(absoluteUrl('127.0.0.1:9/x', 'about:blank')).toBe('http://127.0.0.1:9/x');
    expect(absoluteUrl('/search?q=1', 'http://skyhop.localhost:9/listing/3')).toBe('http://skyhop.localhost:9/search?q=1');
    expect(absoluteUrl('second.html', 'file:///tmp/pages/first.html')).toBe('file:///tmp/pages/second.html');
    expect(() => absoluteUrl('not a url', 'about:blank')).toThrow(ActionError);
  });

  it('UrlGuard allows listed origins and data: when listed; javascript:, chrome:, devtools: and file: never', () => {
    const g = new UrlGuard(['http://skyhop.localhost:8080/']);
    expect(g.allows('http://skyhop.localhost:8080/search?x=1')).toBe(true);
    expect(g.allows('ws://skyhop.localhost:8080/live')).toBe(true);
    expect(g.allows('http://skyhop.localhost:8081/')).toBe(false);
    expect(g.allows('https://skyhop.localhost:8080/')).toBe(false);
    expect(g.allows('http://evil.example/')).toBe(false);
    expect(g.allows('about:blank')).toBe(true);
    expect(g.allows('about:version')).toBe(false);
    expect(g.allows('blob:http://skyhop.localhost:8080/0b8e')).toBe(true);
    expect(g.allows('blob:http://evil.example/0b8e')).toBe(false);
    expect(g.allows('view-source:http://skyhop.localhost:8080/')).toBe(true);
    expect(g.check('view-source:http://evil.example/')).toEqual({ ok: false, reason: expect.stringMatching(/view-source: of http:\/\/evil.example\/ is refused/) });
    expect(g.check('data:text/html,hi')).toEqual({ ok: false, reason: 'data: URLs are not allowed in this episode' });
    for (const [url, why] of [
      ['javascript:alert(1)', /cannot run script/],
      ['JavaScript:void 0', /cannot run script/],
      ['chrome://settings', /browser's own pages/],
      ['devtools://devtools/bundled/inspector.html', /devtools/],
      ['file:///etc/passwd', /local files are outside the sandbox/],
      ['not a url', /is not a URL/],
    ] as const) {
      const v = g.check(url);
      expect(v.ok, url).toBe(false);
      if (!v.ok) expect(v.reason, url).toMatch(why);
    }
    g.set(['data:']);
    expect(g.allows('data:text/html,hi')).toBe(true);
    expect(g.allows('http://skyhop.localhost:8080/')).toBe(false);
    expect(() => g.set(['file:'])).toThrow(/file: cannot be allowed/);
    expect(() => g.set(['javascript:'])).toThrow(/cannot be allowed/);
    expect(g.entries()).toEqual(['data:']);
  });

  it('toAction parses text, checks objects, and never throws', () => {
    expect(toAction(`click('12')`)).toEqual({ ok: true, action: { type: 'click', bid: '12' } });
    expect(toAction({ type: 'scroll', dx: 0, dy: 100 })).toEqual({ ok: true, action: { type: 'scroll', dx: 0, dy: 100 } });
    const bad = toAction({ type: 'click', bid: '' } as never);
    expect(bad.ok).toBe(false);
    expect(toAction(42 as never).ok).toBe(false);
  });

  it('describeActionFailure keeps the reason and drops the call log noise', () => {
    const err = new Error(
      [
        'locator.click: Timeout 1000ms exceeded.',
        'Call log:',
        '  - waiting for locator(\'[data-wf-bid="4"]\').first()',
        '    - locator resolved to <button id="clicker">Click me</button>',
        '  - attempting click action',
        '    - <div id="cover"></div> intercepts pointer events',
        '  - retrying click action',
      ].join('\n'),
    );
    expect(describeActionFailure(err, 'click on element 4')).toBe(
      'click on element 4 failed: Timeout 1000ms exceeded. (<div id="cover"></div> intercepts pointer events)',
    );
  });
});
