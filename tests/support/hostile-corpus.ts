// What a hostile (or merely unusual) person types into a free-text field: markup and script, URLs that
// run code, line breaks that try to start a new header or calendar property, characters PostgreSQL cannot
// store, text that reads backwards, emoji built from several code points, and sizes no form expects.
// tests/security/hostile-input.test.ts sends each through every free-text field; tests/e2e/hostile-input.spec.ts
// shows a few in Chromium.

export interface HostileEntry {
  /** A short name for test output. */
  name: string;
  text: string;
}

/** A word of `length` letters with no space to break it at. */
const longWord = (length: number) => 'Llanfairpwllgwyngyll'.repeat(Math.ceil(length / 20)).slice(0, length);

export const HOSTILE_CORPUS: readonly HostileEntry[] = [
  { name: 'script tag', text: '<script>alert("xss")</script> please check our bid' },
  { name: 'script tag, upper case, in a comment', text: '<SCRIPT SRC=//evil.test/x.js></SCRIPT><!-- <script>alert(1)</script> -->' },
  { name: 'img onerror', text: '<img src=x onerror="alert(document.cookie)"> our logo' },
  { name: 'svg onload', text: '<svg/onload=alert(1)><svg onload="alert(2)"></svg>' },
  { name: 'attribute breakout', text: '" onmouseover="alert(1)" autofocus onfocus="alert(2)" x="' },
  { name: 'textarea and title breakout', text: '</textarea></title></style><script>alert(1)</script>' },
  { name: 'javascript: URL', text: 'javascript:alert(document.domain)//' },
  { name: 'javascript: link', text: '<a href="javascript:alert(1)">Read our annual report</a>' },
  { name: 'data: URL', text: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'markdown links', text: '[our accounts](javascript:alert(1)) ![logo](data:image/svg+xml,<svg onload=alert(1)>)' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { name: 'entities', text: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E; &quot;quoted&quot;' },
  { name: 'CRLF header injection', text: 'Budget help\r\nBcc: victim@evil.test\r\nSubject: Free money\r\n\r\n<h1>Injected body</h1>' },
  {
    name: 'CRLF calendar injection',
    text: 'Cashbook\r\nATTENDEE;CN=Evil:mailto:evil@evil.test\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected event',
  },
  { name: 'bare CR and LF', text: 'first line\nsecond line\rthird line\n\nfourth' },
  { name: 'NUL', text: 'before\u0000after and \u0000 again' },
  { name: 'other control characters', text: 'bell\u0007 escape\u001b[31mred\u001b[0m tab\tvertical\u000b nel\u0085 del\u007f' },
  { name: 'line and paragraph separators', text: 'line\u2028separator and paragraph\u2029separator' },
  { name: 'right-to-left override', text: 'Invoice for our cafe \u202Efdp.exe\u202C and \u2067isolated\u2069 text' },
  { name: 'zero-width characters', text: 'zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom and soft\u00ADhyphen' },
  { name: 'emoji with ZWJ sequences', text: 'Family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 thumbs 👍🏽 and 🇬🇧' },
  { name: 'astral characters', text: '𝕳𝖆𝖑𝖋 𝐇𝐨𝐮𝐫 𓀀 😀 𠜎𠜱 (outside the basic plane)' },
  { name: 'combining marks', text: 'Zalgo Z̴̡̪͌a̷̧̛l̸̨̛g̵̢̛o̶̡̕ and e\u0301 versus é' },
  { name: 'lone surrogates', text: 'lone \uD800 high and \uDC00 low surrogate' },
  { name: 'SQL-ish quotes', text: `Robert'); DROP TABLE "Ask";-- ' OR '1'='1 \\'; SELECT pg_sleep(10);--` },
  {
    name: 'template markup',
    text: "{{constructor.constructor('alert(1)')()}} ${process.env.AUTH_SECRET} <%= 7*7 %> {% debug %} #{7*7} {{{raw}}}",
  },
  { name: 'JSON prototype', text: '{"__proto__":{"role":"ADMIN"},"constructor":{"prototype":{"admin":true}}}' },
  { name: 'encoded word', text: '=?utf-8?B?PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==?= =?iso-8859-1?Q?=0D=0ABcc:_x@evil.test?=' },
  { name: 'very long word', text: `${longWord(400)} fits nowhere on a phone` },
  { name: '100,000 characters', text: 'A hostile paragraph, <b>bold</b> & long. '.repeat(2500).slice(0, 100_000) },
];

/**
 * What the app stores for `text` sent from a form: the browser's (and FormData's) USV conversion turns a lone
 * surrogate into U+FFFD; lib/forms.ts drops NUL (PostgreSQL cannot store it) and stores CRLF and CR as LF;
 * the schemas trim. Nothing else changes: markup, quotes and every other character are kept as typed.
 */
export function storedForm(text: string): string {
  return text
    .toWellFormed()
    .replace(/\u0000/g, '')
    .replace(/\r\n?/g, '\n')
    .trim();
}
