import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, secureWebPreferences } from './window-policy';

describe('window policy', () => {
  it('uses secure webPreferences', () => {
    expect(secureWebPreferences('/p.js')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('allows no remote origin in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it.each([
    { name: 'a reload of the app page', target: 'file:///opt/svclab/out/renderer/index.html', expected: true },
    { name: 'another local file', target: 'file:///etc/passwd', expected: false },
    { name: 'a web page', target: 'https://kubernetes.io/', expected: false },
    { name: 'a javascript: url', target: 'javascript:alert(1)', expected: false },
    { name: 'garbage', target: 'not a url', expected: false },
  ])('navigation to $name is allowed: $expected', ({ target, expected }) => {
    expect(isAllowedNavigation(target, 'file:///opt/svclab/out/renderer/index.html')).toBe(expected);
  });
});
