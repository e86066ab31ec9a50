// Lifting a block: one button, a plain form that works without JavaScript (the page binds the action to the ids).
import type { ReactNode } from 'react';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function UnblockButton({ action, children }: { action: (formData: FormData) => Promise<void>; children: ReactNode }) {
  return (
    <form action={action}>
      <SubmitButton variant="secondary" pendingText="Unblocking…">
        {children}
      </SubmitButton>
    </form>
  );
}
