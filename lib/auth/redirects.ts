// Where to send someone after signing in. Only paths on our own site: anything else (another
// origin, protocol-relative "//evil.example", backslash tricks) falls back to the default.
export const AFTER_SIGN_IN = '/welcome';

export function safeReturnPath(raw: string | null | undefined, appOrigin: string, fallback = AFTER_SIGN_IN): string {
  if (!raw) return fallback;
  const value = raw.trim();
  if (value.includes('\\') || /[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const origin = new URL(appOrigin).origin;
    const url = new URL(value, origin);
    if (url.origin !== origin) return fallback;
    if (!value.startsWith('/') && !value.startsWith(origin)) return fallback;
    if (value.startsWith('//')) return fallback;
    return `${url.pathname}${url.search}${url.hash}` || fallback;
  } catch {
    return fallback;
  }
}
