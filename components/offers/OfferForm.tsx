'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FieldErrors, RadioGroup, TextArea, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

const inputClass =
  'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700';

/**
 * Offering to help: a message, how to meet, two or three times in the volunteer's own zone, and
 * optionally their own video link or number. The page binds the ask's id to the action.
 */
export function OfferForm({
  action: makeOffer,
  media,
  zoneName,
  minDate,
  maxDate,
}: {
  action: FormAction;
  media: Array<{ value: string; label: string }>;
  /** The volunteer's zone, named: the times are typed in it. */
  zoneName: string;
  minDate: string;
  maxDate: string;
}) {
  const [state, action] = useActionState(makeOffer, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (name: string) => (failed ? (single(failed.values, name) ?? '') : undefined);

  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary result={state} ids={{ times: 'time1Date', time1: 'time1Date', time2: 'time2Date', time3: 'time3Date' }} />
      <TextArea
        name="message"
        label="Your message to the charity"
        hint="A few lines on what you would bring to this question. Your email address is not shared until they accept."
        rows={5}
        maxLength={1000}
        required
        defaultValue={value('message')}
        errors={errors.message}
      />
      <RadioGroup
        name="medium"
        legend="How would you like to meet?"
        options={media}
        selected={failed ? value('medium') : media.length === 1 ? media[0]!.value : undefined}
        errors={errors.medium}
      />
      <fieldset className="space-y-4" aria-describedby={errors.times?.length ? 'times-error' : 'times-hint'}>
        <legend className="font-medium text-slate-900">When could you meet? (times in {zoneName})</legend>
        <p id="times-hint" className="text-sm text-slate-700">
          Propose two or three times, each at least two hours from now and within 60 days, inside the charity’s times above.
        </p>
        <FieldErrors id="times-error" errors={errors.times} />
        {[1, 2, 3].map((slot) => {
          const key = `time${slot}`;
          const slotErrors = errors[key];
          const describedBy = slotErrors?.length ? `${key}-error` : undefined;
          return (
            <fieldset key={slot} className="rounded-md border border-slate-300 p-3" aria-describedby={describedBy}>
              <legend className="px-1 font-medium">
                Time {slot}
                {slot === 3 ? ' (optional)' : ''}
              </legend>
              <FieldErrors id={`${key}-error`} errors={slotErrors} />
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <div className="space-y-1">
                  <label htmlFor={`${key}Date`} className="block text-sm font-medium">
                    Date
                  </label>
                  <input
                    id={`${key}Date`}
                    name={`${key}Date`}
                    type="date"
                    min={minDate}
                    max={maxDate}
                    defaultValue={value(`${key}Date`)}
                    aria-invalid={slotErrors?.length ? true : undefined}
                    className={inputClass}
                  />
                </div>
                <div className="space-y-1">
                  <label htmlFor={`${key}Time`} className="block text-sm font-medium">
                    Start time ({zoneName})
                  </label>
                  <input
                    id={`${key}Time`}
                    name={`${key}Time`}
                    type="time"
                    defaultValue={value(`${key}Time`)}
                    aria-invalid={slotErrors?.length ? true : undefined}
                    className={inputClass}
                  />
                </div>
              </div>
            </fieldset>
          );
        })}
      </fieldset>
      <TextField
        name="joinDetails"
        label="Your video link or phone number (optional)"
        hint="Shown to the charity only once they accept, on the session’s page. They can use their own instead."
        maxLength={300}
        spellCheck={false}
        defaultValue={value('joinDetails')}
        errors={errors.joinDetails}
      />
      <SubmitButton pendingText="Sending…">Send my offer</SubmitButton>
    </form>
  );
}
