// Labelled asks of the kind small UK charities write, broad and specific, each with the coach flags it must and must
// not raise: the examples tests/unit/ask-coach.test.ts measures lib/asks/coach.ts against.
import type { AskDraft, CoachFlag } from '@/lib/asks/coach';

export interface LabelledAsk {
  label: 'broad' | 'specific';
  draft: AskDraft;
  /** Flags that must be raised. */
  flags?: CoachFlag[];
  /** Flags that must not be raised. */
  notFlags?: CoachFlag[];
}

export const labelledAsks: LabelledAsk[] = [
  // ---- Broad: a goal, a topic or a whole project rather than one question a volunteer can answer in half an hour.
  {
    label: 'broad',
    draft: { title: 'Getting a promotion', question: 'How do I get a promotion?' },
    flags: ['too-broad', 'missing-outcome', 'missing-context'],
  },
  {
    label: 'broad',
    draft: { title: 'More funding', question: 'How do I get more funding?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Help with marketing', question: 'We need help with marketing.', skillSlugs: ['social-media'] },
    flags: ['too-broad', 'vague-verbs', 'too-short'],
  },
  {
    label: 'broad',
    draft: { title: 'Improve our website', question: 'Our website is old and looks tired. Can someone help us improve it?' },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Fundraising',
      question: 'We need help with fundraising, we are a small charity and money is tight.',
      outcome: 'More money coming in.',
    },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: { title: 'Social media advice', question: 'Can you give us some advice on social media?', skillSlugs: ['social-media'] },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Find two new trustees',
      question: 'We need new trustees. Can you help?',
      outcome: 'More trustees.',
      skillSlugs: ['trustee-recruitment'],
    },
    flags: ['too-broad', 'missing-outcome'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Grow our charity',
      question: 'How can we grow our charity and reach more people in the area?',
      outcome: 'A bigger charity that helps more people.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'General advice', question: 'I would like some general advice on running a charity as I am new to it.' },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: { title: 'Sort out our finances', question: 'Our finances are a mess and we need someone to sort out everything for us.' },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Lots of questions about our charity',
      question: 'How do we find more volunteers? How do we write a funding bid? And also what should we post on Facebook?',
      skillSlugs: ['volunteer-management', 'grant-applications', 'social-media'],
    },
    flags: ['several-questions'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Promote my prints',
      question: 'Can someone share my prints on their social media?',
      outcome: 'Sales.',
      skillSlugs: ['social-media'],
    },
    flags: ['missing-outcome'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Be more sustainable',
      question: 'We are a small charity and we are struggling with money. What can we do to be more sustainable in the future?',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Marketing strategy',
      question: 'We want a marketing strategy. Where do we start?',
      outcome: 'A marketing strategy for the charity.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Volunteers', question: 'How do we get more volunteers?', skillSlugs: ['volunteer-management'] },
    flags: ['too-broad'],
  },
  {
    // Seed 001's example: only you and your competitors could help with this one.
    label: 'broad',
    draft: {
      title: 'Write our funding application',
      question: 'I need help to write a funding application to the council to deliver the services we run in our area.',
      outcome: 'A finished application.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Improve our governance', question: 'Our board is not working well. How can we improve our governance?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'IT help', question: 'Our computers and systems need looking at. Can anyone help with IT?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Funding',
      question: 'Any tips on funding? We run a lunch club for older people and need to keep going.',
      outcome: 'Some ideas.',
    },
    flags: ['too-broad', 'missing-outcome'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Everything about running a charity shop',
      question: 'We are opening a charity shop. Can you tell us everything we need to know?',
    },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Raise our profile',
      question: 'Nobody in town knows who we are. How do we raise our profile?',
      outcome: 'More people know about us.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Help with our new project',
      question: 'We are starting a new project and need support with planning, money, publicity and volunteers.',
      skillSlugs: ['project-management', 'budgeting-cash-flow', 'press-and-media', 'volunteer-management', 'fundraising-strategy'],
    },
    flags: ['too-broad', 'too-many-skills'],
  },
  {
    label: 'broad',
    draft: { title: 'Career advice', question: 'I have worked in the charity for ten years. How do I progress my career?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Digital transformation', question: 'How can our charity become more digital?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Help', question: 'Help please' },
    flags: ['too-broad', 'too-short', 'missing-outcome', 'missing-context'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Our funding situation',
      question:
        'We are a small community group in Leeds that has been running for eight years. Our main grant ends in March and we are worried about the future. We do not really know where to start with funding and would like some advice on what to do.',
      outcome: 'Know what to do next.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Review all our policies',
      question:
        'Can you look at all our policies (safeguarding, GDPR, health and safety, volunteering, complaints and finance) and tell us what is wrong?',
      skillSlugs: ['safeguarding-policy', 'gdpr', 'health-and-safety', 'hr-policies'],
    },
    flags: ['too-many-skills'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Volunteer problems',
      question: 'Our volunteers are unhappy and keep leaving. What is going wrong?',
      outcome: 'Happier volunteers.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Looking for a mentor',
      question: 'I am new to my role as a charity manager and would love a mentor to talk things through with.',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Make our events better', question: 'Our events do not make much money. How can we make them better?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Grants', question: 'What grants are out there for a charity like ours?' },
    flags: ['too-broad'],
  },

  // ---- Specific: one question about one thing, that a volunteer from any sector could answer in a short session.
  {
    // Seed 003's rewrite of "How do I get a promotion?": specific even with nothing but a title and a question.
    label: 'specific',
    draft: {
      title: 'Gaining management experience',
      question: 'How can I gain experience managing someone, to move towards a manager role?',
    },
    flags: ['missing-outcome', 'missing-context'],
    notFlags: ['too-broad', 'vague-verbs', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Check the opening paragraph of our lottery bid',
      question: 'Does our first paragraph make an assessor want to read on? What would you cut?',
      outcome: 'Specific edits to the first 150 words.',
      skillSlugs: ['bid-review', 'storytelling'],
      durationMinutes: 15,
    },
    flags: ['missing-context'],
    notFlags: ['too-broad', 'several-questions', 'missing-outcome', 'too-long-for-duration'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Set up a cashbook in Excel for our tuck shop and subs',
      question:
        'We take cash for the tuck shop and weekly subs and write it in a notebook. Can someone help me set up an Excel cashbook our treasurer can check each month?',
      outcome: 'A working cashbook template with our categories, and knowing how to reconcile it with the bank.',
      context: 'About 40 transactions a week, all under £20. We use Excel 365.',
      skillSlugs: ['cashbook-excel', 'spreadsheets'],
      durationMinutes: 45,
    },
    notFlags: ['too-broad', 'vague-verbs', 'missing-outcome', 'missing-context'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Should we apply to Reaching Communities this year or wait?',
      question:
        'We have two years of accounts and a waiting list for Saturday sessions. Is that enough track record for a first lottery bid, or will a rejection count against us next time?',
      outcome: 'A clear yes or no, and the two or three things that would most strengthen a bid.',
      context: 'Our income was £48k last year, mostly from the council and two local trusts. We have never applied to the Lottery.',
      skillSlugs: ['fundraising-strategy', 'lottery-bids'],
    },
    notFlags: ['too-broad', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'How should we answer section 3 of the Awards for All form?',
      question:
        'Section 3 asks how our project involves the community. We run a weekly lunch club for 30 older people. How do we show that they shaped it, in 250 words?',
      outcome: 'A structure for our answer and one piece of evidence to include.',
      skillSlugs: ['lottery-bids'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Can we claim Gift Aid on cash in our collection tins?',
      question:
        'Our tins in local shops raise about £3,000 a year in coins. Can we claim anything through the Gift Aid small donations scheme, and what records do we need?',
      outcome: 'Knowing whether we qualify and what to record from next month.',
      skillSlugs: ['gift-aid'],
      durationMinutes: 20,
    },
    notFlags: ['too-broad', 'vague-verbs', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Which three local trusts should we approach for £5k towards our Saturday club?',
      question:
        'We need £5,000 to keep our Saturday club open next year for 25 children. Which local trusts in Bristol fund this kind of thing, and what do they look for?',
      outcome: 'Three trusts to approach and what to say to each.',
      skillSlugs: ['trusts-and-foundations'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Is our safeguarding policy right for overnight trips?',
      question: 'Our policy covers club nights. What needs adding before we take twelve young people camping overnight?',
      outcome: 'A list of sections to add and who signs them off.',
      skillSlugs: ['safeguarding-policy'],
    },
    flags: ['missing-context'],
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'What should our helpline call log record under GDPR?',
      question:
        'Our helpline volunteers write notes about callers in a shared spreadsheet. What should we record, for how long, and who should see it?',
      outcome: 'A simple retention rule and a list of columns to keep or drop.',
      context: 'About 60 calls a month. Callers often talk about children and family conflict.',
      skillSlugs: ['gdpr', 'crm-databases'],
    },
    notFlags: ['too-broad', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Design a five-question survey for our peer support groups',
      question: 'We want to show funders the groups help. What five questions should we ask carers every six months?',
      outcome: 'Five questions we can put on a paper form and in Google Forms.',
      skillSlugs: ['surveys-feedback', 'impact-measurement'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Move our shop takings from a notebook into Xero',
      question: 'We just got Xero. How should we record daily till takings and card payments so the VAT return is easy?',
      outcome: 'A daily routine that takes five minutes.',
      skillSlugs: ['bookkeeping-software'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Get our Instagram posting into a 20-minute weekly routine',
      question: 'We post when we remember. How can we plan a week of posts in twenty minutes?',
      outcome: 'A weekly routine and three post templates.',
      skillSlugs: ['social-media'],
      durationMinutes: 20,
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Which of our roles need an enhanced DBS check?',
      question: 'Coaches, drivers and the volunteer who runs our kit store: who needs which DBS level?',
      outcome: 'A table of roles and check levels.',
      skillSlugs: ['safeguarding-policy'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'What should we do first about cyber security?',
      question: 'We hold addresses of women in refuge. What are the first three things to do this month to keep that data safe?',
      outcome: 'Three concrete actions, in order.',
      skillSlugs: ['cyber-security'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Help our new treasurer understand restricted funds',
      question:
        'Our new treasurer is keen but has never done charity accounts. Could someone explain restricted and unrestricted funds using our own grants as examples?',
      outcome: 'The treasurer can set up fund codes in our spreadsheet.',
      skillSlugs: ['restricted-funds', 'charity-accounts'],
      durationMinutes: 45,
    },
    notFlags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Write a risk assessment for open sessions with hand tools',
      question: 'Our insurer wants a risk assessment for public sessions where people use spades, forks and secateurs.',
      outcome: 'A one-page risk assessment our volunteers will actually read.',
      skillSlugs: ['health-and-safety'],
      durationMinutes: 45,
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Is our project budget realistic for a £30k Lottery bid?',
      question:
        'Our budget has £18k of staff costs and nothing for overheads. Is that normal, and how do we add a fair share of rent and insurance?',
      outcome: 'A revised budget with full cost recovery lines.',
      skillSlugs: ['bid-budgets'],
    },
    notFlags: ['too-broad', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'What should go in our first Mailchimp newsletter?',
      question:
        'We have 400 supporter email addresses and have never sent a newsletter. What should the first one say, and how long should it be?',
      outcome: 'An outline for the first issue and a monthly plan.',
      skillSlugs: ['email-newsletters'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Get local press to cover our spring exhibition',
      question: 'We sent a press release last year and nobody came. What should we do differently?',
      outcome: 'A better press release and a list of who to call.',
      skillSlugs: ['press-and-media'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Stop our Saturday volunteer rota falling apart',
      question:
        'Saturday is our busiest day and every week two or three volunteers drop out on Friday night. How do other charities keep a rota reliable?',
      outcome: 'Two or three changes we can try next month.',
      skillSlugs: ['volunteer-management'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'How do we approach a local supermarket for a regular donation?',
      question: 'There is a big supermarket five minutes from us. Who do we ask, what do we ask for, and what do they want back?',
      outcome: 'A short email we can send to the store manager, and who else to contact.',
      skillSlugs: ['corporate-partnerships'],
    },
    notFlags: ['too-broad', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Write a role description for a treasurer trustee',
      question: 'We need a treasurer by our AGM in June. What should the role description say so that an accountant would apply?',
      outcome: 'A one-page role description we can post on Reach Volunteering.',
      skillSlugs: ['trustee-recruitment'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'First one-to-one with my new team member',
      question: 'I start managing our project worker next week. What should I cover in our first one-to-one meeting?',
      outcome: 'An agenda for the first meeting.',
      skillSlugs: ['line-management'],
      durationMinutes: 15,
    },
    notFlags: ['too-broad', 'too-long-for-duration'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Price our reading group sessions for schools',
      question:
        'Two schools want to buy our reading groups for parents. We have no idea what to charge. How do we work out a price that covers costs?',
      outcome: 'A price per session and how we got there.',
      skillSlugs: ['pricing', 'social-enterprise-trading'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'How should we answer "What difference will your project make?"',
      question:
        'Our draft answer lists activities (football, homework club, hot meals). How do we turn that into the difference it makes for young people, in 300 words?',
      outcome: 'A structure for the answer and one or two outcomes we can actually evidence.',
      context: 'I will send the draft answer (280 words) and our last annual report beforehand.',
      skillSlugs: ['lottery-bids', 'theory-of-change', 'grant-applications'],
    },
    notFlags: ['too-broad', 'missing-context'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Can we claim Gift Aid on raffle tickets?',
      question: 'We sell raffle tickets at our summer fair for £1 each. Can we claim Gift Aid on them?',
    },
    flags: ['missing-outcome', 'missing-context'],
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Formula to total donations by month in Google Sheets',
      question: 'Our donations sheet has one row per gift with a date column. What formula or pivot table gives us a total for each month?',
      outcome: 'A working formula in our sheet.',
      skillSlugs: ['spreadsheets'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Make our donate button easier to find on mobile',
      question:
        'On a phone our donate button is at the bottom of a long page on our WordPress site. Where should it go, and what should it say?',
      outcome: 'Two or three changes we can make in WordPress ourselves.',
      skillSlugs: ['website-basics'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Improve the first 100 words of our appeal letter',
      question: 'Our Christmas appeal letter goes to 600 supporters in November. Can you improve the opening so people keep reading?',
      outcome: 'A rewritten opening paragraph.',
      skillSlugs: ['individual-giving', 'storytelling'],
    },
    notFlags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Reply to a complaint from a parent on Facebook',
      question:
        'A parent has complained on our Facebook page that we cancelled a session at short notice. How do we reply publicly without making it worse?',
      outcome: 'A short reply we can post today.',
      skillSlugs: ['social-media'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Moving from paper sign-in sheets',
      question: 'Our 3 food bank sites use paper sign-in sheets. Is a Google Form on a tablet good enough, or do we need proper software?',
      outcome: 'A decision and the first steps to set it up.',
      skillSlugs: ['online-forms'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Chairing our first AGM',
      question: 'I am chairing our AGM for the first time on 12 May. What has to happen by law and what can we keep short?',
      outcome: 'A running order for a 45-minute AGM.',
      skillSlugs: ['board-meetings'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Rules for using ChatGPT on bid drafts',
      question:
        'Our staff have started pasting beneficiary stories into ChatGPT to draft bids. What rules should we set so we do not break GDPR?',
      outcome: 'Three or four rules for a one-page AI policy.',
      skillSlugs: ['ai-tools', 'gdpr'],
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Set up monthly supervision for our outreach workers',
      question:
        'Our four outreach workers hear distressing things every day and have no formal supervision. How do we set up something safe with no budget for external supervisors?',
      outcome: 'A simple monthly structure and a template for supervision notes.',
      context: 'Workers are part-time; I am the only manager.',
      skillSlugs: ['supervision', 'wellbeing'],
      durationMinutes: 45,
    },
    notFlags: ['too-broad', 'missing-context'],
  },

  // ---- Written after the coach, as asks it had not seen. The first twenty-four showed three gaps that were then fixed
  // ("what should we do with it?", "best way to fundraise", "help with our accounts"); the last sixteen, one more.
  {
    label: 'broad',
    draft: { title: 'Need help with our accounts', question: 'Our accounts are due and we are confused. Please help.' },
    flags: ['too-broad', 'missing-outcome'],
  },
  {
    label: 'broad',
    draft: { title: 'Getting our name out there', question: 'We are a new CIO and nobody has heard of us yet. What should we be doing?' },
  },
  { label: 'broad', draft: { title: 'Funding for next year', question: 'Our funding runs out next year. What are our options?' } },
  {
    label: 'broad',
    draft: { title: 'Strategy day', question: 'Can someone run a strategy day for our trustees to help us plan the next five years?' },
  },
  { label: 'broad', draft: { title: 'How to fundraise', question: 'What is the best way to fundraise for a small charity?' } },
  {
    label: 'broad',
    draft: {
      title: 'Make our charity more professional',
      question: 'We want to look more professional to funders and partners. Where should we focus?',
    },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Struggling volunteer coordinator',
      question: 'I have just become volunteer coordinator and feel out of my depth with everything.',
    },
    flags: ['too-broad', 'vague-verbs'],
  },
  {
    label: 'broad',
    draft: { title: 'Support for our CEO', question: 'Our CEO is stretched and needs support. Could a volunteer help out?' },
  },
  {
    label: 'broad',
    draft: {
      title: 'Website, logo and leaflets',
      question: 'We need a new website, a new logo and some leaflets for the summer. Who can do this for us?',
    },
    flags: ['too-broad'],
  },
  { label: 'broad', draft: { title: 'Boost donations', question: 'How can we boost donations this Christmas?' }, flags: ['too-broad'] },
  { label: 'broad', draft: { title: 'Data', question: 'We collect lots of data but do not use it. What should we do with it?' } },
  {
    label: 'broad',
    draft: { title: 'Everything HR', question: 'We are taking on our first employee. What do we need to know about HR?' },
    flags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Wording for our volunteer expenses form',
      question: 'Volunteers claim mileage at 45p a mile on a paper form. What wording makes clear they must attach receipts for parking?',
      outcome: 'Two sentences for the form.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Is a CIO right for our toddler group?',
      question:
        'We are a toddler group with £6,000 a year income and a hall hire agreement. Is a CIO worth the paperwork, or should we stay unincorporated?',
      outcome: 'A yes or no with the main reasons.',
    },
    notFlags: ['too-broad', 'several-questions'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Subject line for our spring appeal email',
      question: 'Our last appeal email was opened by 18% of 900 supporters. What subject lines would you test for the spring appeal?',
      outcome: 'Three subject lines to try.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Reconcile our Xero bank feed',
      question: 'Our Xero bank feed has 120 unreconciled items from last year. How do we clear them without messing up the year-end?',
      outcome: 'A way to clear the backlog in an afternoon.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Interview questions for a part-time youth worker',
      question:
        'We are interviewing three people for a 20-hour youth worker post next Tuesday. What should we ask to test how they handle a safeguarding concern?',
      outcome: 'Four questions and what a good answer sounds like.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Thanking monthly donors',
      question:
        'We have 85 people giving monthly by direct debit and we never thank them. What is a simple thank-you routine for a team of two?',
      outcome: 'A thank-you plan we can keep up.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Our reserves policy',
      question: 'Trustees want a reserves policy before the AGM. How many months of running costs should a charity of our size hold?',
      outcome: 'A draft reserves figure and one paragraph for the policy.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Photos of children on Instagram',
      question:
        'Parents at our holiday club have signed a consent form. Can we post photos where children’s faces show, or only from behind?',
      outcome: 'A clear rule for staff.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Room hire rates for our hall',
      question:
        'Local groups hire our church hall for £10 an hour and the heating alone costs more. What rate is fair for community groups?',
    },
    flags: ['missing-outcome'],
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Bank for a small charity',
      question: 'Our bank is closing the branch we use for cash. Which banks still let a small charity pay in coins easily?',
      outcome: 'Two or three banks to look at.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Evaluating our walking group',
      question:
        'Our NHS-funded walking group has 40 regulars. What simple before-and-after measure could show the funder it helps loneliness?',
      outcome: 'One measure and how to collect it.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Lone working for home visits',
      question: 'Our two family support workers visit homes alone. What should our lone working procedure say about checking in?',
      outcome: 'A checking-in routine for the procedure.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: { title: 'Lottery funding', question: 'We want to apply to the National Lottery. Can you help us?' },
    flags: ['missing-outcome', 'missing-context'],
  },
  {
    label: 'broad',
    draft: { title: 'Grow our Instagram', question: 'We have 300 followers on Instagram. How do we get more?' },
    flags: ['too-broad'],
  },
  {
    label: 'broad',
    draft: {
      title: 'Our plans for next year',
      question: 'Our board meets in January to plan the year. What should our priorities be for fundraising, staffing and premises?',
    },
  },
  { label: 'broad', draft: { title: 'Impact', question: 'Funders keep asking about our impact. How do we show it?' } },
  {
    label: 'broad',
    draft: { title: 'Charity admin', question: 'I do all the admin for a small charity on my own and it is too much. How can I cope?' },
  },
  { label: 'broad', draft: { title: 'Partnership working', question: 'How do we work better with other local charities?' } },
  {
    label: 'broad',
    draft: { title: 'Finance advice', question: 'We have £20k in the bank and no idea what to do with it or how to plan our finances.' },
  },
  {
    label: 'broad',
    draft: { title: 'Improve our Facebook', question: 'Our Facebook page is not doing well. Can you improve it?' },
    flags: ['vague-verbs'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Choosing a free tool for volunteer shifts',
      question:
        'We use a WhatsApp group to fill 30 shifts a week and people miss messages. What free tool would let volunteers sign up for shifts themselves?',
      outcome: 'One tool to try and how to set it up.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Explaining our deficit to trustees',
      question:
        'We made a loss of £4,200 this year because a grant arrived late. How should I present this at Thursday’s board meeting so trustees do not panic?',
      outcome: 'Three slides or a one-page note.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Tone of our rejection emails to volunteers',
      question: 'We turn down about a third of volunteer applicants. Does this email sound kind enough, and what would you change?',
      context: 'I will paste the email into the ask.',
      outcome: 'A kinder version of the email.',
    },
    notFlags: ['too-broad', 'several-questions', 'missing-context', 'missing-outcome'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Should our shop take card payments?',
      question: 'Our charity shop only takes cash. Is a SumUp card reader worth the fees on sales of around £300 a week?',
      outcome: 'A yes or no.',
    },
    notFlags: ['too-broad', 'missing-outcome'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Handover notes for a maternity cover',
      question:
        'Our fundraiser goes on maternity leave in six weeks. What should a handover document cover so the cover person can run our grants calendar?',
      outcome: 'A handover template.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Talking to our MP about our building',
      question:
        'Our community centre lease ends in 2027 and the council wants to sell. How do we ask our MP for help without seeming political?',
      outcome: 'A short letter to our MP.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Making our annual report shorter',
      question: 'Our annual report is 24 pages and nobody reads it. Which parts could we turn into a two-page summary for supporters?',
      outcome: 'A plan for a two-page summary.',
    },
    notFlags: ['too-broad'],
  },
  {
    label: 'specific',
    draft: {
      title: 'Setting a volunteer driver mileage rate',
      question:
        'Our volunteer drivers take older people to hospital appointments. Can we pay 45p a mile without it counting as income for them?',
      outcome: 'Confirmation of the rate and what records to keep.',
    },
    notFlags: ['too-broad'],
  },
];
