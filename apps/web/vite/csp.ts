import type { Plugin } from 'vite';

/** The page's Content-Security-Policy: nothing but this origin (inline styles allowed for style attributes). */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:";

/**
 * Adds the CSP meta tag to the built page. Not in development: the dev server's React refresh
 * preamble is an inline script.
 */
export function csp(): Plugin {
  return {
    name: 'p135-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}
