// Thirty asks across every status, with the offers, meetings and feedback that follow from each.
// Days are relative to the seed's "today" (negative = in the past), so the demo never looks stale.
import type { AskStatus, Medium, OfferDeclineReason, OfferStatus, OfferWithdrawal, PracticeOutcome } from '@/lib/generated/prisma/enums';

export interface SeedOffer {
  volunteer: string; // volunteer key
  status: OfferStatus;
  message: string;
  /** Proposed start times: [day offset, hour in UTC]. */
  times: Array<[day: number, hour: number]>;
  /**
   * The day offsets count weekdays (Monday to Friday) from the seed's today, not calendar days, so the
   * times fall inside the ask's weekday windows whatever day the demo is seeded on.
   */
  onWeekdays?: boolean;
  /** How they propose to meet; the ask's first medium when left out. */
  medium?: Medium;
  joinDetails?: string;
  declineNote?: string;
  declineReason?: OfferDeclineReason;
  withdrawnBecause?: OfferWithdrawal;
}

export interface SeedMeeting {
  /** Which proposed time (index into the accepted offer's times) was chosen. */
  time: number;
  status: 'SCHEDULED' | 'HELD';
  medium: Medium;
  joinDetails: string;
  charityFeedback?: { rating: number; changes: string; thanks: string };
  volunteerFeedback?: { rating: number; wellScoped: boolean; comment: string };
  practiceCheck?: { outcome: PracticeOutcome; response: string } | 'pending';
}

export interface SeedAsk {
  id: string;
  org: string;
  by: string; // staff email
  /** Stage within the project; none for the broad ask the stages were split from. */
  project?: { id: string; stage?: number };
  title: string;
  question: string;
  outcome: string;
  context?: string;
  skills: string[];
  media: Medium[];
  location?: string;
  duration: number;
  status: AskStatus;
  /** Day the ask was created; it was submitted a day later and published (if ever) a day after that. */
  created: number;
  deadlineIn?: number;
  moderationNote?: string;
  offers?: SeedOffer[];
  meeting?: SeedMeeting;
}

export const projects = [
  {
    id: 'project-brightside-lottery',
    org: 'org-brightside',
    by: 'charity@halfhour.example',
    title: 'Our first National Lottery bid',
    description:
      'We want £60k over three years from Reaching Communities to open on Saturdays. We have split the bid into small questions.',
  },
];

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
export const defaultAvailability = weekdays('09:30', '16:00');

