'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction } from '@/lib/form-values';

/**
 * A form that is one button (mark held, report a no-show, withdraw a proposed time), or a choice of buttons
 * sharing one form (accept or decline). Any refusal is shown above the buttons and read out.
 */
export function MeetingButtonForm<T>({
  action: act,
  hidden = {},
  buttons,
  intro,
}: {
  /** Bound to the meeting's id by the page. */
  action: FormAction<T>;
  hidden?: Record<string, string>;
  buttons: Array<{ label: string; pendingText: string; variant?: 'primary' | 'secondary' | 'danger'; name?: string; value?: string }>;
  intro?: string;
}) {
  const [state, action] = useActionState(act, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} />
      {intro ? <p className="text-slate-800">{intro}</p> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap gap-3">
        {buttons.map((button) => (
          <SubmitButton
            key={button.label}
            variant={button.variant}
            pendingText={button.pendingText}
            name={button.name}
            value={button.value}
          >
            {button.label}
          </SubmitButton>
        ))}
      </div>
    </form>
  );
}
