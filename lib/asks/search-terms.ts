// Free-text search terms, pure: the words a visitor typed, cleaned so that nothing they type can become a
// tsquery operator, and the tsquery text that ORs each word with its close spellings. PostgreSQL stems
// the words when lib/asks/browse.ts hands this text to to_tsquery('english', ...) as a parameter.

/** At most this many words are searched for; the rest of a pasted paragraph is ignored. */
export const MAX_SEARCH_WORDS = 6;
/** Longer "words" are pasted junk; SearchWord keeps words of 3 to 40 letters. */
export const MAX_WORD_LENGTH = 40;
/** Words shorter than this are not looked up for misspellings: too many short words look alike. */
export const MIN_TYPO_LENGTH = 4;

/**
 * The distinct words of a query, lower-cased, in the order typed. Only letters and digits survive, so
 * `budget's & <script>` becomes ["budget", "s", "script"]: nothing left can be read as a tsquery operator.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length === 0 || raw.length > MAX_WORD_LENGTH || words.includes(raw)) continue;
    words.push(raw);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

/** Whether a word is worth looking up in SearchWord for close spellings. */
export function wantsTypoLookup(word: string): boolean {
  return word.length >= MIN_TYPO_LENGTH && /^\p{L}+$/u.test(word);
}

/**
 * The to_tsquery text for some words, each ORed with its alternative spellings and the words ANDed:
 * [["budgetting", "budgeting"], ["plan"]] -> "(budgetting | budgeting) & plan". Anything that is not a
 * letter or digit is dropped again here, so the result is safe whatever the caller passes.
 */
export function tsQueryText(groups: ReadonlyArray<ReadonlyArray<string>>): string {
  const clauses: string[] = [];
  for (const group of groups) {
    const words = [...new Set(group.flatMap((word) => searchWords(word)))];
    if (words.length === 0) continue;
    clauses.push(words.length === 1 ? words[0]! : `(${words.join(' | ')})`);
  }
  return clauses.join(' & ');
}
