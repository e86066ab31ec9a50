// The shapes the matching code reads and returns. The named fields are a contract (pages, the API and tests rely on
// them); optional fields may be added, never renamed.

export type SkillLevel = 'WORKING' | 'EXPERIENCED' | 'EXPERT';
export type Medium = 'VIDEO' | 'PHONE' | 'EMAIL' | 'IN_PERSON';

export interface TaxonomySkill {
  id: string;
  categoryId: string;
  /** Shown in reasons ("Expert in Gift Aid"); without it a reason says "a skill asked for". */
  name?: string;
}

export interface AskForMatching {
  id: string;
  skillIds: string[];
  media: Medium[];
}

export interface VolunteerForMatching {
  id: string;
  skills: { skillId: string; level: SkillLevel }[];
  media: Medium[];
  paused: boolean;
  /** Sessions a month the volunteer offers. */
  monthlyCapacity: number;
  /** Booked or held this month, plus pending offers and invitations. */
  sessionsThisMonth: number;
  /** 1..5, or null when nobody has rated them yet. */
  averageRating: number | null;
  ratingCount: number;
}

export interface RankedVolunteer {
  volunteerId: string;
  /** In [0, 1]; higher is a better fit. */
  score: number;
  /** Short, human, at most four: what a person would check before inviting. */
  reasons: string[];
}

export interface RankVolunteersOptions {
  /** How many to return, best first; 20 unless given. */
  limit?: number;
  /** Skill names by id for the reasons, overriding `TaxonomySkill.name`. */
  skillNames?: Record<string, string>;
}

/** An ask as "asks that fit you" sees it: the matching fields plus what tells a neglected ask from a busy one. */
export interface AskToRank extends AskForMatching {
  publishedAt?: Date | null;
  /** The day the charity needs an answer by; an ask past it is left out when `now` is given. */
  deadline?: Date | null;
  /** Offers the ask already has; fewer ranks higher, so asks nobody has answered are seen first. */
  offerCount?: number;
}

export interface RankedAsk {
  askId: string;
  /** In [0, 1]; higher is a better fit. */
  score: number;
  reasons: string[];
}

export interface RankAsksOptions {
  /** How many to return, best first; 20 unless given. */
  limit?: number;
  skillNames?: Record<string, string>;
  /** The clock for waiting time and deadlines; without it neither counts (the code stays pure). */
  now?: Date;
  /** Volunteers holding each skill and the pool size, so a rare skill counts for more; without them all weigh the same. */
  skillHolders?: Record<string, number>;
  poolSize?: number;
}
