import { classifyEnterpriseSize, industrySection, type SizeClassification } from '@registry/domain';
import type { EnterpriseDetailFragment, EnterpriseInput, IncidentInput, SizeClass, UpdateEnterpriseInput } from '@registry/graphql-client';

// The enterprise form keeps the API's field names, so a server error naming `creditCode` or
// `incidents[0].occurredOn` lands on that field.
export interface EnterpriseFormValues {
  /** create only: the credit code identifies the enterprise */
  creditCode?: string;
  name?: string;
  regionCode?: string | null;
  industryCode?: string;
  employees?: number | null;
  revenue?: number | null;
  assets?: number | null;
  publicOwned?: boolean;
  socialOrganization?: boolean;
  /** null: no override, the derived class stands */
  sizeOverride?: SizeClass | null;
  sizeOverrideReason?: string | null;
  /** create only */
  registeredOn?: string | null;
  incidents?: { [K in keyof IncidentInput]?: IncidentInput[K] | null }[];
}

export const ENTERPRISE_FORM_FIELDS = [
  'creditCode',
  'name',
  'regionCode',
  'industryCode',
  'employees',
  'revenue',
  'assets',
  'publicOwned',
  'socialOrganization',
  'sizeOverride',
  'sizeOverrideReason',
  'registeredOn',
  'incidents',
] as const;

export const EMPTY_ENTERPRISE_FORM: EnterpriseFormValues = {
  publicOwned: false,
  socialOrganization: false,
  sizeOverride: null,
  incidents: [],
};

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function incidents(values: EnterpriseFormValues): IncidentInput[] {
  return (values.incidents ?? []).map((row) => ({
    kind: row.kind?.trim() ?? '',
    occurredOn: row.occurredOn as string,
    description: text(row.description),
  }));
}

export function toCreateEnterpriseInput(values: EnterpriseFormValues): EnterpriseInput {
  const input: EnterpriseInput = {
    creditCode: (values.creditCode ?? '').trim().toUpperCase(),
    name: values.name?.trim() ?? '',
    regionCode: values.regionCode ?? '',
    industryCode: (values.industryCode ?? '').trim().toUpperCase(),
    employees: values.employees ?? 0,
    revenue: values.revenue ?? 0,
    assets: values.assets ?? null,
    publicOwned: Boolean(values.publicOwned),
    socialOrganization: Boolean(values.socialOrganization),
    incidents: incidents(values),
  };
  if (values.sizeOverride) {
    input.sizeOverride = values.sizeOverride;
    input.sizeOverrideReason = text(values.sizeOverrideReason);
  }
  if (values.registeredOn) input.registeredOn = values.registeredOn;
  return input;
}

/** Every field with the version read; removing a recorded override is an explicit clear. */
export function toUpdateEnterpriseInput(
  values: EnterpriseFormValues,
  original: Pick<EnterpriseDetailFragment, 'id' | 'version' | 'sizeOverride'>,
): UpdateEnterpriseInput {
  const input: UpdateEnterpriseInput = {
    id: original.id,
    version: original.version,
    name: values.name?.trim() ?? '',
    regionCode: values.regionCode ?? undefined,
    industryCode: (values.industryCode ?? '').trim().toUpperCase(),
    employees: values.employees ?? 0,
    revenue: values.revenue ?? 0,
    assets: values.assets ?? null,
    publicOwned: Boolean(values.publicOwned),
    socialOrganization: Boolean(values.socialOrganization),
    incidents: incidents(values),
  };
  if (values.sizeOverride) {
    input.sizeOverride = values.sizeOverride;
    input.sizeOverrideReason = text(values.sizeOverrideReason);
  } else if (original.sizeOverride) {
    input.clearSizeOverride = true;
  }
  return input;
}

export function enterpriseToFormValues(enterprise: EnterpriseDetailFragment): EnterpriseFormValues {
  return {
    name: enterprise.name,
    regionCode: enterprise.regionCode,
    industryCode: enterprise.industryCode,
    employees: enterprise.employees,
    revenue: enterprise.revenue,
    assets: enterprise.assets,
    publicOwned: enterprise.publicOwned,
    socialOrganization: enterprise.socialOrganization,
    sizeOverride: enterprise.sizeOverride,
    sizeOverrideReason: enterprise.sizeOverrideReason,
    incidents: enterprise.incidents.map(({ kind, occurredOn, description }) => ({ kind, occurredOn, description })),
  };
}

/**
 * The size class the 2017 rule gives for what is typed so far (the same function the server
 * uses), or null until industry code, employees and revenue are filled in and valid.
 */
export function previewSizeClass(values: Pick<EnterpriseFormValues, 'industryCode' | 'employees' | 'revenue' | 'assets'>): SizeClassification | null {
  const industryCode = values.industryCode?.trim();
  if (!industryCode || !industrySection(industryCode)) return null;
  if (typeof values.employees !== 'number' || !Number.isInteger(values.employees) || values.employees < 0) return null;
  if (typeof values.revenue !== 'number' || !(values.revenue >= 0)) return null;
  const assets = typeof values.assets === 'number' && values.assets >= 0 ? values.assets : null;
  try {
    return classifyEnterpriseSize({ industryCode, employees: values.employees, revenue: values.revenue, assets });
  } catch {
    return null;
  }
}
