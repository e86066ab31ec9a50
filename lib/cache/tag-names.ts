// The tags the cached public pages carry: one name per thing a write can change.
export const PUBLIC_TAGS = {
  /** Every cached public page: invalidated after the database is seeded again (nothing else needs it). */
  all: 'public',
  /** Every list of asks: the browse pages (each filter combination) and the home page's newest asks. */
  askLists: 'asks:list',
  /** The home page's figures (open asks, volunteers, organisations, sessions held). */
  home: 'home',
  /** One ask's page (also carried by the pages of its project's other stages, and a cached "not found"). */
  ask: (id: string) => `ask:${id}`,
  /** One project's page. */
  project: (id: string) => `project:${id}`,
} as const;
