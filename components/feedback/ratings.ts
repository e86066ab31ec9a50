// The 1-5 scale both feedback forms offer, its ends named.
export const RATING_OPTIONS = [1, 2, 3, 4, 5].map((value) => ({
  value: String(value),
  label: value === 1 ? '1 (not useful)' : value === 5 ? '5 (very useful)' : String(value),
}));
