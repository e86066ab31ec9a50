'use client';
// The GOV.UK error summary: at the top of a form that came back with problems, "There is a problem" and every
// error as a link to its field. Rendered with the form, so it is there without JavaScript (a link then jumps
// to its field); with JavaScript it takes focus when it appears, so it is read out and the keyboard starts
// from it, and a link focuses its field with the label or legend in view.
import { useEffect, useRef, type MouseEvent } from 'react';
import { CORRECT_THE_PROBLEMS, type FieldErrors } from '@/lib/form-values';

type Result = { ok: true } | { ok: false; fieldErrors: FieldErrors; formError?: string } | null | undefined;

/** Each error with the id of the element it links to, in the order the result lists them (the form's order). */
export function summaryLinks(fieldErrors: FieldErrors, ids: Record<string, string> = {}): Array<{ id: string; message: string }> {
  return Object.entries(fieldErrors).flatMap(([key, messages]) => messages.map((message) => ({ id: ids[key] ?? key, message })));
}

/** Moves to the field as GOV.UK does: focus it, and bring its question into view rather than the bare input. */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const details = field.closest('details');
  if (details && !details.open) details.open = true;
  const question =
    field instanceof HTMLFieldSetElement ? field.querySelector('legend') : document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (question ?? field).scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

export function ErrorSummary({
  result,
  ids,
}: {
  /** The form's state: a failed result shows its errors, anything else shows nothing. */
  result: Result;
  /** A field's element id where it is not the field's name (ids made unique per record, composite fields). */
  ids?: Record<string, string>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const failed = result && !result.ok ? result : null;
  const links = failed ? summaryLinks(failed.fieldErrors, ids) : [];
  // "Please correct the problems below" says nothing the list does not; any other form error (a refusal) does.
  const formError = failed?.formError && !(failed.formError === CORRECT_THE_PROBLEMS && links.length > 0) ? failed.formError : undefined;
  const shown = Boolean(formError) || links.length > 0;

  // Each new result is a new attempt: take focus again, even if the problems are the same.
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [result, shown]);

  if (!shown) return null;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="rounded-md border-2 border-red-700 bg-white px-4 py-3 text-slate-900 focus:outline-3 focus:outline-offset-2 focus:outline-amber-500"
    >
      <div role="alert">
        <h2 className="text-lg font-semibold">There is a problem</h2>
        {formError ? <p className="mt-1">{formError}</p> : null}
        {links.length > 0 ? (
          <ul className="mt-2 space-y-1">
            {links.map((link) => (
              <li key={`${link.id} ${link.message}`}>
                <a href={`#${link.id}`} onClick={focusField} className="font-medium text-red-800 hover:text-red-900">
                  {link.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
