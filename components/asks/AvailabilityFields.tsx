import { FieldErrors } from '@/components/ui/fields';
import type { AvailabilityWindow } from '@/lib/asks/availability';
import { weekdayName } from '@/lib/dates';

/** One row per weekday: tick the days you could meet and give the hours, in the ask's own time zone. */
export function AvailabilityFields({ windows, errors }: { windows: AvailabilityWindow[]; errors?: string[] }) {
  return (
    <fieldset
      id="availability"
      tabIndex={-1}
      className="space-y-3"
      aria-describedby={errors?.length ? 'availability-hint availability-error' : 'availability-hint'}
    >
      <legend className="font-medium text-slate-900">When could you meet?</legend>
      <p id="availability-hint" className="text-sm text-slate-700">
        Tick the days and give the hours (24-hour clock) in the time zone below. Volunteers propose times inside these.
      </p>
      <FieldErrors id="availability-error" errors={errors} />
      <ul className="space-y-2">
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const window = windows.find((w) => w.weekday === weekday);
          const day = weekdayName(weekday);
          return (
            <li key={`${weekday}-${window?.from ?? ''}-${window?.to ?? ''}`} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="flex w-32 items-center gap-2">
                <input
                  id={`day-${weekday}`}
                  type="checkbox"
                  name={`day-${weekday}`}
                  value="on"
                  defaultChecked={Boolean(window)}
                  className="h-4 w-4 accent-brand-700"
                />
                <label htmlFor={`day-${weekday}`}>{day}</label>
              </span>
              <label htmlFor={`from-${weekday}`} className="text-sm text-slate-700">
                from<span className="sr-only"> ({day})</span>
              </label>
              <input
                id={`from-${weekday}`}
                name={`from-${weekday}`}
                type="time"
                defaultValue={window?.from ?? '09:30'}
                className="rounded-md border border-slate-500 bg-white px-2 py-1"
              />
              <label htmlFor={`to-${weekday}`} className="text-sm text-slate-700">
                to<span className="sr-only"> ({day})</span>
              </label>
              <input
                id={`to-${weekday}`}
                name={`to-${weekday}`}
                type="time"
                defaultValue={window?.to ?? '16:00'}
                className="rounded-md border border-slate-500 bg-white px-2 py-1"
              />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
