// A date and a time, typed in the person's own zone (named in the hint). Plain inputs, so they work
// without JavaScript; browsers that know type="date"/"time" show their pickers.
import { FieldErrors, TextField } from '@/components/ui/fields';

export function DateTimeFields({
  idPrefix,
  zoneLabel,
  date,
  time,
  errors,
  minDate,
  maxDate,
}: {
  idPrefix: string;
  zoneLabel: string;
  date?: string;
  time?: string;
  errors: Record<string, string[] | undefined>;
  minDate: string;
  maxDate: string;
}) {
  const timeId = `${idPrefix}-time`;
  const timeErrors = errors.time;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={`${idPrefix}-date`}
        name="date"
        type="date"
        label="Date"
        hint={`In ${zoneLabel}`}
        defaultValue={date}
        min={minDate}
        max={maxDate}
        required
        errors={errors.date}
      />
      <div className="space-y-1">
        <label htmlFor={timeId} className="block font-medium text-slate-900">
          Start time
        </label>
        <p id={`${timeId}-hint`} className="text-sm text-slate-700">
          For example 14:30 (2:30 pm)
        </p>
        <input
          id={timeId}
          name="time"
          type="time"
          step={300}
          required
          defaultValue={time}
          aria-invalid={timeErrors?.length ? true : undefined}
          aria-describedby={[`${timeId}-hint`, timeErrors?.length ? `${timeId}-error` : null].filter(Boolean).join(' ')}
          className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700"
        />
        <FieldErrors id={`${timeId}-error`} errors={timeErrors} />
      </div>
    </div>
  );
}
