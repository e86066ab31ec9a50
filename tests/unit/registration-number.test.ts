import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber } from '@/lib/orgs/registration-number';

describe('registration numbers by organisation type', () => {
  it('accepts charity numbers from all three UK regulators for charities and CIOs', () => {
    expect(checkRegistrationNumber('REGISTERED_CHARITY', '1143287')).toEqual({ ok: true, value: '1143287' });
    expect(checkRegistrationNumber('REGISTERED_CHARITY', '221124-1')).toEqual({ ok: true, value: '221124-1' });
    expect(checkRegistrationNumber('REGISTERED_CHARITY', 'sc 048213')).toEqual({ ok: true, value: 'SC048213' });
    expect(checkRegistrationNumber('CIO', 'NIC105287')).toEqual({ ok: true, value: 'NIC105287' });
  });

  it('refuses a company number or nonsense where a charity number is needed', () => {
    expect(checkRegistrationNumber('REGISTERED_CHARITY', '')).toMatchObject({ ok: false, message: 'Enter your charity number.' });
    expect(checkRegistrationNumber('CIO', '09417753')).toMatchObject({ ok: false });
    expect(checkRegistrationNumber('REGISTERED_CHARITY', 'SC12345')).toMatchObject({ ok: false });
    expect(checkRegistrationNumber('REGISTERED_CHARITY', 'NIC12345')).toMatchObject({ ok: false });
  });

  it('wants a Companies House number for charitable companies and social enterprises, restoring leading zeros', () => {
    expect(checkRegistrationNumber('CHARITABLE_COMPANY', '09417753')).toEqual({ ok: true, value: '09417753' });
    expect(checkRegistrationNumber('CHARITABLE_COMPANY', '9417753')).toEqual({ ok: true, value: '09417753' });
    expect(checkRegistrationNumber('SOCIAL_ENTERPRISE', 'sc123456')).toEqual({ ok: true, value: 'SC123456' });
    expect(checkRegistrationNumber('SOCIAL_ENTERPRISE', 'NI612345')).toEqual({ ok: true, value: 'NI612345' });
    expect(checkRegistrationNumber('CHARITABLE_COMPANY', 'XX123456')).toMatchObject({ ok: false });
    expect(checkRegistrationNumber('SOCIAL_ENTERPRISE', '')).toMatchObject({ ok: false, message: 'Enter your Companies House number.' });
  });

  it('lets community groups leave it blank, but checks it when given', () => {
    expect(checkRegistrationNumber('COMMUNITY_GROUP', '')).toEqual({ ok: true, value: null });
    expect(checkRegistrationNumber('COMMUNITY_GROUP', '1143287')).toEqual({ ok: true, value: '1143287' });
    expect(checkRegistrationNumber('COMMUNITY_GROUP', 'abc')).toMatchObject({ ok: false });
  });
});
