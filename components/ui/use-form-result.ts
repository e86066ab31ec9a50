'use client';
// A form's server action with what its last answer says about each field: the values the person sent, kept after
// a refusal, and the errors to show beside each field (lib/form-values.ts FormResult).
import { useActionState } from 'react';
import { single, type FormAction } from '@/lib/form-values';

export function useFormResult<T>(act: FormAction<T>) {
  const [state, action] = useActionState(act, null);
  const failed = state?.ok === false ? state : null;
  return {
    state,
    action,
    /** What was sent in `name`, to fill the field again after a refusal; undefined before the first post. */
    value: (name: string) => (failed ? single(failed.values, name) : undefined),
    /** The errors to show beside the field `name`. */
    errors: (name: string) => failed?.fieldErrors[name],
  };
}
