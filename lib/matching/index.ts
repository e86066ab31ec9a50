// Matching: ranking volunteers for an ask and asks for a volunteer by skill tags, fairly and with reasons. Pure code
// (no database, no I/O); ./volunteers-for-ask.ts and ./asks-for-volunteer.ts narrow the database to the pool these
// functions rank.
export type {
  AskForMatching,
  AskToRank,
  Medium,
  RankAsksOptions,
  RankedAsk,
  RankedVolunteer,
  RankVolunteersOptions,
  SkillLevel,
  TaxonomySkill,
  VolunteerForMatching,
} from './types';
export { rankVolunteers } from './rank-volunteers';
export { rankAsksForVolunteer } from './rank-asks';
