import { FormAlert } from '@/components/ui/fields';

/** After a report was sent (the page's address has ?reported=1): it arrived, and what happens next. */
export function ReportedNotice({ shown }: { shown: boolean }) {
  return shown ? (
    <FormAlert success="Thank you: your report was received. Our team will look into it and email you what we decided." />
  ) : null;
}
