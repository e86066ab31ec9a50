// Words people read for the values the database stores.
import type { AskStatus, CauseArea, Medium, OrganisationType, Region, SizeBand, SkillLevel } from '@/lib/generated/prisma/enums';

export const mediumLabels: Record<Medium, string> = {
  VIDEO: 'Video call',
  PHONE: 'Phone',
  EMAIL: 'Email',
  IN_PERSON: 'In person',
};

export const askStatusLabels: Record<AskStatus, string> = {
  DRAFT: 'Draft',
  PENDING_REVIEW: 'Waiting for review',
  CHANGES_REQUESTED: 'Changes requested',
  OPEN: 'Open for offers',
  MATCHED: 'Matched',
  COMPLETED: 'Completed',
  REJECTED: 'Not approved',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
};

export const regionLabels: Record<Region, string> = {
  NORTH_EAST: 'North East England',
  NORTH_WEST: 'North West England',
  YORKSHIRE_AND_THE_HUMBER: 'Yorkshire and the Humber',
  EAST_MIDLANDS: 'East Midlands',
  WEST_MIDLANDS: 'West Midlands',
  EAST_OF_ENGLAND: 'East of England',
  LONDON: 'London',
  SOUTH_EAST: 'South East England',
  SOUTH_WEST: 'South West England',
  WALES: 'Wales',
  SCOTLAND: 'Scotland',
  NORTHERN_IRELAND: 'Northern Ireland',
};

export const organisationTypeLabels: Record<OrganisationType, string> = {
  REGISTERED_CHARITY: 'Registered charity',
  CIO: 'Charitable incorporated organisation (CIO)',
  CHARITABLE_COMPANY: 'Charitable company',
  SOCIAL_ENTERPRISE: 'Social enterprise',
  COMMUNITY_GROUP: 'Community group',
};

export const sizeBandLabels: Record<SizeBand, string> = {
  MICRO: 'Income under £10,000',
  SMALL: 'Income £10,000 to £100,000',
  MEDIUM: 'Income £100,000 to £1 million',
  LARGE: 'Income £1 million to £10 million',
  MAJOR: 'Income over £10 million',
};

export const causeAreaLabels: Record<CauseArea, string> = {
  ANIMALS: 'Animals',
  ARTS_AND_CULTURE: 'Arts and culture',
  CHILDREN_AND_YOUNG_PEOPLE: 'Children and young people',
  COMMUNITY_DEVELOPMENT: 'Community development',
  DISABILITY: 'Disability',
  EDUCATION: 'Education',
  ENVIRONMENT: 'Environment',
  HEALTH: 'Health',
  HOMELESSNESS_AND_HOUSING: 'Homelessness and housing',
  MENTAL_HEALTH: 'Mental health',
  OLDER_PEOPLE: 'Older people',
  POVERTY: 'Poverty',
  REFUGEES_AND_ASYLUM: 'Refugees and asylum',
  SPORT: 'Sport',
  WOMEN_AND_GIRLS: 'Women and girls',
};

export const skillLevelLabels: Record<SkillLevel, string> = {
  WORKING: 'Working knowledge',
  EXPERIENCED: 'Experienced',
  EXPERT: 'Expert',
};

/** "1 offer", "3 offers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
