// Which User column holds each optional topic, and the one rule for whether a person wants an email:
// used when it is queued, again when it is sent (they may have unsubscribed meanwhile), and by unsubscribe.
import type { EmailTopic } from './messages';

export const TOPIC_COLUMNS = { offers: 'emailOnOffers', reminders: 'emailReminders', digest: 'emailDigest' } as const satisfies Record<
  EmailTopic,
  string
>;

/** What to select from User to decide. */
export const PREFERENCE_FIELDS = { status: true, emailOnOffers: true, emailReminders: true, emailDigest: true } as const;

export interface Preferences {
  status: string;
  emailOnOffers: boolean;
  emailReminders: boolean;
  emailDigest: boolean;
}

/** False when the person has gone, is suspended, or turned this topic off. */
export function wantsTopic(user: Preferences | null, topic: EmailTopic): boolean {
  return user !== null && user.status === 'ACTIVE' && user[TOPIC_COLUMNS[topic]];
}
