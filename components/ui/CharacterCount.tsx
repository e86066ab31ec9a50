'use client';
// The GOV.UK character count, under a field with a limit. Without JavaScript it says the limit; with it, how
// many characters are left or how many too many as the person types, read out politely a second after they
// stop. The field has no maxlength, which would cut a paste short without a word: the server refuses a text
// over the limit with a clear message and gives back every character typed.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

const number = new Intl.NumberFormat('en-GB');
const characters = (count: number) => `${number.format(count)} character${count === 1 ? '' : 's'}`;

/** "You have 12 characters remaining" or "You have 5 characters too many". */
export function countMessage(length: number, limit: number): { text: string; over: boolean } {
  const left = limit - length;
  return left >= 0
    ? { text: `You have ${characters(left)} remaining`, over: false }
    : { text: `You have ${characters(-left)} too many`, over: true };
}

/** The id of the sentence giving the limit, which the field's aria-describedby names. */
export const characterCountId = (fieldId: string) => `${fieldId}-info`;

type TextControl = HTMLInputElement | HTMLTextAreaElement;
const fieldById = (id: string) => document.getElementById(id) as TextControl | null;
/** How long the field's text is now; null on the server and before the field is in the page. */
const lengthOf = (id: string) => fieldById(id)?.value.length ?? null;

export function CharacterCount({ fieldId, limit }: { fieldId: string; limit: number }) {
  // Typing fires input; a form reset (React resets a form after its action, to the values it sent back)
  // changes the value only after its event, so that is read a moment later.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const field = fieldById(fieldId);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const afterReset = () => {
        timer = setTimeout(onChange);
      };
      field?.addEventListener('input', onChange);
      field?.form?.addEventListener('reset', afterReset);
      return () => {
        clearTimeout(timer);
        field?.removeEventListener('input', onChange);
        field?.form?.removeEventListener('reset', afterReset);
      };
    },
    [fieldId],
  );
  const length = useSyncExternalStore(
    subscribe,
    () => lengthOf(fieldId),
    () => null,
  );

  // What a screen reader hears: only after typing, once the person pauses, so each keystroke is not read out.
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const field = fieldById(fieldId);
    if (!field) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const announceLater = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setAnnounced(countMessage(field.value.length, limit).text), 1000);
    };
    field.addEventListener('input', announceLater);
    return () => {
      clearTimeout(timer);
      field.removeEventListener('input', announceLater);
    };
  }, [fieldId, limit]);

  const count = length === null ? null : countMessage(length, limit);
  return (
    <>
      {/* The limit: shown without JavaScript, and always what a screen reader hears with the field. */}
      <p id={characterCountId(fieldId)} className={count ? 'sr-only' : 'text-sm text-slate-700'}>
        You can enter up to {characters(limit)}
      </p>
      {count ? (
        <p aria-hidden="true" className={count.over ? 'text-sm font-medium text-red-800' : 'text-sm text-slate-700'}>
          {count.text}
        </p>
      ) : null}
      <div aria-live="polite" className="sr-only">
        {announced}
      </div>
    </>
  );
}
