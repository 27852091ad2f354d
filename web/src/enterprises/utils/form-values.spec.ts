import type { EnterpriseDetailFragment } from '@registry/graphql-client';
import { EMPTY_ENTERPRISE_FORM, enterpriseToFormValues, previewSizeClass, toCreateEnterpriseInput, toUpdateEnterpriseInput } from './form-values';

const enterprise: EnterpriseDetailFragment = {
  id: '42',
  name: '长春测试制造有限公司',
  creditCode: '91220104000000001X',
  regionCode: '220104',
  region: { code: '220104', name: '朝阳区', level: 'COUNTY', path: '220000/220100/220104/' },
  industryCode: 'C13',
  industrySection: 'C',
  industryName: '制造业',
  employees: 1200,
  revenue: 50000,
  assets: 80000,
  publicOwned: false,
  socialOrganization: false,
  sizeClass: 'MEDIUM',
  derivedSizeClass: 'LARGE',
  sizeOverride: 'MEDIUM',
  sizeOverrideReason: '集团拆分',
  registeredOn: '2024-01-01',
  active: true,
  covered: true,
  coordinatorCount: 2,
  version: 5,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  incidents: [{ id: '9', kind: '重大信访事件', occurredOn: '2022-03-04', description: null }],
};

describe('enterprise form values', () => {
  it('previews the size class with the 2017 rule', () => {
    expect(previewSizeClass({ industryCode: 'C13', employees: 1200, revenue: 50000 })?.sizeClass).toBe('LARGE');
    expect(previewSizeClass({ industryCode: 'C13', employees: 1200, revenue: 1000 })?.sizeClass).toBe('SMALL');
    expect(previewSizeClass({ industryCode: 'F52', employees: 5, revenue: 50 })?.sizeClass).toBe('MICRO');
    expect(previewSizeClass({ industryCode: 'C13', employees: null, revenue: 50000 })).toBeNull();
    expect(previewSizeClass({ industryCode: 'nonsense', employees: 10, revenue: 10 })).toBeNull();
  });

  it('keeps an override with its reason and clears a removed one', () => {
    const values = enterpriseToFormValues(enterprise);
    expect(toUpdateEnterpriseInput(values, enterprise)).toMatchObject({ id: '42', version: 5, sizeOverride: 'MEDIUM', sizeOverrideReason: '集团拆分' });
    const cleared = toUpdateEnterpriseInput({ ...values, sizeOverride: null }, enterprise);
    expect(cleared.clearSizeOverride).toBe(true);
    expect(cleared).not.toHaveProperty('sizeOverride');
    expect(cleared.incidents).toEqual([{ kind: '重大信访事件', occurredOn: '2022-03-04', description: null }]);
  });

  it('builds a create input with normalised codes', () => {
    expect(
      toCreateEnterpriseInput({
        ...EMPTY_ENTERPRISE_FORM,
        creditCode: ' 91220104000000001x ',
        name: ' 测试 ',
        regionCode: '220104',
        industryCode: 'c13',
        employees: 10,
        revenue: 100,
      }),
    ).toEqual({
      creditCode: '91220104000000001X',
      name: '测试',
      regionCode: '220104',
      industryCode: 'C13',
      employees: 10,
      revenue: 100,
      assets: null,
      publicOwned: false,
      socialOrganization: false,
      incidents: [],
    });
  });
});
