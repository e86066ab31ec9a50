// The ask coach: scores how specific and answerable a draft ask is, says why, and suggests skills from the taxonomy.
// Pure and deterministic (no database, no I/O), so the form, the moderation queue and tests all see the same answer.
import { taxonomySkills } from '@/lib/skills/taxonomy';

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
const MAX_SUGGESTIONS = 5;
/** Nobody writes more than this in one field; a cap keeps the work per keystroke small whatever is pasted in. */
const MAX_FIELD_CHARS = 10_000;
const MIN_QUESTION_WORDS = 6;
const MIN_OUTCOME_WORDS = 4;
const MIN_CONTEXT_WORDS = 6;
const SHORT_SESSION_MINUTES = 15;

// ---------------------------------------------------------------------------------------------------------------
// Word lists. Each is a plain list so a reviewer can see why an ask scored as it did, and add a missing word.

/** A comma-separated list in a template string: easier to read and extend than one quoted word per line. */
function wordList(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Things a volunteer could look at or produce: the surest sign an ask is about something concrete. */
const ARTEFACTS = wordList(`
  bid, application, application form, form, cashbook, cash book, policy, policies, spreadsheet, newsletter,
  paragraph, the opening, introduction, section, template, budget, risk register, risk assessment, press release,
  leaflet, poster, flyer, report, accounts, constitution, job description, role description, job advert, advert,
  interview, rota, survey, questionnaire, checklist, contract, lease, tender, invoice, payroll, board minutes,
  agenda, case study, logo, email, letter, web page, page, homepage, button, pitch, presentation, slides, script,
  handbook, welcome pack, induction, privacy notice, consent form, call log, database, mailing list,
  theory of change, logic model, outcomes framework, business plan, price, cash flow, forecast, declaration, dbs,
  supervision, appraisal, one-to-one, timetable, video, photo, chart, dashboard, pivot table, formula, column,
  password, backup, till takings, takings, receipts, vat return, fund codes, reserves, annual return, agm,
  board meeting, proposal, quote, grant agreement, monitoring report, feedback form, cover letter, sign-up form,
  booking form, post, caption, raffle, ticket, sign-in sheet, running order, wording, headline, subject line,
  overheads, insurance, contract of employment, job offer, volunteer agreement, expenses, receipt, tins
`);

/** Funders, regulators, programmes and tools: naming one tells a volunteer exactly which world the ask lives in. */
const NAMED_THINGS = wordList(`
  national lottery, lottery, reaching communities, awards for all, community fund, children in need, comic relief,
  lloyds bank foundation, esmee fairbairn, esmée fairbairn, paul hamlyn, garfield weston, henry smith,
  tudor trust, heritage fund, arts council, sport england, postcode lottery, hmrc, charity commission, oscr,
  companies house, ccni, cio, gift aid, gasds, sorp, gdpr, ico, ofsted, nhs, council, local authority, xero,
  quickbooks, sage, excel, google sheets, google forms, google form, google workspace, google drive,
  microsoft 365, office 365, microsoft teams, sharepoint, zoom, wordpress, squarespace, wix, mailchimp, canva,
  facebook, instagram, tiktok, linkedin, youtube, whatsapp, justgiving, crowdfunder, gofundme, enthuse, beacon,
  salesforce, donorfy, chatgpt, copilot, eventbrite, sumup, paypal, shopify, etsy, ncvo, reach volunteering,
  tesco, sainsbury, asda, co-op, aldi, lidl, morrisons, wcag, cyber essentials, living wage, acas, vat, paye, dbs,
  esol, screen reader, small donations scheme
`);

/** Words that turn an activity into a deliverable when they appear in the outcome. */
const DELIVERABLES = wordList(`
  list, template, structure, plan, price, checklist, edits, questions, yes or no, decision, routine, draft, table,
  steps, actions, fixes, funders, trusts, email, paragraph, sheet, rota, answer, shortlist, timeline, budget,
  rule, wording, comments, go or no-go, outline, agenda, running order, reply, rewrite, rewrites, rules, formula,
  whether, changes, ideas for, contacts, names, order, priorities, options
`);

const NUMBER_WORDS = wordList(`
  one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, fifteen, twenty, thirty, forty,
  fifty, hundred, thousand, dozen, first, second, third, couple, january, february, march, april, june, july,
  august, september, october, november, december, monday, tuesday, wednesday, thursday, friday, saturday, sunday,
  weekly, monthly, annually, quarterly, spring, summer, autumn, winter, christmas, easter, half-term, today,
  tomorrow, tonight
`);

/** Filler that carries no detail, left out when we count how much an ask actually says. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from get got had has have how i if in into is it its ' +
    'me my no not of on or our ours so some than that the their them then there these they this those to too up us ' +
    'was we were what when where which who why will with would you your yours any anyone someone somebody please ' +
    'help advice support need want like just really very more most much lot lots thing things stuff also about ' +
    'know think make making good better best new charity organisation group small able let tell give us am'
  ).split(' '),
);

// Patterns. Each is named for what it spots; all run on lower-cased text with straight quotes.

/** Interrogatives that point at one decision or one piece of work ("which…", "should we…", "is our X right…"). */
const SPECIFIC_QUESTION_PATTERNS = [
  /\bwhich\b/,
  /\bshould (?:we|i)\b(?! (?:be )?do(?:ing)?\b)/, // "what should we do?" on its own is the broad question again
  /\bis (?:our|my|this|the|it|that)\b[^?.!]{0,80}\b(?:right|enough|normal|realistic|legal|allowed|ok|okay|suitable|correct|compliant|fair|worth|clear|necessary|required|safe)\b/,
  /\bare (?:we|our)\b[^?.!]{0,60}\b(?:right|enough|allowed|legal|required|compliant)\b/,
  /\bdoes (?:our|my|this|the|it)\b/,
  /\bdo (?:we|i) (?:need|have) to\b/,
  /\bdo (?:we|i) need (?:a|an|to)\b/,
  /\bcan (?:we|i) (?:claim|use|charge|reclaim|accept|keep|store|share|pay|register|record|sell|change|put|include|count|ask)\b/,
  /\bwhat (?:would you|are the|is the (?:simplest|best|quickest|cheapest|right|fairest|easiest|safest))\b/,
  /\bwho (?:needs|should|signs|do we|does)\b/,
  /\bhow (?:many|much|long|often)\b/,
  /\bwhen (?:should|do) (?:we|i)\b/,
  /\bhow (?:do|can|could) (?:we|i) (?:turn|record|reconcile|decide|approach|claim|set up|structure|word|write|calculate|work out|choose|plan|gain|keep|stop|price|train|measure|show|evidence|register|test|check|prepare|budget|report|present|handle|reply|respond|explain|split|cut|track|total|add|move|answer|run|organise|organize|design|interview|thank|chair|close|cancel|end|introduce|manage|persuade|brief)\b/,
];

/** A generic goal: more money, more people, a better "X", a career step. Fine as a motive, too big as an ask. */
const BROAD_GOAL_PATTERNS = [
  /\b(?:get|getting|raise|raising|find|finding|attract|bring in|generate|secure|increase|boost|grow|need|want|reach)\s+(?:more\s+|some\s+|extra\s+|new\s+|enough\s+|our\s+|the\s+)?(?:funding|funds|money|donations|donors|volunteers|members|followers|supporters|income|grants|trustees|customers|visitors|awareness|users|sales|engagement|publicity|exposure|people|referrals|attention)\b/,
  /\b(?:get|getting|achieve|earn|land|go for)\s+(?:a\s+|my\s+|the\s+)?(?:promotion|pay rise|new job|better job)\b/,
  /\b(?:progress|advance|develop|further|grow)\s+(?:my|your|our)\s+career\b/,
  /\bcareer (?:advice|progression|development)\b/,
  /\b(?:help|advice|support|tips|ideas|guidance|assistance|pointers)\s+(?:with|on|for|about|around|regarding)\s+(?:our\s+|my\s+|the\s+|some\s+)?(?:fundraising|marketing|funding|finances?|money|social media|comms|communications|governance|strategy|website|it|digital|technology|hr|volunteers?|volunteering|trustees|everything|things|growth|the charity|our charity|running (?:a|the|our) charity|my career|career|bids?|grants?|admin|compliance|policies|impact|publicity|pr|branding|evaluation|finance|planning|accounts|books|bookkeeping|paperwork|data)\b/,
  /\b(?:improve|improving|better|sort out|fix|grow|develop|transform|modernise|modernize|update|overhaul|boost|raise|strengthen|professionalise)\s+(?:our|my|the)\s+(?:website|marketing|fundraising|profile|finances|governance|social media|image|brand|comms|communications|charity|organisation|reach|online presence|presence|impact|strategy|board|systems|processes|it|digital|income|volunteering|events?)\b/,
  /\b(?:be|become|make (?:us|it|our charity|the charity|them))\s+(?:more\s+)?(?:sustainable|successful|known|better known|visible|digital|professional|efficient|effective|better)\b/,
  /\bwhere (?:do|can|should) (?:we|i) (?:start|begin)\b/,
  /\bwhere to (?:start|begin)\b/,
  /\b(?:any|some|general) (?:tips|advice|ideas|thoughts|pointers|help)\b/,
  /\bwhat (?:can|could|do|should) (?:we|i) (?:be )?do(?:ing)?\b(?! differently)/,
  /\b(?:how|way|ways) to (?:fundraise|raise (?:more )?money|get (?:more )?funding|promote (?:ourselves|us|our charity)|market (?:ourselves|our charity))\b/,
  /\bget(?:ting)? (?:our|the|my) name out\b/,
  /\b(?:get|attract|find|reach|raise) more\s*(?:[?.!]|$)/,
  /\bcan (?:you|someone|anyone) help(?: us| me)?\s*(?:[?.!]|$)/,
  /\b(?:a|my|our) mentor\b/,
];

/** Asking for the whole piece of work rather than a part of it ("write our funding application"). */
const WHOLE_PROJECT_PATTERN =
  /\b(?:write|do|prepare|complete|produce|create|need|want)\s+(?:the\s+|our\s+|a\s+|an\s+|my\s+)?(?:whole\s+|entire\s+|full\s+|new\s+)?(?:funding\s+|grant\s+|lottery\s+|tender\s+|council\s+)?(?:application|bid|tender|business plan|strategy|marketing strategy|fundraising strategy|marketing plan|fundraising plan|comms strategy|communications strategy|digital strategy|website)\b/;

/** Marks a part of a bigger piece of work, which makes "write our bid" a fair ask after all. */
const PART_OF_WORK_PATTERN =
  /\b(?:section|paragraph|question \d|the opening|summary|first \d+ words|cover letter|budget|answer to|this question)\b/;

/** Scope that covers everything at once. */
const SWEEPING_PATTERNS = [
  /\beverything\b/,
  /\b(?:look at|look over|review|check|go through|sort out|help (?:us )?with|rewrite|update|fix|improve)\s+(?:all|every one|each) (?:of )?(?:our|my|the)\b/,
  /\b(?:whole|entire)\s+(?:charity|organisation|website|bid|application|strategy|business)\b/,
];

/** Words that stand in for the actual request; fine when a concrete thing follows them. */
const VAGUE_PHRASE_PATTERN =
  /\b(?:help with|help on|advice on|advice about|support with|support on|improve|improving|sort out|look at|look over|looking at|look into|everything|in general|general|anything)\b/g;

const PURPOSE_PATTERN =
  /\b(?:so that|so we can|so i can|so they|so it|so people|so an?|in order to|to move towards|towards (?:a|the|my|our)|because|before (?:we|our|the|i)|ahead of)\b/;

const SEVERAL_QUESTIONS_PHRASE_PATTERN =
  /\b(?:and also|also,|another question|a few questions|several questions|some questions|lots of questions|a couple of questions|many questions|questions about)\b/;

// ---------------------------------------------------------------------------------------------------------------
// Text helpers.

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression that finds any term of a list as whole words, tolerating a plural "s". */
function termsPattern(terms: string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeForRegExp);
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})s?(?![a-z0-9])`, 'g');
}

const ARTEFACT_PATTERN = termsPattern(ARTEFACTS);
const NAMED_PATTERN = termsPattern(NAMED_THINGS);
const DELIVERABLE_PATTERN = termsPattern(DELIVERABLES);
const NUMBER_WORD_PATTERN = termsPattern(NUMBER_WORDS);
const NUMBER_PATTERN = /[0-9£%]|\b(?:next|this|last|every|each) (?:week|month|year|term|quarter)\b/;

function normalise(text: string | undefined): string {
  return (text ?? '')
    .slice(0, MAX_FIELD_CHARS)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokenise(text: string): string[] {
  return text
    .split(/[^a-z0-9£']+/)
    .map((token) => token.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Just enough stemming for "budgets" to find "budget" and "charities" to find "charity". */
function stem(token: string): string {
  const word = token.endsWith("'s") ? token.slice(0, -2) : token;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function wordCount(text: string): number {
  return tokenise(text).length;
}

function distinctMatches(text: string, pattern: RegExp): string[] {
  return [...new Set(Array.from(text.matchAll(pattern), (match) => tokenise(match[0]).map(stem).join(' ')))];
}

function anyMatch(text: string, patterns: RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

function hasConcreteDetail(text: string): boolean {
  return distinctMatches(text, ARTEFACT_PATTERN).length > 0 || distinctMatches(text, NAMED_PATTERN).length > 0 || hasNumbers(text);
}

function hasNumbers(text: string): boolean {
  return NUMBER_PATTERN.test(text) || distinctMatches(text, NUMBER_WORD_PATTERN).length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Skill suggestions: a keyword index built once, then one pass over the words of a draft.

interface KeywordEntry {
  skillIndex: number;
  keyword: string;
  stems: string[];
}

const keywordIndex = buildKeywordIndex();

function buildKeywordIndex(): Map<string, KeywordEntry[]> {
  const index = new Map<string, KeywordEntry[]>();
  taxonomySkills.forEach((skill, skillIndex) => {
    // "trustee" and "trustees" are one keyword once stemmed, so a skill is not counted twice for one word.
    const byStems = new Map<string, string[]>();
    for (const phrase of [...skill.keywords, skill.name]) {
      const stems = tokenise(normalise(phrase)).map(stem);
      if (stems.length > 0) byStems.set(stems.join(' '), stems);
    }
    for (const [keyword, stems] of byStems) {
      const entries = index.get(stems[0]!) ?? [];
      entries.push({ skillIndex, keyword, stems });
      index.set(stems[0]!, entries);
    }
  });
  return index;
}

/**
 * Taxonomy skills whose keywords or names appear in the text, best first: a skill scores one point per word of each
 * different keyword it matched, so "gift aid" outweighs a passing "claim". Ties keep taxonomy order.
 */
export function suggestSkillSlugs(text: string, exclude: string[] = [], limit = MAX_SUGGESTIONS): string[] {
  const stems = tokenise(normalise(text)).map(stem);
  const hits = new Map<number, Set<string>>();
  const weights = new Map<number, number>();
  stems.forEach((token, position) => {
    for (const entry of keywordIndex.get(token) ?? []) {
      if (!entry.stems.every((part, offset) => stems[position + offset] === part)) continue;
      const seen = hits.get(entry.skillIndex) ?? new Set<string>();
      if (seen.has(entry.keyword)) continue;
      seen.add(entry.keyword);
      hits.set(entry.skillIndex, seen);
      weights.set(entry.skillIndex, (weights.get(entry.skillIndex) ?? 0) + entry.stems.length);
    }
  });
  const excluded = new Set(exclude);
  return [...weights.entries()]
    .sort(([indexA, weightA], [indexB, weightB]) => weightB - weightA || indexA - indexB)
    .map(([skillIndex]) => taxonomySkills[skillIndex]!.slug)
    .filter((slug) => !excluded.has(slug))
    .slice(0, Math.max(0, limit));
}

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
