'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

const styles = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-50',
  danger: 'bg-red-700 text-white hover:bg-red-800',
} as const;

/** A submit button that says it is working while the form is being sent (once JavaScript has loaded). */
export function SubmitButton({
  children,
  pendingText = 'Saving…',
  variant = 'primary',
  name,
  value,
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: keyof typeof styles;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 font-semibold disabled:opacity-70 ${styles[variant]}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
