// What people send when they block: a confirmation, ticked on purpose. The form opens behind a "Block…" summary
// and the box must be ticked, so a block is never one stray click, with or without JavaScript.
import { z } from 'zod';
import { checkboxField } from '@/lib/forms';

export const confirmBlockSchema = z.object({
  confirm: checkboxField.refine((ticked) => ticked, 'Tick the box to confirm.'),
});
