// The ask coach's vocabulary: the word lists and patterns it reads a draft with, and the text helpers it
// and the skill suggestions share. Plain lists, so a reviewer can see why an ask scored as it did.

const MAX_FIELD_CHARS = 10_000;
// ---------------------------------------------------------------------------------------------------------------
// Word lists. Each is a plain list so a reviewer can see why an ask scored as it did, and add a missing word.

/** A comma-separated list in a template string: easier to read and extend than one quoted word per line. */
export function wordList(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Things a volunteer could look at or produce: the surest sign an ask is about something concrete. */
export const ARTEFACTS = wordList(`
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
export const NAMED_THINGS = wordList(`
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
export const DELIVERABLES = wordList(`
  list, template, structure, plan, price, checklist, edits, questions, yes or no, decision, routine, draft, table,
  steps, actions, fixes, funders, trusts, email, paragraph, sheet, rota, answer, shortlist, timeline, budget,
  rule, wording, comments, go or no-go, outline, agenda, running order, reply, rewrite, rewrites, rules, formula,
  whether, changes, ideas for, contacts, names, order, priorities, options
`);

export const NUMBER_WORDS = wordList(`
  one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, fifteen, twenty, thirty, forty,
  fifty, hundred, thousand, dozen, first, second, third, couple, january, february, march, april, june, july,
  august, september, october, november, december, monday, tuesday, wednesday, thursday, friday, saturday, sunday,
  weekly, monthly, annually, quarterly, spring, summer, autumn, winter, christmas, easter, half-term, today,
  tomorrow, tonight
`);

/** Filler that carries no detail, left out when we count how much an ask actually says. */
export const STOPWORDS = new Set(
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
export const SPECIFIC_QUESTION_PATTERNS = [
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
export const BROAD_GOAL_PATTERNS = [
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
export const WHOLE_PROJECT_PATTERN =
  /\b(?:write|do|prepare|complete|produce|create|need|want)\s+(?:the\s+|our\s+|a\s+|an\s+|my\s+)?(?:whole\s+|entire\s+|full\s+|new\s+)?(?:funding\s+|grant\s+|lottery\s+|tender\s+|council\s+)?(?:application|bid|tender|business plan|strategy|marketing strategy|fundraising strategy|marketing plan|fundraising plan|comms strategy|communications strategy|digital strategy|website)\b/;

/** Marks a part of a bigger piece of work, which makes "write our bid" a fair ask after all. */
export const PART_OF_WORK_PATTERN =
  /\b(?:section|paragraph|question \d|the opening|summary|first \d+ words|cover letter|budget|answer to|this question)\b/;

/** Scope that covers everything at once. */
export const SWEEPING_PATTERNS = [
  /\beverything\b/,
  /\b(?:look at|look over|review|check|go through|sort out|help (?:us )?with|rewrite|update|fix|improve)\s+(?:all|every one|each) (?:of )?(?:our|my|the)\b/,
  /\b(?:whole|entire)\s+(?:charity|organisation|website|bid|application|strategy|business)\b/,
];

/** Words that stand in for the actual request; fine when a concrete thing follows them. */
export const VAGUE_PHRASE_PATTERN =
  /\b(?:help with|help on|advice on|advice about|support with|support on|improve|improving|sort out|look at|look over|looking at|look into|everything|in general|general|anything)\b/g;

export const PURPOSE_PATTERN =
  /\b(?:so that|so we can|so i can|so they|so it|so people|so an?|in order to|to move towards|towards (?:a|the|my|our)|because|before (?:we|our|the|i)|ahead of)\b/;

export const SEVERAL_QUESTIONS_PHRASE_PATTERN =
  /\b(?:and also|also,|another question|a few questions|several questions|some questions|lots of questions|a couple of questions|many questions|questions about)\b/;

// ---------------------------------------------------------------------------------------------------------------
// Text helpers.

export function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression that finds any term of a list as whole words, tolerating a plural "s". */
export function termsPattern(terms: string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeForRegExp);
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})s?(?![a-z0-9])`, 'g');
}

export const ARTEFACT_PATTERN = termsPattern(ARTEFACTS);
export const NAMED_PATTERN = termsPattern(NAMED_THINGS);
export const DELIVERABLE_PATTERN = termsPattern(DELIVERABLES);
export const NUMBER_WORD_PATTERN = termsPattern(NUMBER_WORDS);
export const NUMBER_PATTERN = /[0-9£%]|\b(?:next|this|last|every|each) (?:week|month|year|term|quarter)\b/;

export function normalise(text: string | undefined): string {
  return (text ?? '')
    .slice(0, MAX_FIELD_CHARS)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokenise(text: string): string[] {
  return text
    .split(/[^a-z0-9£']+/)
    .map((token) => token.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Just enough stemming for "budgets" to find "budget" and "charities" to find "charity". */
export function stem(token: string): string {
  const word = token.endsWith("'s") ? token.slice(0, -2) : token;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function wordCount(text: string): number {
  return tokenise(text).length;
}

export function distinctMatches(text: string, pattern: RegExp): string[] {
  return [...new Set(Array.from(text.matchAll(pattern), (match) => tokenise(match[0]).map(stem).join(' ')))];
}

export function anyMatch(text: string, patterns: RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

export function hasConcreteDetail(text: string): boolean {
  return distinctMatches(text, ARTEFACT_PATTERN).length > 0 || distinctMatches(text, NAMED_PATTERN).length > 0 || hasNumbers(text);
}

export function hasNumbers(text: string): boolean {
  return NUMBER_PATTERN.test(text) || distinctMatches(text, NUMBER_WORD_PATTERN).length > 0;
}
