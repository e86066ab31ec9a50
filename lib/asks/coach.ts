// The ask coach: scores how specific and answerable a draft ask is, says why, and suggests skills from the taxonomy.
// Pure and deterministic (no database, no I/O), so the form, the moderation queue and tests all see the same answer.
import {
  STOPWORDS,
  SPECIFIC_QUESTION_PATTERNS,
  BROAD_GOAL_PATTERNS,
  WHOLE_PROJECT_PATTERN,
  PART_OF_WORK_PATTERN,
  SWEEPING_PATTERNS,
  VAGUE_PHRASE_PATTERN,
  PURPOSE_PATTERN,
  SEVERAL_QUESTIONS_PHRASE_PATTERN,
  ARTEFACT_PATTERN,
  NAMED_PATTERN,
  DELIVERABLE_PATTERN,
  normalise,
  tokenise,
  stem,
  wordCount,
  distinctMatches,
  anyMatch,
  hasConcreteDetail,
  hasNumbers,
} from './coach-words';
import { MAX_SUGGESTIONS, suggestSkillSlugs } from './skill-suggestions';
import { taxonomySkills } from '@/lib/skills/taxonomy';

export { suggestSkillSlugs };

export interface AskDraft {
  title: string;
  question: string;
  outcome?: string;
  context?: string;
  skillSlugs?: string[];
  durationMinutes?: number;
}

export interface CoachReport {
  /** 0-100; at or above SPECIFIC_SCORE the ask is specific enough for a short session. */
  score: number;
  /** Stable codes from COACH_FLAGS (a CoachFlag each), in the order that list gives them. */
  flags: string[];
  /** One short sentence per flag, for the person writing the ask. */
  advice: string[];
  /** Taxonomy skills the text mentions that the draft has not chosen yet, best first. */
  suggestedSkillSlugs: string[];
}

/** An ask scoring this or more is "specific": a volunteer could answer it in one short session. */
export const SPECIFIC_SCORE = 60;

/** What each flag means, in the words a page would show beside it. The keys are stable codes. */
export const COACH_FLAGS = {
  'too-broad': 'Too broad for one short session',
  'several-questions': 'More than one question in one ask',
  'vague-verbs': 'Vague wording without a concrete thing',
  'too-short': 'Too short to understand',
  'missing-outcome': 'No clear outcome',
  'missing-context': 'Little for the volunteer to go on beforehand',
  'too-many-skills': 'Too many skills for one session',
  'too-long-for-duration': 'A lot to cover in the time chosen',
} as const;

export type CoachFlag = keyof typeof COACH_FLAGS;

export interface ScoreAdjustment {
  code: string;
  points: number;
  /** Plain words on why the score moved, for the coach panel and for tests. */
  label: string;
}

export interface ScoreBreakdown {
  base: number;
  adjustments: ScoreAdjustment[];
  score: number;
}

const BASE_SCORE = 50;
const MAX_SKILLS_FOR_ONE_SESSION = 3;
/** Nobody writes more than this in one field; a cap keeps the work per keystroke small whatever is pasted in. */
const MIN_QUESTION_WORDS = 6;
const MIN_OUTCOME_WORDS = 4;
const MIN_CONTEXT_WORDS = 6;
const SHORT_SESSION_MINUTES = 15;

// ---------------------------------------------------------------------------------------------------------------
// Reading a draft.

interface DraftReading {
  askText: string; // title and question: what a volunteer reads first
  outcome: string;
  questionWords: number;
  outcomeWords: number;
  contextWords: number;
  artefacts: string[];
  named: string[];
  hasNumbers: boolean;
  specificQuestion: boolean;
  statesPurpose: boolean;
  detailWords: number;
  broadGoal: boolean;
  wholeProject: boolean;
  sweeping: boolean;
  vaguePhrase: string | undefined;
  questionCount: number;
  skillCount: number;
  mentionedSkills: string[];
  durationMinutes: number | undefined;
}

