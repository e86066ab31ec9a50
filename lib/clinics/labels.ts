// Words people read for a clinic's and a seat's status (lib/labels.ts holds the other areas').
import type { ClinicSeatStatus, ClinicStatus } from '@/lib/generated/prisma/enums';

export const clinicStatusLabels: Record<ClinicStatus, string> = {
  PENDING_REVIEW: 'Waiting for review',
  CHANGES_REQUESTED: 'Changes requested',
  PUBLISHED: 'Published',
  REJECTED: 'Not approved',
  WITHDRAWN: 'Withdrawn',
  CANCELLED: 'Cancelled',
};

export const seatStatusLabels: Record<ClinicSeatStatus, string> = {
  BOOKED: 'Seat booked',
  WAITING: 'On the waiting list',
  OFFERED: 'A seat is offered to you',
  CANCELLED: 'Given up',
  LAPSED: 'Offer passed on',
};
