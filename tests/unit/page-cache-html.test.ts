// What signed-out visitors are sent from the page cache: the page without Next's scripts, with its styles.
import { describe, expect, it } from 'vitest';
import { withoutScripts } from '@/lib/cache/next-internals';

const page = [
  '<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/css/app.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/main.js"/>',
  '<script src="/_next/static/chunks/main-app.js" async="" nonce="bm9uY2Utb2YtdGhpcy1yZXF1ZXN0"></script>',
  '<link rel="stylesheet" href="/_next/static/css/extra.css" nonce="bm9uY2Utb2YtdGhpcy1yZXF1ZXN0"/>',
  '<link rel="icon" href="/icon.svg" type="image/svg+xml"/>',
  '</head><body><a href="#main">Skip to main content</a><main id="main"><h1>Open asks</h1>',
  '<p>An ask titled nonce=&quot;kept&quot; as typed</p>',
  '<form method="get" action="/asks"><button>Filter</button></form></main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"a \\u003c/script\\u003e inside the data"])</script>',
  '</body></html>',
].join('');

describe('the cached page signed-out visitors get', () => {
  const served = withoutScripts(page);

  it('has no scripts and no script preloads', () => {
    expect(served).not.toMatch(/<script/i);
    expect(served).not.toContain('__next_f');
    expect(served).not.toMatch(/as="script"|modulepreload/);
  });

  it('keeps no CSP nonce: each visitor’s policy has its own (docs/decisions/0023)', () => {
    expect(served).not.toContain('bm9uY2Utb2YtdGhpcy1yZXF1ZXN0');
    expect(served).toContain('<link rel="stylesheet" href="/_next/static/css/extra.css"/>');
  });

  it('keeps the content, the forms, the styles and the icon', () => {
    expect(served).toContain('<p>An ask titled nonce=&quot;kept&quot; as typed</p>');
    expect(served).toContain('<h1>Open asks</h1>');
    expect(served).toContain('<form method="get" action="/asks">');
    expect(served).toContain('rel="stylesheet" href="/_next/static/css/app.css"');
    expect(served).toContain('rel="icon"');
    expect(served).toMatch(/<\/body><\/html>$/);
  });
});
