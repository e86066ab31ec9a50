// Where to send someone after signing in. Only paths on our own site: anything else (another
// origin, protocol-relative "//evil.example", backslash tricks, dot-segments that resolve to "//")
// falls back to the default.
export const AFTER_SIGN_IN = '/welcome';

export function safeReturnPath(raw: string | null | undefined, appOrigin: string, fallback = AFTER_SIGN_IN): string {
  if (!raw) return fallback;
  const value = raw.trim();
  if (value.includes('\\') || /[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const origin = new URL(appOrigin).origin;
    if (!value.startsWith('/') && !value.startsWith(`${origin}/`) && value !== origin) return fallback;
    const url = new URL(value, origin);
    // Judge the path as the browser will read it once resolved: "/.//evil.example" becomes "//evil.example".
    if (url.origin !== origin || url.pathname.startsWith('//')) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return new URL(path, origin).origin === origin ? path : fallback;
  } catch {
    return fallback;
  }
}
