// The skill taxonomy: what small UK charities most often need a short, expert conversation about.
export interface SeedCategory {
  slug: string;
  name: string;
  description: string;
  skills: Array<[slug: string, name: string, description?: string]>;
}

export const skillCategories: SeedCategory[] = [
  {
    slug: 'fundraising',
    name: 'Fundraising',
    description: 'Raising money from people, trusts, companies and events.',
    skills: [
      ['fundraising-strategy', 'Fundraising strategy', 'Deciding where your income should come from next year'],
      ['trusts-and-foundations', 'Trusts and foundations', 'Finding and approaching grant-making trusts'],
      ['individual-giving', 'Individual giving', 'Regular donors, appeals and donor care'],
      ['legacy-giving', 'Gifts in wills'],
      ['corporate-partnerships', 'Corporate partnerships', 'Charity of the year, sponsorship, payroll giving'],
      ['events-fundraising', 'Fundraising events'],
      ['gift-aid', 'Gift Aid', 'Claiming Gift Aid from HMRC, declarations and records'],
      ['crowdfunding', 'Crowdfunding'],
    ],
  },
  {
    slug: 'bid-writing',
    name: 'Bid writing',
    description: 'Grant applications, lottery bids and public sector tenders.',
    skills: [
      ['lottery-bids', 'National Lottery bids', 'Awards for All, Reaching Communities and similar programmes'],
      ['grant-applications', 'Grant applications'],
      ['tender-writing', 'Tender writing', 'Bidding for local authority and NHS contracts'],
      ['bid-budgets', 'Budgets for bids', 'Full cost recovery and realistic project budgets'],
      ['funder-reporting', 'Reporting to funders'],
      ['bid-review', 'Reviewing a draft bid', 'A fresh pair of eyes on a nearly finished application'],
    ],
  },
  {
    slug: 'finance',
    name: 'Finance and bookkeeping',
    description: 'Keeping the books, budgets and charity accounts.',
    skills: [
      ['cashbook-excel', 'Cashbook in Excel', 'Setting up a simple receipts and payments cashbook'],
      ['bookkeeping-software', 'Bookkeeping software', 'Xero, QuickBooks, Sage and the like'],
      ['budgeting-cash-flow', 'Budgeting and cash flow'],
      ['charity-accounts', 'Charity accounts and SORP'],
      ['restricted-funds', 'Restricted and unrestricted funds'],
      ['payroll-basics', 'Payroll basics'],
      ['independent-examination', 'Preparing for independent examination'],
    ],
  },
  {
    slug: 'marketing',
    name: 'Marketing and communications',
    description: 'Telling people what you do and why it matters.',
    skills: [
      ['social-media', 'Social media'],
      ['email-newsletters', 'Email newsletters'],
      ['writing-for-web', 'Writing for the web'],
      ['press-and-media', 'Press releases and local media'],
      ['design-basics', 'Design basics', 'Leaflets, posters and social graphics with free tools'],
      ['storytelling', 'Storytelling and case studies'],
      ['phone-video', 'Filming on a phone'],
    ],
  },
  {
    slug: 'governance',
    name: 'Governance',
    description: 'Trustees, boards and running the organisation well.',
    skills: [
      ['trustee-roles', 'Trustee roles and duties'],
      ['trustee-recruitment', 'Recruiting trustees'],
      ['charity-commission', 'Charity Commission and OSCR returns'],
      ['governing-documents', 'Governing documents'],
      ['risk-registers', 'Risk registers'],
      ['board-meetings', 'Running board meetings'],
    ],
  },
  {
    slug: 'legal-compliance',
    name: 'Legal and compliance',
    description: 'Policies and duties every organisation needs to get right.',
    skills: [
      ['gdpr', 'GDPR and data protection'],
      ['safeguarding-policy', 'Safeguarding policy'],
      ['health-and-safety', 'Health and safety'],
      ['employment-law', 'Employment law basics'],
      ['contracts-leases', 'Contracts and leases'],
      ['charity-law', 'Charity law basics'],
    ],
  },
  {
    slug: 'digital',
    name: 'Digital and IT',
    description: 'Websites, tools and keeping data safe.',
    skills: [
      ['website-basics', 'Website basics', 'WordPress, Squarespace, Wix: updating and improving a small site'],
      ['office-tools', 'Microsoft 365 and Google Workspace'],
      ['cyber-security', 'Cyber security basics'],
      ['crm-databases', 'Supporter databases and CRM'],
      ['spreadsheets', 'Spreadsheets and formulas'],
      ['online-forms', 'Online forms and surveys'],
      ['ai-tools', 'Using AI tools safely'],
    ],
  },
  {
    slug: 'people',
    name: 'People and volunteers',
    description: 'Recruiting, managing and looking after staff and volunteers.',
    skills: [
      ['volunteer-management', 'Volunteer management'],
      ['recruitment', 'Recruitment and interviewing'],
      ['line-management', 'Managing someone for the first time'],
      ['wellbeing', 'Staff wellbeing and burnout'],
      ['hr-policies', 'HR policies'],
      ['supervision', 'Supervision for frontline staff'],
    ],
  },
  {
    slug: 'impact',
    name: 'Impact and evaluation',
    description: 'Knowing, and showing, the difference you make.',
    skills: [
      ['impact-measurement', 'Impact measurement'],
      ['theory-of-change', 'Theory of change'],
      ['surveys-feedback', 'Surveys and beneficiary feedback'],
      ['outcomes-frameworks', 'Outcomes frameworks'],
      ['impact-reports', 'Writing an impact report'],
      ['data-visualisation', 'Charts and data visualisation'],
    ],
  },
  {
    slug: 'strategy',
    name: 'Strategy and operations',
    description: 'Planning, trading and working with others.',
    skills: [
      ['business-planning', 'Business planning'],
      ['social-enterprise-trading', 'Social enterprise trading'],
      ['pricing', 'Pricing services'],
      ['partnerships', 'Partnerships and collaboration'],
      ['project-management', 'Project management'],
      ['premises', 'Premises and community buildings'],
    ],
  },
];
