// UK registration numbers, checked against the register each organisation type belongs to:
// the Charity Commission for England and Wales, OSCR (Scotland), the Charity Commission for
// Northern Ireland, and Companies House.
import type { OrganisationType } from '@/lib/generated/prisma/enums';

const ENGLAND_AND_WALES = /^\d{6,7}(-\d{1,2})?$/; // 1143287, or 221124-1 for a linked charity
const SCOTLAND = /^SC0\d{5}$/; // SC048213
const NORTHERN_IRELAND = /^NIC1\d{5}$/; // NIC105287
// Eight digits, or a two-letter register prefix and six digits (SC123456 Scotland, NI Northern Ireland,
// OC/SO/NC LLPs, IP/SP/NP/RS societies, and others).
const COMPANY = /^(\d{8}|(SC|NI|OC|SO|NC|R0|IP|SP|NP|RS|LP|SL|NL|GE|FC|SE|ZC|CE|CS)\d{6})$/;

const CHARITY_MESSAGE =
  'Enter your charity number: 6 or 7 digits in England and Wales (like 1143287), SC and 6 digits in Scotland (like SC048213), or NIC and 6 digits in Northern Ireland (like NIC105287).';
const COMPANY_MESSAGE = 'Enter your Companies House number: 8 digits (like 09417753), or 2 letters and 6 digits (like SC123456).';

export type RegistrationCheck = { ok: true; value: string | null } | { ok: false; message: string };

function tidy(raw: string): string {
  return raw.toUpperCase().replace(/[\s.]/g, '');
}

const isCharityNumber = (value: string) => ENGLAND_AND_WALES.test(value) || SCOTLAND.test(value) || NORTHERN_IRELAND.test(value);

/** Companies House numbers keep their leading zeros; people often drop them. */
function asCompanyNumber(value: string): string {
  return /^\d{6,7}$/.test(value) ? value.padStart(8, '0') : value;
}

export function checkRegistrationNumber(type: OrganisationType, raw: string | undefined): RegistrationCheck {
  const value = tidy(raw ?? '');
  switch (type) {
    case 'REGISTERED_CHARITY':
    case 'CIO':
      if (!value) return { ok: false, message: 'Enter your charity number.' };
      return isCharityNumber(value) ? { ok: true, value } : { ok: false, message: CHARITY_MESSAGE };
    case 'CHARITABLE_COMPANY':
    case 'SOCIAL_ENTERPRISE': {
      if (!value) return { ok: false, message: 'Enter your Companies House number.' };
      const company = asCompanyNumber(value);
      return COMPANY.test(company) ? { ok: true, value: company } : { ok: false, message: COMPANY_MESSAGE };
    }
    case 'COMMUNITY_GROUP': {
      // Optional: many community groups are not registered anywhere.
      if (!value) return { ok: true, value: null };
      if (isCharityNumber(value)) return { ok: true, value };
      const company = asCompanyNumber(value);
      return COMPANY.test(company)
        ? { ok: true, value: company }
        : { ok: false, message: 'Leave this blank, or enter a charity number or a Companies House number.' };
    }
  }
}
