// The job queues and their settings (docs/decisions/0010-jobs-and-email.md). pg-boss owns retries,
// backoff, expiry of a stuck attempt and dead letters; nothing here loops or polls by hand.
import type { Queue } from 'pg-boss';

export const EMAIL_QUEUE = 'email-send';
export const EMAIL_DEAD_LETTER_QUEUE = 'email-dead';

export interface EmailJob {
  outboxId: string;
}

export interface QueueTuning {
  /** How long one send may take before pg-boss hands the job to another worker. */
  emailExpireInSeconds: number;
  /** First retry delay; doubles (with jitter) on each retry up to emailRetryDelayMax. */
  emailRetryDelay: number;
  emailRetryDelayMax: number;
  /** Retries after the first attempt before the message becomes a dead letter. */
  emailRetryLimit: number;
  /** How often expired jobs are looked for: a job a dead worker held is retried within expiry + this. */
  superviseIntervalSeconds: number;
}

// Ten tries over about an hour and a half: long enough to ride out a mail server restart or a
// provider's short outage, short enough that a sign-in link is not delivered a day late.
export const DEFAULT_TUNING: QueueTuning = {
  emailExpireInSeconds: 60,
  emailRetryDelay: 10,
  emailRetryDelayMax: 30 * 60,
  emailRetryLimit: 9,
  superviseIntervalSeconds: 30,
};

export function queueDefinitions(tuning: QueueTuning): Queue[] {
  return [
    // Dead letters are kept a month for the admin page's "retry".
    { name: EMAIL_DEAD_LETTER_QUEUE, retentionSeconds: 30 * 24 * 3600, deleteAfterSeconds: 30 * 24 * 3600 },
    {
      name: EMAIL_QUEUE,
      expireInSeconds: tuning.emailExpireInSeconds,
      retryLimit: tuning.emailRetryLimit,
      retryDelay: tuning.emailRetryDelay,
      retryBackoff: true,
      retryDelayMax: tuning.emailRetryDelayMax,
      deadLetter: EMAIL_DEAD_LETTER_QUEUE,
      // A sign-in link should leave within a second, not at the next poll.
      notify: true,
      // Kept a week after sending, so support can see when a message left.
      deleteAfterSeconds: 7 * 24 * 3600,
    },
  ];
}
