import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  externalUrlToOpen,
  isAppUrl,
  isTrustedSender,
} from '../../../main/electron/navigationPolicy.ts';

describe('isAppUrl', () => {
  it('accepts the app origin and its paths', () => {
    expect(APP_START_URL).toBe('app://lotsen/');
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://lotsen/customers/42?tab=access#top')).toBe(true);
  });

  it('refuses every other origin, look-alikes included', () => {
    for (const url of [
      'app://evil/',
      'app://lotsen.evil.example/',
      'app://user@lotsen/',
      'apps://lotsen/',
      'https://lotsen/',
      'file:///etc/passwd',
      'about:blank',
      'javascript:alert(1)',
      'data:text/html,<p>x</p>',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('externalUrlToOpen', () => {
  it('passes plain http and https links, normalised', () => {
    expect(externalUrlToOpen('https://support.example.se/ärende?id=1')).toBe(
      'https://support.example.se/%C3%A4rende?id=1',
    );
    expect(externalUrlToOpen('http://status.example.se')).toBe('http://status.example.se/');
  });

  it('refuses schemes that can start programs or read files, and links with credentials', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'app://lotsen/',
      'https://trusted.example@evil.example/',
      'https://user:pass@example.se/',
      'not a url',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });
});

describe('isTrustedSender', () => {
  const trusted = { fromMainWindow: true, isTopFrame: true, url: 'app://lotsen/' };

  it('trusts only the main window top frame showing the app', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, fromMainWindow: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...trusted, url: null })).toBe(false);
  });
});