function readDraft(draft: AskDraft): DraftReading {
  const title = normalise(draft.title);
  const question = normalise(draft.question);
  const outcome = normalise(draft.outcome);
  const context = normalise(draft.context);
  const askText = `${title}. ${question}`;
  const allText = [askText, outcome, context].join('. ');
  const skillCount = new Set(draft.skillSlugs ?? []).size;
  return {
    askText,
    outcome,
    questionWords: wordCount(question),
    outcomeWords: wordCount(outcome),
    contextWords: wordCount(context),
    artefacts: distinctMatches(askText, ARTEFACT_PATTERN),
    named: distinctMatches(askText, NAMED_PATTERN),
    hasNumbers: hasNumbers(askText),
    specificQuestion: anyMatch(askText, SPECIFIC_QUESTION_PATTERNS),
    statesPurpose: PURPOSE_PATTERN.test(askText),
    detailWords: countDetailWords(askText),
    broadGoal: anyMatch(askText, BROAD_GOAL_PATTERNS),
    wholeProject: WHOLE_PROJECT_PATTERN.test(askText) && !PART_OF_WORK_PATTERN.test(askText),
    sweeping: anyMatch(askText, SWEEPING_PATTERNS),
    vaguePhrase: findVaguePhrase(askText),
    questionCount: countQuestions(question, askText),
    skillCount,
    mentionedSkills: suggestSkillSlugs(allText, [], taxonomySkills.length),
    durationMinutes: draft.durationMinutes,
  };
}

/** Distinct words that carry meaning: a rough measure of how much the ask tells a volunteer. */
function countDetailWords(text: string): number {
  const stems = tokenise(text)
    .filter((token) => token.length > 2 && !STOPWORDS.has(token))
    .map(stem);
  return new Set(stems).size;
}

/** The first "help with…", "improve…" that is not followed, within a few words, by a concrete thing. */
function findVaguePhrase(text: string): string | undefined {
  for (const match of text.matchAll(VAGUE_PHRASE_PATTERN)) {
    const after = text.slice((match.index ?? 0) + match[0].length).split(/[.?!;]/, 1)[0] ?? '';
    const window = after.split(' ').slice(0, 9).join(' ');
    if (!hasConcreteDetail(window)) return match[0];
  }
  return undefined;
}

/**
 * How many separate questions the question field asks. A short follow-up ("What would you cut?") belongs to the
 * question before it; a list of items or "and also" means more than one.
 */
