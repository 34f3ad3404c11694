/*
 * The headers every page Lotsen serves carries, in browser mode and in the Electron shell alike, so both faces run
 * the renderer under the same rules.
 */

/**
 * A strict policy: only the app's own scripts, styles and images run, nothing frames it, and it can reach nothing
 * but its own origin plus `connectSources` (browser mode adds its WebSocket origins, the Electron shell adds none).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const directives: [string, readonly string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    // xterm.js sizes and colours its grid with <style> elements it writes at run time (VS Code allows inline styles
    // for the same reason). Only elements: style attributes stay refused, and scripts stay 'self' only; img-src and
    // connect-src keep injected CSS from loading or sending anything off the app's origin.
    ['style-src-elem', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...connectSources]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Older browsers ignore frame-ancestors; this keeps them from framing the console too.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Pages, redirects and refusals are never stored: a cached page could outlive the token that unlocked it. Assets may
 * be kept but are checked again on each load.
 */
export const cachePolicy = { page: 'no-store', asset: 'private, no-cache' } as const;
