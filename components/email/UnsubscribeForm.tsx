'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { unsubscribeAction } from '@/lib/email/actions';

/**
 * "Stop these emails?" and its button. The token goes in a hidden field, so only pressing the button
 * changes anything: link scanners that open the address change nothing. Then the confirmation, in place.
 */
export function UnsubscribeForm({ token, label }: { token: string; label: string }) {
  const [state, action] = useActionState(unsubscribeAction, null);
  const heading = useRef<HTMLHeadingElement>(null);
  const done = state?.ok === true;
  // With JavaScript the page does not reload: take focus to the new heading so it is read out.
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);

  if (done) {
    return (
      <div className="space-y-4">
        <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold tracking-tight">
          Unsubscribed
        </h1>
        <p role="status" className="text-slate-800">
          Done: you will no longer get {state.data.label}. You can turn it back on from your{' '}
          <Link href="/account#email-preferences">account page</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Stop {label}?</h1>
      <p className="text-slate-800">
        You can turn them back on at any time from your account page. Emails about sessions you have booked are always sent.
      </p>
      <form action={action} className="space-y-4">
        <ErrorSummary result={state} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingText="Unsubscribing…">Yes, stop these emails</SubmitButton>
      </form>
    </div>
  );
}
