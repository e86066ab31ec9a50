// The person a data function acts for. Pages and server actions get it from the session guards;
// data functions never trust an id sent in a form, only this.
import type { UserRole, UserStatus } from '@/lib/generated/prisma/enums';

export interface Actor {
  id: string;
  role: UserRole;
  status: UserStatus;
}

/** Thrown when an actor tries something they may not do; routes turn it into a 404. */
export class AccessDenied extends Error {
  constructor(message = 'Not allowed') {
    super(message);
    this.name = 'AccessDenied';
  }
}

export function assertActive(actor: Actor): void {
  if (actor.status !== 'ACTIVE') throw new AccessDenied('This account is suspended');
}

export function assertAdmin(actor: Actor): void {
  assertActive(actor);
  if (actor.role !== 'ADMIN') throw new AccessDenied('Admins only');
}