export const asks: SeedAsk[] = [
  {
    id: 'ask-lottery-broad',
    org: 'org-brightside',
    by: 'charity@halfhour.example',
    project: { id: 'project-brightside-lottery' },
    title: 'Help us write our National Lottery bid',
    question: 'We want to apply to Reaching Communities for £60k to open on Saturdays. Can someone help us write the application?',
    outcome: 'A finished application.',
    skills: ['lottery-bids', 'grant-applications', 'fundraising-strategy', 'storytelling'],
    media: ['VIDEO', 'PHONE'],
    duration: 60,
    status: 'WITHDRAWN',
    created: -36,
  },
  {
    id: 'ask-lottery-should-we-apply',
    org: 'org-brightside',
    by: 'charity@halfhour.example',
    project: { id: 'project-brightside-lottery', stage: 1 },
    title: 'Should we apply to Reaching Communities this year or wait a year?',
    question:
      'We have two years of accounts and a waiting list for Saturday sessions. Is that enough track record for a first lottery bid, or will a rejection count against us next time?',
    outcome: 'A clear yes or no, and the two or three things that would most strengthen a bid.',
    context: 'Our income was £48k last year, mostly from the council and two local trusts. We have never applied to the Lottery.',
    skills: ['fundraising-strategy', 'lottery-bids'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'COMPLETED',
    created: -34,
    offers: [
      {
        volunteer: 'alex-morgan',
        status: 'ACCEPTED',
        message: 'I have read hundreds of Reaching Communities bids and assessed a few. Happy to give you a straight answer.',
        times: [
          [-20, 9],
          [-19, 12],
        ],
      },
      {
        volunteer: 'ian-marshall',
        status: 'DECLINED',
        message: 'I went through the same decision with my own charity. Glad to help.',
        times: [[-21, 14]],
        declineNote: 'Thank you, Ian. We have booked another volunteer for this one.',
      },
    ],
    meeting: {
      time: 0,
      status: 'HELD',
      medium: 'VIDEO',
      joinDetails: 'Video call link shared by Alex by email',
      charityFeedback: {
        rating: 5,
        changes: 'We are applying this round, but leading with the Saturday waiting list and the young people’s own words.',
        thanks: 'Alex gave us the confidence to go for it and a list of exactly what to fix first. Thank you!',
      },
      volunteerFeedback: { rating: 5, wellScoped: true, comment: 'Perfectly framed question with the numbers I needed.' },
      practiceCheck: { outcome: 'YES', response: 'We started the application the next week and have finished section one.' },
    },
  },
  {
    id: 'ask-lottery-difference-question',
    org: 'org-brightside',
    by: 'charity@halfhour.example',
    project: { id: 'project-brightside-lottery', stage: 2 },
    title: 'How should we answer “What difference will your project make?”',
    question:
      'Our draft answer lists activities (football, homework club, hot meals). How do we turn that into the difference it makes for young people, in 300 words?',
    outcome: 'A structure for the answer and one or two outcomes we can actually evidence.',
    context: 'I will send the draft answer (280 words) and our last annual report beforehand.',
    skills: ['lottery-bids', 'theory-of-change', 'grant-applications'],
    media: ['VIDEO', 'PHONE', 'EMAIL'],
    duration: 30,
    status: 'OPEN',
    created: -5,
    deadlineIn: 21,
    offers: [
      // The demo charity's offers to compare: three volunteers, different media, times inside the windows
      // (weekdays; 10:00-14:30 UTC is inside 09:30-16:00 in London in summer and in winter).
      {
        volunteer: 'alex-morgan',
        status: 'PENDING',
        message: 'Great to see the next stage. I can show you how assessors score this question and rework the first paragraph with you.',
        medium: 'VIDEO',
        joinDetails: 'Video call: https://meet.example.org/alex-morgan',
        onWeekdays: true,
        times: [
          [1, 11],
          [3, 14],
          [5, 10],
        ],
      },
      {
        volunteer: 'aisha-bello',
        status: 'PENDING',
        message:
          'Outcomes are my thing. We could sketch a mini theory of change in ten minutes and write from that. A phone call suits me best as I will be travelling.',
        medium: 'PHONE',
        joinDetails: 'Phone: 020 7946 0321',
        onWeekdays: true,
        times: [
          [2, 10],
          [4, 13],
        ],
      },
      {
        volunteer: 'helen-rowe',
        status: 'PENDING',
        message:
          'Assessors remember a person, not a list. Send me one young person’s story and we will build the answer around it, then check it against your evidence.',
        medium: 'VIDEO',
        joinDetails: 'Microsoft Teams link from Helen',
        onWeekdays: true,
        times: [
          [1, 14],
          [3, 10],
          [6, 11],
        ],
      },
    ],
  },
  {
    id: 'ask-lottery-opening-paragraph',
    org: 'org-brightside',
    by: 'charity@halfhour.example',
    project: { id: 'project-brightside-lottery', stage: 3 },
    title: 'Check the opening paragraph of our lottery bid',
    question: 'Does our first paragraph make an assessor want to read on? What would you cut?',
    outcome: 'Specific edits to the first 150 words.',
    skills: ['bid-review', 'storytelling'],
    media: ['EMAIL', 'VIDEO'],
    duration: 15,
    status: 'DRAFT',
    created: -1,
  },
  {
    id: 'ask-cashbook-excel',
    org: 'org-brightside',
    by: 'dan@brightside-youth.example.org',
    title: 'Set up a simple cashbook in Excel for tuck shop and subs',
    question:
      'We take cash for the tuck shop and weekly subs and write it in a notebook. Can someone help me set up an Excel cashbook our treasurer can check each month?',
    outcome: 'A working cashbook template with our categories, and knowing how to reconcile it with the bank.',
    context: 'About 40 transactions a week, all under £20. We use Excel 365.',
    skills: ['cashbook-excel', 'spreadsheets'],
    media: ['VIDEO'],
    duration: 45,
    status: 'MATCHED',
    created: -8,
    deadlineIn: 14,
    offers: [
      {
        volunteer: 'ruth-adeyemi',
        status: 'ACCEPTED',
        message: 'I set these up for clients all the time. We can build it together on a shared screen.',
        times: [
          [3, 17],
          [4, 17],
        ],
      },
      {
        volunteer: 'david-chen',
        status: 'DECLINED',
        message: 'Happy to build a template with drop-downs for your categories.',
        times: [[2, 12]],
        declineNote: 'Thanks David, we have gone with an accountant for this one.',
      },
    ],
    meeting: { time: 0, status: 'SCHEDULED', medium: 'VIDEO', joinDetails: 'Microsoft Teams link from Ruth' },
  },
  {
    id: 'ask-brightside-safeguarding-trips',
    org: 'org-brightside',
    by: 'charity@halfhour.example',
    title: 'Is our safeguarding policy right for overnight trips?',
    question: 'Our policy covers club nights. What needs adding before we take twelve young people camping overnight?',
    outcome: 'A list of sections to add and who signs them off.',
    skills: ['safeguarding-policy'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'PENDING_REVIEW',
    created: -2,
    deadlineIn: 30,
  },
  {
    id: 'ask-harbour-gift-aid-tins',
    org: 'org-harbour',
    by: 'margaret@harbourfoodbank.example.org',
    title: 'Can we claim Gift Aid on cash in our collection tins?',
    question:
      'Our tins in local shops raise about £3,000 a year in coins. Can we claim anything through the Gift Aid small donations scheme, and what records do we need?',
    outcome: 'Knowing whether we qualify and what to record from next month.',
    skills: ['gift-aid'],
    media: ['PHONE', 'EMAIL'],
    duration: 20,
    status: 'OPEN',
    created: -8,
    deadlineIn: 25,
    offers: [
      {
        volunteer: 'mary-oduya',
        status: 'PENDING',
        message: 'Yes, very likely. I can walk you through the small donations scheme rules in twenty minutes.',
        times: [
          [2, 10],
          [3, 10],
          [4, 15],
        ],
      },
      {
        volunteer: 'rob-atkinson',
        status: 'PENDING',
        message: 'I claim GASDS for three small charities. Happy to share the spreadsheet I use.',
        times: [[5, 18]],
      },
    ],
  },
  {
    id: 'ask-harbour-volunteer-rota',
    org: 'org-harbour',
    by: 'margaret@harbourfoodbank.example.org',
    title: 'Stop our Saturday volunteer rota falling apart',
    question:
      'Saturday is our busiest day and every week two or three volunteers drop out on Friday night. How do other charities keep a rota reliable?',
    outcome: 'Two or three changes we can try next month.',
    skills: ['volunteer-management'],
    media: ['PHONE', 'VIDEO'],
    duration: 30,
    status: 'COMPLETED',
    created: -50,
    offers: [
      {
        volunteer: 'niamh-kelly',
        status: 'ACCEPTED',
        message: 'Ah, the Friday night drop-out! I have a few tricks that work for our hospice shops.',
        times: [[-35, 11]],
      },
    ],
    meeting: {
      time: 0,
      status: 'HELD',
      medium: 'PHONE',
      joinDetails: 'Niamh will call the food bank landline',
      charityFeedback: {
        rating: 4,
        changes: 'We now have a standby list and send a reminder text on Thursday instead of Friday.',
        thanks: 'Niamh, the standby list idea alone has saved our Saturdays. Thank you.',
      },
      volunteerFeedback: { rating: 5, wellScoped: true, comment: 'Lovely to talk to Margaret, a very clear question.' },
      practiceCheck: { outcome: 'PARTLY', response: 'The standby list works. We have not yet tried the buddy system.' },
    },
  },
  {
    id: 'ask-harbour-supermarket',
    org: 'org-harbour',
    by: 'margaret@harbourfoodbank.example.org',
    title: 'How do we approach a local supermarket for a regular donation?',
    question: 'There is a big supermarket five minutes from us. Who do we ask, what do we ask for, and what do they want back?',
    outcome: 'A short email we can send to the store manager, and who else to contact.',
    skills: ['corporate-partnerships'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'OPEN',
    created: -12,
    deadlineIn: 18,
  },
  {
    id: 'ask-kinship-helpline-gdpr',
    org: 'org-kinship',
    by: 'fiona@kinshipcarers.example.org',
    title: 'What should our helpline call log record under GDPR?',
    question:
      'Our helpline volunteers write notes about callers in a shared spreadsheet. What should we record, for how long, and who should see it?',
    outcome: 'A simple retention rule and a list of columns to keep or drop.',
    context: 'About 60 calls a month. Callers often talk about children and family conflict.',
    skills: ['gdpr', 'crm-databases'],
    media: ['VIDEO'],
    duration: 30,
    status: 'OPEN',
    created: -4,
    deadlineIn: 28,
    offers: [
      {
        volunteer: 'owen-price',
        status: 'PENDING',
        message: 'Special category data needs care, but this is very doable. I can bring a template retention schedule.',
        times: [
          [3, 14],
          [4, 9],
        ],
      },
    ],
  },
  {
    id: 'ask-kinship-group-survey',
    org: 'org-kinship',
    by: 'fiona@kinshipcarers.example.org',
    title: 'Design a five-question survey for our peer support groups',
    question: 'We want to show funders the groups help. What five questions should we ask carers every six months?',
    outcome: 'Five questions we can put on a paper form and in Google Forms.',
    skills: ['surveys-feedback', 'impact-measurement'],
    media: ['VIDEO', 'EMAIL'],
    duration: 30,
    status: 'MATCHED',
    created: -9,
    deadlineIn: 20,
    offers: [
      {
        volunteer: 'anna-kowalczyk',
        status: 'ACCEPTED',
        message: 'I design surveys for a living and would love to help. Validated wellbeing questions can be short.',
        times: [
          [5, 10],
          [6, 10],
        ],
      },
    ],
    meeting: { time: 0, status: 'SCHEDULED', medium: 'VIDEO', joinDetails: 'Zoom link from Anna' },
  },
  {
    id: 'ask-kinship-trustees',
    org: 'org-kinship',
    by: 'fiona@kinshipcarers.example.org',
    title: 'Find two new trustees',
    question: 'We need new trustees. Can you help?',
    outcome: 'More trustees.',
    skills: ['trustee-recruitment'],
    media: ['VIDEO'],
    duration: 30,
    status: 'CHANGES_REQUESTED',
    created: -6,
    moderationNote:
      'Please narrow this down: which skills are you missing on the board, what have you tried so far, and what should the half hour cover (for example, where to advertise, or how to write the role description)?',
  },
  {
    id: 'ask-riverside-constitution',
    org: 'org-riverside',
    by: 'tom@riversidegarden.example.org',
    title: 'Do we need to register as a charity, or is our constitution enough?',
    question:
      'We are an unincorporated group with a simple constitution and about £4,000 a year income. A funder asked if we are a charity. Should we become a CIO?',
    outcome: 'Understanding our options and whether it is worth doing now.',
    skills: ['charity-law', 'governing-documents'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'OPEN',
    created: -10,
    deadlineIn: 35,
  },
  {
    id: 'ask-riverside-tool-risk-assessment',
    org: 'org-riverside',
    by: 'tom@riversidegarden.example.org',
    title: 'Write a risk assessment for open sessions with hand tools',
    question: 'Our insurer wants a risk assessment for public sessions where people use spades, forks and secateurs.',
    outcome: 'A one-page risk assessment our volunteers will actually read.',
    skills: ['health-and-safety'],
    media: ['IN_PERSON', 'PHONE'],
    location: 'Riverside Community Garden, Bristol BS3',
    duration: 45,
    status: 'COMPLETED',
    created: -70,
    offers: [
      {
        volunteer: 'gareth-jones',
        status: 'ACCEPTED',
        message: 'I can do this on the phone with your current notes in front of us.',
        times: [[-55, 10]],
      },
    ],
    meeting: {
      time: 0,
      status: 'HELD',
      medium: 'PHONE',
      joinDetails: 'Gareth will ring Tom’s mobile',
      charityFeedback: {
        rating: 5,
        changes: 'We have a laminated one-page risk assessment on the shed door and brief every session with it.',
        thanks: 'Gareth made a daunting job take forty minutes. Our insurer was happy.',
      },
      practiceCheck: { outcome: 'YES', response: 'In use at every session since.' },
    },
  },
  {
    id: 'ask-riverside-polytunnel-crowdfunder',
    org: 'org-riverside',
    by: 'tom@riversidegarden.example.org',
    title: 'Plan a crowdfunder for a polytunnel',
    question: 'We need £2,500 for a polytunnel. How should we plan a crowdfunder with a tiny mailing list?',
    outcome: 'A realistic target and a two-week plan.',
    skills: ['crowdfunding'],
    media: ['VIDEO'],
    duration: 30,
    status: 'EXPIRED',
    created: -60,
    deadlineIn: -15,
  },
  {
    id: 'ask-opendoor-welcome-pack',
    org: 'org-opendoor',
    by: 'yusuf@opendoorcardiff.example.org',
    title: 'Make our welcome pack easier to read',
    question:
      'Our welcome pack for new arrivals is eight pages of dense text. Many readers have English as a second language. What would you change first?',
    outcome: 'A new structure and plain-English rewrites of two pages.',
    context: 'The pack is a Word document; I will share it beforehand.',
    skills: ['writing-for-web', 'design-basics'],
    media: ['VIDEO', 'EMAIL'],
    duration: 30,
    status: 'OPEN',
    created: -3,
    deadlineIn: 30,
    offers: [
      {
        volunteer: 'olivia-barnes',
        status: 'PENDING',
        message: 'Plain English for second-language readers is close to my heart. I will come with suggestions for the first two pages.',
        times: [
          [2, 16],
          [4, 11],
        ],
      },
    ],
  },
  {
    id: 'ask-opendoor-befriender-interviews',
    org: 'org-opendoor',
    by: 'yusuf@opendoorcardiff.example.org',
    title: 'Structure a 20-minute interview for new volunteer befrienders',
    question: 'We interview every new befriender but it is just a chat. What should we ask, and how do we decide?',
    outcome: 'Five questions and a simple scoring sheet.',
    skills: ['recruitment', 'volunteer-management'],
    media: ['VIDEO'],
    duration: 30,
    status: 'MATCHED',
    created: -7,
    deadlineIn: 14,
    offers: [
      {
        volunteer: 'joanna-szymanska',
        status: 'ACCEPTED',
        message: 'Values-based questions work well for befrienders. Happy to help you build a short scoring sheet.',
        times: [
          [2, 9],
          [2, 13],
        ],
      },
    ],
    meeting: { time: 1, status: 'SCHEDULED', medium: 'VIDEO', joinDetails: 'Google Meet link from Yusuf' },
  },
  {
    id: 'ask-opendoor-esol-tender',
    org: 'org-opendoor',
    by: 'yusuf@opendoorcardiff.example.org',
    title: 'Should we bid for the council’s ESOL contract?',
    question: 'The council is tendering English classes worth £40k a year. We have never bid for a contract. How do we decide?',
    outcome: 'A go or no-go checklist.',
    skills: ['tender-writing', 'business-planning'],
    media: ['VIDEO', 'PHONE'],
    duration: 45,
    status: 'PENDING_REVIEW',
    created: -1,
    deadlineIn: 12,
  },
  {
    id: 'ask-secondchapter-school-pricing',
    org: 'org-secondchapter',
    by: 'hannah@secondchapterbooks.example.org',
    title: 'Price our reading group sessions for schools',
    question:
      'Two schools want to buy our adult-literacy-style reading groups for parents. We have no idea what to charge. How do we work out a price that covers costs?',
    outcome: 'A price per session and how we got there.',
    skills: ['pricing', 'social-enterprise-trading'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'OPEN',
    created: -6,
    deadlineIn: 20,
    offers: [
      {
        volunteer: 'tariq-hussain',
        status: 'PENDING',
        message: 'Full cost plus a margin for the shop. Bring your staff costs and we will do the sums together.',
        times: [
          [3, 12],
          [6, 12],
        ],
      },
    ],
  },
  {
    id: 'ask-secondchapter-xero',
    org: 'org-secondchapter',
    by: 'hannah@secondchapterbooks.example.org',
    title: 'Move our shop takings from a notebook into Xero',
    question: 'We just got Xero. How should we record daily till takings and card payments so the VAT return is easy?',
    outcome: 'A daily routine that takes five minutes.',
    skills: ['bookkeeping-software'],
    media: ['VIDEO'],
    duration: 30,
    status: 'COMPLETED',
    created: -40,
    offers: [
      {
        volunteer: 'rob-atkinson',
        status: 'ACCEPTED',
        message: 'Very common set-up. I will show you bank rules for card takings.',
        times: [[-28, 17]],
      },
    ],
    meeting: {
      time: 0,
      status: 'HELD',
      medium: 'VIDEO',
      joinDetails: 'Zoom link from Rob',
      charityFeedback: {
        rating: 5,
        changes: 'Takings go into Xero every evening with two bank rules. Month end took an hour instead of a day.',
        thanks: 'Rob, you are a wizard. The bank rules are magic.',
      },
      volunteerFeedback: { rating: 4, wellScoped: true, comment: 'Could have used ten more minutes, but we got there.' },
      practiceCheck: { outcome: 'YES', response: 'Our first VAT return went in without a single late night.' },
    },
  },
  {
    id: 'ask-secondchapter-instagram',
    org: 'org-secondchapter',
    by: 'hannah@secondchapterbooks.example.org',
    title: 'Get our Instagram posting into a 20-minute weekly routine',
    question: 'We post when we remember. How can we plan a week of posts in twenty minutes?',
    outcome: 'A weekly routine and three post templates.',
    skills: ['social-media'],
    media: ['VIDEO'],
    duration: 20,
    status: 'WITHDRAWN',
    created: -25,
  },
  {
    id: 'ask-shed-small-grants',
    org: 'org-mensshed',
    by: 'billy@eastbelfastshed.example.org',
    title: 'Which small grants suit a men’s shed that needs new tools?',
    question:
      'Our lathe and bandsaw are thirty years old. Which funders in Northern Ireland give small grants (under £5,000) for equipment, and what do they want to hear?',
    outcome: 'Three funders to try and what to say about our members.',
    skills: ['trusts-and-foundations', 'grant-applications'],
    media: ['PHONE', 'EMAIL'],
    duration: 30,
    status: 'OPEN',
    created: -14,
    deadlineIn: 16,
    offers: [
      {
        volunteer: 'sarah-lindqvist',
        status: 'PENDING',
        message: 'Equipment grants are some of the easiest to win if you talk about the men, not the machines.',
        times: [
          [2, 11],
          [3, 11],
          [5, 15],
        ],
      },
    ],
  },
  {
    id: 'ask-shed-family-newsletter',
    org: 'org-mensshed',
    by: 'billy@eastbelfastshed.example.org',
    title: 'Start a simple email newsletter for members’ families',
    question: 'Families keep asking what the men get up to. What is the simplest way to send a monthly email with a few photos?',
    outcome: 'A free tool set up and a template for the first issue.',
    skills: ['email-newsletters'],
    media: ['PHONE', 'VIDEO'],
    duration: 30,
    status: 'OPEN',
    created: -7,
    deadlineIn: 30,
  },
  {
    id: 'ask-canalarts-screen-readers',
    org: 'org-canalarts',
    by: 'grace@canalarts.example.org',
    title: 'Check our website works for visitors using screen readers',
    question:
      'Several of our artists and visitors use screen readers. Can someone test our gallery pages and tell us the three worst problems?',
    outcome: 'The three fixes that matter most, in order.',
    skills: ['website-basics', 'design-basics'],
    media: ['VIDEO', 'EMAIL'],
    duration: 30,
    status: 'OPEN',
    created: -9,
    deadlineIn: 22,
    offers: [
      {
        volunteer: 'zara-khan',
        status: 'PENDING',
        message: 'I test with VoiceOver and NVDA every week. Image descriptions are usually the first fix.',
        times: [
          [3, 15],
          [4, 15],
        ],
      },
      {
        volunteer: 'james-oconnor',
        status: 'WITHDRAWN',
        message: 'Happy to take a look at the WordPress side.',
        times: [[2, 10]],
      },
    ],
  },
  {
    id: 'ask-canalarts-exhibition-press',
    org: 'org-canalarts',
    by: 'grace@canalarts.example.org',
    title: 'Get local press to cover our spring exhibition',
    question: 'We sent a press release last year and nobody came. What should we do differently?',
    outcome: 'A better press release and a list of who to call.',
    skills: ['press-and-media'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'COMPLETED',
    created: -45,
    offers: [
      {
        volunteer: 'helen-rowe',
        status: 'ACCEPTED',
        message: 'Local press love a person, not an event. Let us find your story.',
        times: [[-30, 13]],
      },
    ],
    meeting: {
      time: 0,
      status: 'HELD',
      medium: 'VIDEO',
      joinDetails: 'Teams link from Helen',
      charityFeedback: {
        rating: 5,
        changes: 'We led with one artist’s story and offered photos in advance. BBC Midlands came to the opening.',
        thanks: 'Helen, we were on the radio! Thank you for the push.',
      },
      volunteerFeedback: { rating: 5, wellScoped: true, comment: 'A joy. Grace had done her homework.' },
      practiceCheck: 'pending',
    },
  },
  {
    id: 'ask-canalarts-print-sales',
    org: 'org-canalarts',
    by: 'grace@canalarts.example.org',
    title: 'Promote my prints',
    question: 'Can someone share my prints on their social media?',
    outcome: 'Sales.',
    skills: ['social-media'],
    media: ['EMAIL'],
    duration: 15,
    status: 'REJECTED',
    created: -20,
    moderationNote:
      'Asks are for advice and skills rather than promotion. If you would like help planning how to promote the studio’s work yourselves, please post that as a new ask.',
  },
  {
    id: 'ask-safesteps-supervision',
    org: 'org-safesteps',
    by: 'claire@safesteps.example.org',
    title: 'Set up monthly supervision for our outreach workers',
    question:
      'Our four outreach workers hear distressing things every day and have no formal supervision. How do we set up something safe with no budget for external supervisors?',
    outcome: 'A simple monthly structure and a template for supervision notes.',
    context: 'Workers are part-time; I am the only manager.',
    skills: ['supervision', 'wellbeing'],
    media: ['VIDEO', 'PHONE'],
    duration: 45,
    status: 'OPEN',
    created: -11,
    deadlineIn: 19,
    offers: [
      {
        volunteer: 'samuel-okoro',
        status: 'PENDING',
        message: 'Reflective supervision can be done well in-house. I can share the model we use in youth work.',
        times: [
          [2, 14],
          [5, 14],
        ],
      },
      {
        volunteer: 'patricia-neill',
        status: 'PENDING',
        message: 'Vicarious trauma is real; let us make sure the structure protects you too.',
        times: [[3, 9]],
      },
    ],
  },
  {
    id: 'ask-safesteps-cyber-first-steps',
    org: 'org-safesteps',
    by: 'claire@safesteps.example.org',
    title: 'What should we do first about cyber security?',
    question: 'We hold addresses of women in refuge. What are the first three things to do this month to keep that data safe?',
    outcome: 'Three concrete actions, in order.',
    skills: ['cyber-security'],
    media: ['VIDEO'],
    duration: 30,
    status: 'MATCHED',
    created: -6,
    deadlineIn: 10,
    offers: [
      {
        volunteer: 'fatima-rahman',
        status: 'ACCEPTED',
        message: 'Two-factor, backups and a phishing check. We can set the first one up during the call.',
        times: [
          [1, 10],
          [1, 14],
        ],
      },
    ],
    meeting: { time: 0, status: 'SCHEDULED', medium: 'VIDEO', joinDetails: 'Signal video call arranged by Fatima' },
  },
  {
    id: 'ask-dementia-restricted-funds',
    org: 'org-dementiacafe',
    by: 'eileen@northtynedementia.example.org',
    title: 'Help our new treasurer understand restricted funds',
    question:
      'Our new treasurer is keen but has never done charity accounts. Could someone explain restricted and unrestricted funds using our own grants as examples?',
    outcome: 'The treasurer can set up fund codes in our spreadsheet.',
    skills: ['restricted-funds', 'charity-accounts'],
    media: ['PHONE', 'IN_PERSON'],
    location: 'Bellingham village hall, Northumberland',
    duration: 45,
    status: 'OPEN',
    created: -2,
    deadlineIn: 40,
  },
  {
    id: 'ask-paws-foster-carers',
    org: 'org-paws',
    by: 'sophie@pawsforthought.example.org',
    title: 'Recruit foster carers through our Facebook page',
    question: 'We have 2,000 followers but no new foster carers this year. What posts would change that?',
    outcome: 'Three post ideas and when to publish them.',
    skills: ['social-media', 'volunteer-management'],
    media: ['VIDEO', 'EMAIL'],
    duration: 30,
    status: 'PENDING_REVIEW',
    created: -1,
    deadlineIn: 30,
  },
  {
    id: 'ask-paws-dog-walk-risk',
    org: 'org-paws',
    by: 'sophie@pawsforthought.example.org',
    title: 'Risk assessment for our sponsored dog walk',
    question:
      'Forty walkers and their dogs on a 5 km route along the canal in April. What should our risk assessment cover that a template would miss?',
    outcome: 'A list of the risks to add, and who on the day is responsible for each.',
    context: 'We have the council’s event template and our insurer’s checklist; I will send both.',
    skills: ['health-and-safety', 'events-fundraising'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'OPEN', // approved, published once the organisation is verified
    created: -3,
    deadlineIn: 28,
  },
  {
    id: 'ask-streetwise-dbs',
    org: 'org-streetwise',
    by: 'marcus@streetwisesports.example.org',
    title: 'Which of our roles need an enhanced DBS check?',
    question: 'Coaches, drivers and the volunteer who runs our kit store: who needs which DBS level?',
    outcome: 'A table of roles and check levels.',
    skills: ['safeguarding-policy'],
    media: ['PHONE'],
    duration: 20,
    status: 'PENDING_REVIEW',
    created: 0,
    deadlineIn: 21,
  },
];