function countQuestions(question: string, askText: string): number {
  const sentences = question.split('?').slice(0, -1);
  const substantial = sentences.filter((sentence) => wordCount(sentence.split(/[.!]/).pop() ?? '') >= 5).length;
  const questionMarks = sentences.length;
  const listItems = (question.match(/(?:^|\s)(?:\(?\d{1,2}[.)]|[-*•])\s/g) ?? []).length;
  let count = Math.max(substantial, listItems >= 2 ? listItems : 0, questionMarks >= 3 ? questionMarks : 0, 1);
  if (SEVERAL_QUESTIONS_PHRASE_PATTERN.test(askText)) count = Math.max(count, 2);
  return question ? count : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Flags, score and advice.

function findFlags(reading: DraftReading): CoachFlag[] {
  const evidence = [reading.artefacts.length > 0, reading.named.length > 0, reading.hasNumbers, reading.specificQuestion];
  const evidenceCount = evidence.filter(Boolean).length;
  const flags = new Set<CoachFlag>();
  // A generic goal can still be a fair ask when it says what it is about: a concrete thing or a specific question,
  // plus one more detail ("more donors" for "our £5k Christmas appeal letter"). Numbers and names alone only dress
  // it up ("300 followers on Instagram: how do we get more?"). With no detail at all, any ask is broad.
  const saysWhat = reading.artefacts.length > 0 || reading.specificQuestion;
  const broadGoalUnanswered = reading.broadGoal && (evidenceCount < 2 || !saysWhat);
  if (reading.wholeProject || reading.sweeping || broadGoalUnanswered || evidenceCount === 0) {
    flags.add('too-broad');
  }
  if (reading.questionCount >= 2) flags.add('several-questions');
  if (reading.vaguePhrase) flags.add('vague-verbs');
  if (reading.questionWords < MIN_QUESTION_WORDS) flags.add('too-short');
  if (reading.outcomeWords < MIN_OUTCOME_WORDS) flags.add('missing-outcome');
  if (reading.contextWords < MIN_CONTEXT_WORDS) flags.add('missing-context');
  if (reading.skillCount > MAX_SKILLS_FOR_ONE_SESSION) flags.add('too-many-skills');
  if (isTooMuchForDuration(reading)) flags.add('too-long-for-duration');
  return (Object.keys(COACH_FLAGS) as CoachFlag[]).filter((flag) => flags.has(flag));
}

function isTooMuchForDuration(reading: DraftReading): boolean {
  const minutes = reading.durationMinutes;
  if (minutes === undefined || !Number.isFinite(minutes) || minutes > SHORT_SESSION_MINUTES) return false;
  return reading.questionCount >= 2 || reading.skillCount >= MAX_SKILLS_FOR_ONE_SESSION || reading.questionWords > 80;
}

function outcomeHasDeliverable(reading: DraftReading): boolean {
  const { outcome } = reading;
  return distinctMatches(outcome, DELIVERABLE_PATTERN).length > 0 || hasConcreteDetail(outcome);
}

function listed(words: string[]): string {
  return words.slice(0, 3).join(', ');
}

function positiveAdjustments(reading: DraftReading): ScoreAdjustment[] {
  const adjustments: ScoreAdjustment[] = [];
  const add = (code: string, points: number, label: string) => adjustments.push({ code, points, label });
  if (reading.artefacts.length > 0) {
    add('names-a-thing', reading.artefacts.length > 1 ? 14 : 10, `Names something concrete: ${listed(reading.artefacts)}`);
  }
  if (reading.hasNumbers) add('gives-numbers', 8, 'Gives numbers, amounts or dates');
  if (reading.named.length > 0) add('names-funder-or-tool', 8, `Names a funder, tool or programme: ${listed(reading.named)}`);
  if (reading.specificQuestion) add('asks-specific-question', 10, 'Asks a specific question (which, should we, how should we…)');
  if (reading.statesPurpose) add('says-why', 5, 'Says why it matters or what it is for');
  const detailPoints = Math.min(10, Math.max(0, reading.detailWords - 6));
  if (detailPoints > 0) add('describes-situation', detailPoints, 'Describes the situation in its own words');
  if (reading.outcomeWords >= MIN_OUTCOME_WORDS) {
    if (outcomeHasDeliverable(reading)) add('clear-outcome', 10, 'The outcome names something you will have at the end');
    else add('has-outcome', 2, 'Says what a good outcome looks like');
  }
  if (reading.contextWords >= MIN_CONTEXT_WORDS) add('has-context', 6, 'Gives the volunteer context beforehand');
  if (reading.skillCount >= 1 && reading.skillCount <= MAX_SKILLS_FOR_ONE_SESSION) {
    add('focused-skills', 4, 'One to three skills, so the right volunteer can find it');
  }
  if (reading.mentionedSkills.length > 0) add('mentions-a-skill', 4, 'Mentions something volunteers offer');
  return adjustments;
}

const FLAG_PENALTIES: Record<CoachFlag, number> = {
  'too-broad': -30,
  'several-questions': -15, // per question beyond the first, up to two
  'vague-verbs': -10,
  'too-short': -15,
  'missing-outcome': -6,
  'missing-context': -3,
  'too-many-skills': -8,
  'too-long-for-duration': -6,
};

function negativeAdjustments(reading: DraftReading, flags: CoachFlag[]): ScoreAdjustment[] {
  return flags.map((flag) => {
    const extraQuestions = Math.min(2, Math.max(1, reading.questionCount - 1));
    const points = flag === 'several-questions' ? FLAG_PENALTIES[flag] * extraQuestions : FLAG_PENALTIES[flag];
    return { code: flag, points, label: COACH_FLAGS[flag] };
  });
}

function clampScore(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

function breakdown(reading: DraftReading, flags: CoachFlag[]): ScoreBreakdown {
  const adjustments = [...positiveAdjustments(reading), ...negativeAdjustments(reading, flags)];
  const total = adjustments.reduce((sum, adjustment) => sum + adjustment.points, BASE_SCORE);
  return { base: BASE_SCORE, adjustments, score: clampScore(total) };
}

/** The score and every named adjustment behind it: base plus each adjustment, clamped to 0-100. */
export function explainAskScore(draft: AskDraft): ScoreBreakdown {
  const reading = readDraft(draft);
  return breakdown(reading, findFlags(reading));
}

/** Rewrites we offer for a broad ask, chosen by what it is about so the example feels close to home. */
const BROAD_REWRITES: Array<{ topic: RegExp; from: string; to: string }> = [
  {
    topic: /\b(?:promotion|career|manager|job)\b/,
    from: 'How do I get a promotion?',
    to: 'How can I gain experience managing someone, to move towards a manager role?',
  },
  {
    topic: /\b(?:marketing|social media|profile|publicity|followers|awareness|brand|newsletter)\b/,
    from: 'Help with marketing',
    to: 'What should our first email newsletter to 400 supporters say?',
  },
  {
    topic: /\b(?:website|digital|computers?|online|systems|tech|technology)\b/,
    from: 'Improve our website',
    to: 'Which three changes would make our donate button easier to find on a phone?',
  },
  {
    topic: /\b(?:volunteers?|volunteering|rota)\b/,
    from: 'How do we get more volunteers?',
    to: 'How should we word our advert to find two Saturday drivers?',
  },
  {
    topic: /\b(?:trustees?|board|governance)\b/,
    from: 'We need new trustees',
    to: 'What should our treasurer role description say so that an accountant applies?',
  },
  {
    topic: /./,
    from: 'How do I get more funding?',
    to: 'Which three local trusts should we approach for £5k towards our Saturday club?',
  },
];

function adviseOn(flag: CoachFlag, reading: DraftReading): string {
  switch (flag) {
    case 'too-broad': {
      const rewrite = BROAD_REWRITES.find(({ topic }) => topic.test(reading.askText)) ?? BROAD_REWRITES.at(-1)!;
      return `Name the one thing you want to get done, e.g. not "${rewrite.from}" but "${rewrite.to}"`;
    }
    case 'several-questions':
      return 'Split this into stages: one ask per question, so each can go to the volunteer who knows that part best.';
    case 'vague-verbs':
      return `Replace "${reading.vaguePhrase ?? 'help with'}" with the thing itself, e.g. "rewrite the first paragraph of our appeal letter" rather than "help with our appeal".`;
    case 'too-short':
      return 'Add a sentence on your situation and exactly what you want to know, so a volunteer can answer without asking first.';
    case 'missing-outcome':
      return 'Say what you want to have at the end, e.g. "three trusts to approach" or "specific edits to our first 150 words".';
    case 'missing-context':
      return 'Tell the volunteer what to know beforehand, e.g. your size, what you have tried, and any draft you will share.';
    case 'too-many-skills':
      return 'Keep the one to three skills that matter most, or split the ask into stages with its own skills each.';
    case 'too-long-for-duration':
      return `That is a lot for ${reading.durationMinutes ?? SHORT_SESSION_MINUTES} minutes: choose 30 minutes, or keep to one question.`;
  }
}

/** Scores a draft ask, flags what would stop a volunteer answering it in one short session, and suggests skills. */
export function coachAsk(draft: AskDraft): CoachReport {
  const reading = readDraft(draft);
  const flags = findFlags(reading);
  const chosen = new Set(draft.skillSlugs ?? []);
  return {
    score: breakdown(reading, flags).score,
    flags,
    advice: flags.map((flag) => adviseOn(flag, reading)),
    suggestedSkillSlugs: reading.mentionedSkills.filter((slug) => !chosen.has(slug)).slice(0, MAX_SUGGESTIONS),
  };
}
