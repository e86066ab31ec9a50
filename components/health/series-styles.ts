// The look of each series: colours with at least 4.5:1 contrast on white, and a dash pattern each, so the
// lines are told apart without colour too.
export const SERIES_STYLES = [
  { colour: '#1d4ed8', dash: undefined },
  { colour: '#b45309', dash: '8 4' },
  { colour: '#047857', dash: '2 4' },
  { colour: '#7e22ce', dash: '12 4 2 4' },
] as const;
