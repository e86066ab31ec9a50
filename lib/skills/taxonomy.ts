// The skill taxonomy: what small UK charities most often need a short, expert conversation about.
// Plain data with no database, so the seed, the ask coach and tests share one list. Slugs are stable: URLs use them.

export interface TaxonomySkillEntry {
  slug: string;
  name: string;
  description?: string;
  /** Lower-case words and phrases a charity worker who has never seen our names for things would type. */
  keywords: string[];
}

export interface TaxonomyCategory {
  slug: string;
  name: string;
  description: string;
  skills: TaxonomySkillEntry[];
}

export type TaxonomySkill = TaxonomySkillEntry & { categorySlug: string };

export const skillCategories: TaxonomyCategory[] = [
  {
    slug: 'fundraising',
    name: 'Fundraising',
    description: 'Raising money from people, trusts, companies and events.',
    skills: [
      {
        slug: 'fundraising-strategy',
        name: 'Fundraising strategy',
        description: 'Deciding where your income should come from next year',
        keywords: [
          'fundraising strategy',
          'fundraising plan',
          'income streams',
          'diversify our income',
          'unrestricted income',
          'funding mix',
          'apply or wait',
        ],
      },
      {
        slug: 'trusts-and-foundations',
        name: 'Trusts and foundations',
        description: 'Finding and approaching grant-making trusts',
        keywords: ['trusts', 'foundations', 'grant-making', 'grant makers', 'funders', 'small grants', 'local trusts', 'charitable trust'],
      },
      {
        slug: 'individual-giving',
        name: 'Individual giving',
        description: 'Regular donors, appeals and donor care',
        keywords: [
          'donors',
          'regular giving',
          'direct debit',
          'appeal letter',
          'christmas appeal',
          'donor care',
          'supporters',
          'thank-you letter',
          'monthly donors',
        ],
      },
      {
        slug: 'legacy-giving',
        name: 'Gifts in wills',
        keywords: ['legacy', 'legacies', 'gifts in wills', 'gift in a will', 'leave a gift', 'in-memory giving', 'in memory'],
      },
      {
        slug: 'corporate-partnerships',
        name: 'Corporate partnerships',
        description: 'Charity of the year, sponsorship, payroll giving',
        keywords: [
          'corporate',
          'local business',
          'sponsor',
          'sponsorship',
          'charity of the year',
          'payroll giving',
          'supermarket',
          'company donation',
          'employer',
        ],
      },
      {
        slug: 'events-fundraising',
        name: 'Fundraising events',
        keywords: [
          'fundraising event',
          'raffle',
          'quiz night',
          'sponsored walk',
          'fun run',
          'gala',
          'auction',
          'summer fair',
          'christmas fair',
          'fete',
        ],
      },
      {
        slug: 'gift-aid',
        name: 'Gift Aid',
        description: 'Claiming Gift Aid from HMRC, declarations and records',
        keywords: [
          'gift aid',
          'hmrc',
          'declaration',
          'small donations scheme',
          'gasds',
          'tax relief',
          'charities online',
          'claim tax back',
        ],
      },
      {
        slug: 'crowdfunding',
        name: 'Crowdfunding',
        keywords: ['crowdfunding', 'crowdfunder', 'crowd funding', 'justgiving', 'gofundme', 'online appeal', 'fundraising page'],
      },
    ],
  },
  {
    slug: 'bid-writing',
    name: 'Bid writing',
    description: 'Grant applications, lottery bids and public sector tenders.',
    skills: [
      {
        slug: 'lottery-bids',
        name: 'National Lottery bids',
        description: 'Awards for All, Reaching Communities and similar programmes',
        keywords: ['lottery', 'national lottery', 'awards for all', 'reaching communities', 'community fund', 'lottery bid', 'big lottery'],
      },
      {
        slug: 'grant-applications',
        name: 'Grant applications',
        keywords: [
          'grant',
          'grant application',
          'application form',
          'funding application',
          'funding bid',
          'apply for funding',
          'bid',
          'application',
        ],
      },
      {
        slug: 'tender-writing',
        name: 'Tender writing',
        description: 'Bidding for local authority and NHS contracts',
        keywords: [
          'tender',
          'tendering',
          'commissioning',
          'council contract',
          'nhs contract',
          'procurement',
          'local authority',
          'commissioners',
        ],
      },
      {
        slug: 'bid-budgets',
        name: 'Budgets for bids',
        description: 'Full cost recovery and realistic project budgets',
        keywords: ['project budget', 'budget', 'full cost recovery', 'overheads', 'core costs', 'costings', 'staff costs'],
      },
      {
        slug: 'funder-reporting',
        name: 'Reporting to funders',
        keywords: [
          'funder report',
          'report to our funder',
          'monitoring report',
          'end of grant report',
          'grant report',
          'monitoring form',
          'reporting',
        ],
      },
      {
        slug: 'bid-review',
        name: 'Reviewing a draft bid',
        description: 'A fresh pair of eyes on a nearly finished application',
        keywords: [
          'draft bid',
          'draft application',
          'assessor',
          'proofread',
          'read through',
          'fresh pair of eyes',
          'opening paragraph',
          'check our bid',
        ],
      },
    ],
  },
  {
    slug: 'finance',
    name: 'Finance and bookkeeping',
    description: 'Keeping the books, budgets and charity accounts.',
    skills: [
      {
        slug: 'cashbook-excel',
        name: 'Cashbook in Excel',
        description: 'Setting up a simple receipts and payments cashbook',
        keywords: [
          'cashbook',
          'cash book',
          'excel',
          'receipts',
          'payments',
          'petty cash',
          'treasurer',
          'shop takings',
          'subs',
          'reconcile',
        ],
      },
      {
        slug: 'bookkeeping-software',
        name: 'Bookkeeping software',
        description: 'Xero, QuickBooks, Sage and the like',
        keywords: ['xero', 'quickbooks', 'sage', 'bookkeeping', 'accounting software', 'freeagent', 'till takings', 'vat return', 'vat'],
      },
      {
        slug: 'budgeting-cash-flow',
        name: 'Budgeting and cash flow',
        keywords: ['budget', 'budgeting', 'cash flow', 'cashflow', 'forecast', 'reserves', 'running out of money', 'annual budget'],
      },
      {
        slug: 'charity-accounts',
        name: 'Charity accounts and SORP',
        keywords: ['accounts', 'annual accounts', 'sorp', 'receipts and payments accounts', 'accruals', 'year end', 'charity accounts'],
      },
      {
        slug: 'restricted-funds',
        name: 'Restricted and unrestricted funds',
        keywords: ['restricted', 'unrestricted', 'restricted funds', 'designated funds', 'fund codes', 'ring-fenced'],
      },
      {
        slug: 'payroll-basics',
        name: 'Payroll basics',
        keywords: ['payroll', 'paye', 'payslips', 'pension', 'auto-enrolment', 'national insurance', 'wages', 'salary'],
      },
      {
        slug: 'independent-examination',
        name: 'Preparing for independent examination',
        keywords: ['independent examination', 'independent examiner', 'examiner', 'audit', 'auditor', 'year-end accounts'],
      },
    ],
  },
  {
    slug: 'marketing',
    name: 'Marketing and communications',
    description: 'Telling people what you do and why it matters.',
    skills: [
      {
        slug: 'social-media',
        name: 'Social media',
        keywords: [
          'social media',
          'facebook',
          'instagram',
          'tiktok',
          'linkedin',
          'twitter',
          'social posts',
          'posting',
          'followers',
          'hashtags',
        ],
      },
      {
        slug: 'email-newsletters',
        name: 'Email newsletters',
        keywords: ['newsletter', 'email newsletter', 'mailchimp', 'mailing list', 'email list', 'subscribers', 'e-news', 'monthly email'],
      },
      {
        slug: 'writing-for-web',
        name: 'Writing for the web',
        keywords: [
          'plain english',
          'web copy',
          'website text',
          'copywriting',
          'easy read',
          'jargon',
          'wording',
          'welcome pack',
          'easier to read',
        ],
      },
      {
        slug: 'press-and-media',
        name: 'Press releases and local media',
        keywords: ['press release', 'press', 'local paper', 'newspaper', 'journalist', 'media coverage', 'local radio', 'local media'],
      },
      {
        slug: 'design-basics',
        name: 'Design basics',
        description: 'Leaflets, posters and social graphics with free tools',
        keywords: ['design', 'leaflet', 'poster', 'flyer', 'canva', 'logo', 'graphics', 'branding', 'layout'],
      },
      {
        slug: 'storytelling',
        name: 'Storytelling and case studies',
        keywords: ['story', 'stories', 'case study', 'case studies', 'storytelling', 'testimonial', 'compelling', 'in their own words'],
      },
      {
        slug: 'phone-video',
        name: 'Filming on a phone',
        keywords: ['video', 'film', 'filming', 'phone video', 'youtube', 'reels', 'editing video', 'vlog'],
      },
    ],
  },
  {
    slug: 'governance',
    name: 'Governance',
    description: 'Trustees, boards and running the organisation well.',
    skills: [
      {
        slug: 'trustee-roles',
        name: 'Trustee roles and duties',
        keywords: [
          'trustee',
          'trustees',
          'board',
          'trustee duties',
          'chair',
          'conflict of interest',
          'board of trustees',
          'treasurer role',
        ],
      },
      {
        slug: 'trustee-recruitment',
        name: 'Recruiting trustees',
        keywords: [
          'new trustees',
          'recruit trustees',
          'find trustees',
          'trustee recruitment',
          'trustee vacancy',
          'skills audit',
          'reach volunteering',
          'treasurer trustee',
        ],
      },
      {
        slug: 'charity-commission',
        name: 'Charity Commission and OSCR returns',
        keywords: ['charity commission', 'oscr', 'annual return', 'register as a charity', 'registered charity', 'ccni', 'charity number'],
      },
      {
        slug: 'governing-documents',
        name: 'Governing documents',
        keywords: [
          'constitution',
          'governing document',
          'articles of association',
          'memorandum',
          'cio',
          'incorporate',
          'unincorporated',
          'charitable objects',
        ],
      },
      {
        slug: 'risk-registers',
        name: 'Risk registers',
        keywords: ['risk register', 'risk management', 'risks', 'mitigation', 'what could go wrong'],
      },
      {
        slug: 'board-meetings',
        name: 'Running board meetings',
        keywords: ['board meeting', 'agenda', 'minutes', 'agm', 'annual general meeting', 'board papers', 'quorum', 'chairing'],
      },
    ],
  },
  {
    slug: 'legal-compliance',
    name: 'Legal and compliance',
    description: 'Policies and duties every organisation needs to get right.',
    skills: [
      {
        slug: 'gdpr',
        name: 'GDPR and data protection',
        keywords: [
          'gdpr',
          'data protection',
          'privacy notice',
          'personal data',
          'consent',
          'retention',
          'ico',
          'subject access request',
          'data breach',
        ],
      },
      {
        slug: 'safeguarding-policy',
        name: 'Safeguarding policy',
        keywords: ['safeguarding', 'dbs', 'dbs check', 'child protection', 'vulnerable adults', 'safeguarding lead', 'disclosure'],
      },
      {
        slug: 'health-and-safety',
        name: 'Health and safety',
        keywords: [
          'health and safety',
          'risk assessment',
          'first aid',
          'fire safety',
          'insurer',
          'accident book',
          'hazards',
          'food hygiene',
        ],
      },
      {
        slug: 'employment-law',
        name: 'Employment law basics',
        keywords: [
          'employment law',
          'contract of employment',
          'employment contract',
          'dismissal',
          'disciplinary',
          'grievance',
          'redundancy',
          'sick pay',
          'holiday pay',
          'acas',
        ],
      },
      {
        slug: 'contracts-leases',
        name: 'Contracts and leases',
        keywords: ['lease', 'contract', 'tenancy', 'landlord', 'terms and conditions', 'service level agreement', 'break clause'],
      },
      {
        slug: 'charity-law',
        name: 'Charity law basics',
        keywords: [
          'charity law',
          'charitable status',
          'register as a charity',
          'cio',
          'political campaigning',
          'trading rules',
          'become a charity',
        ],
      },
    ],
  },
  {
    slug: 'digital',
    name: 'Digital and IT',
    description: 'Websites, tools and keeping data safe.',
    skills: [
      {
        slug: 'website-basics',
        name: 'Website basics',
        description: 'WordPress, Squarespace, Wix: updating and improving a small site',
        keywords: [
          'website',
          'web page',
          'wordpress',
          'squarespace',
          'wix',
          'homepage',
          'donate button',
          'domain name',
          'screen readers',
          'accessibility',
        ],
      },
      {
        slug: 'office-tools',
        name: 'Microsoft 365 and Google Workspace',
        keywords: [
          'microsoft 365',
          'office 365',
          'google workspace',
          'google drive',
          'sharepoint',
          'onedrive',
          'microsoft teams',
          'shared drive',
          'outlook',
          'gmail',
        ],
      },
      {
        slug: 'cyber-security',
        name: 'Cyber security basics',
        keywords: ['cyber security', 'cyber', 'passwords', 'phishing', 'hacked', 'two-factor', 'backups', 'cyber essentials', 'data safe'],
      },
      {
        slug: 'crm-databases',
        name: 'Supporter databases and CRM',
        keywords: ['crm', 'database', 'supporter database', 'salesforce', 'beacon', 'donorfy', 'supporter records', 'contact records'],
      },
      {
        slug: 'spreadsheets',
        name: 'Spreadsheets and formulas',
        keywords: ['excel', 'spreadsheet', 'formula', 'google sheets', 'pivot', 'pivot table', 'vlookup', 'drop-down', 'columns'],
      },
      {
        slug: 'online-forms',
        name: 'Online forms and surveys',
        keywords: [
          'online form',
          'google forms',
          'microsoft forms',
          'surveymonkey',
          'survey monkey',
          'sign-up form',
          'booking form',
          'typeform',
          'jotform',
        ],
      },
      {
        slug: 'ai-tools',
        name: 'Using AI tools safely',
        keywords: ['ai', 'chatgpt', 'copilot', 'artificial intelligence', 'gemini', 'generative ai', 'ai tools'],
      },
    ],
  },
  {
    slug: 'people',
    name: 'People and volunteers',
    description: 'Recruiting, managing and looking after staff and volunteers.',
    skills: [
      {
        slug: 'volunteer-management',
        name: 'Volunteer management',
        keywords: [
          'volunteers',
          'volunteer',
          'rota',
          'volunteer rota',
          'volunteer recruitment',
          'volunteer induction',
          'befrienders',
          'drop out',
          'keep volunteers',
        ],
      },
      {
        slug: 'recruitment',
        name: 'Recruitment and interviewing',
        keywords: [
          'recruit',
          'recruitment',
          'interview',
          'interviewing',
          'job description',
          'job advert',
          'hiring',
          'shortlisting',
          'person specification',
          'role description',
        ],
      },
      {
        slug: 'line-management',
        name: 'Managing someone for the first time',
        keywords: [
          'manage someone',
          'managing someone',
          'managing',
          'manager',
          'first-time manager',
          'promotion',
          'one-to-one',
          'line manager',
          'team member',
          'appraisal',
        ],
      },
      {
        slug: 'wellbeing',
        name: 'Staff wellbeing and burnout',
        keywords: ['wellbeing', 'burnout', 'burnt out', 'stress', 'mental health', 'workload', 'morale', 'exhausted'],
      },
      {
        slug: 'hr-policies',
        name: 'HR policies',
        keywords: [
          'hr',
          'hr policy',
          'staff handbook',
          'employee handbook',
          'absence policy',
          'lone working',
          'flexible working',
          'expenses policy',
        ],
      },
      {
        slug: 'supervision',
        name: 'Supervision for frontline staff',
        keywords: [
          'supervision',
          'reflective practice',
          'clinical supervision',
          'frontline staff',
          'debrief',
          'vicarious trauma',
          'caseload',
          'distressing',
        ],
      },
    ],
  },
  {
    slug: 'impact',
    name: 'Impact and evaluation',
    description: 'Knowing, and showing, the difference you make.',
    skills: [
      {
        slug: 'impact-measurement',
        name: 'Impact measurement',
        keywords: ['impact', 'measure', 'measuring', 'evidence', 'outcomes', 'show funders', 'difference we make', 'evaluation'],
      },
      {
        slug: 'theory-of-change',
        name: 'Theory of change',
        keywords: [
          'theory of change',
          'logic model',
          'difference it makes',
          'difference will your project make',
          'long-term change',
          'activities and outcomes',
        ],
      },
      {
        slug: 'surveys-feedback',
        name: 'Surveys and beneficiary feedback',
        keywords: ['survey', 'questionnaire', 'feedback', 'beneficiary feedback', 'feedback form', 'questions to ask', 'evaluation form'],
      },
      {
        slug: 'outcomes-frameworks',
        name: 'Outcomes frameworks',
        keywords: ['outcomes framework', 'outcome measures', 'indicators', 'outcomes star', 'kpis', 'targets'],
      },
      {
        slug: 'impact-reports',
        name: 'Writing an impact report',
        keywords: ['impact report', 'annual report', 'show our impact', 'report for supporters', 'annual review'],
      },
      {
        slug: 'data-visualisation',
        name: 'Charts and data visualisation',
        keywords: ['chart', 'charts', 'graph', 'infographic', 'dashboard', 'data visualisation', 'power bi', 'looker studio'],
      },
    ],
  },
  {
    slug: 'strategy',
    name: 'Strategy and operations',
    description: 'Planning, trading and working with others.',
    skills: [
      {
        slug: 'business-planning',
        name: 'Business planning',
        keywords: [
          'business plan',
          'strategy',
          'strategic plan',
          'three-year plan',
          'go or no-go',
          'options appraisal',
          'swot',
          'sustainability',
        ],
      },
      {
        slug: 'social-enterprise-trading',
        name: 'Social enterprise trading',
        keywords: ['social enterprise', 'trading', 'earned income', 'charity shop', 'cafe', 'selling', 'trading subsidiary', 'shop income'],
      },
      {
        slug: 'pricing',
        name: 'Pricing services',
        keywords: ['price', 'pricing', 'charge', 'how much to charge', 'fees', 'cost per session', 'day rate'],
      },
      {
        slug: 'partnerships',
        name: 'Partnerships and collaboration',
        keywords: [
          'partnership',
          'collaboration',
          'collaborate',
          'partner organisation',
          'merger',
          'consortium',
          'joint bid',
          'working together',
        ],
      },
      {
        slug: 'project-management',
        name: 'Project management',
        keywords: ['project plan', 'project management', 'timeline', 'gantt', 'milestones', 'trello', 'asana', 'deadlines'],
      },
      {
        slug: 'premises',
        name: 'Premises and community buildings',
        keywords: [
          'premises',
          'community building',
          'village hall',
          'church hall',
          'community centre',
          'room hire',
          'asset transfer',
          'building',
        ],
      },
    ],
  },
];

/** Every skill in taxonomy order, each knowing its category. */
export const taxonomySkills: TaxonomySkill[] = skillCategories.flatMap((category) =>
  category.skills.map((skill) => ({ ...skill, categorySlug: category.slug })),
);

const skillsBySlug = new Map(taxonomySkills.map((skill) => [skill.slug, skill]));

export function skillBySlug(slug: string): TaxonomySkill | undefined {
  return skillsBySlug.get(slug);
}
