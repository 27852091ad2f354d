import type { StudioDetailFragment, StudioHostKind, StudioInput, StudioKind, StudioStatus, UpdateStudioInput } from '@registry/graphql-client';

// The studio form's values and their mapping to the API's inputs. Field names are the input's,
// so the server's field errors land on the right field.
export interface StudioFormValues {
  kind: StudioKind;
  name: string;
  hostKind: StudioHostKind;
  hostEnterpriseId?: string | null;
  hostPlatformName?: string | null;
  regionCode?: string;
  openedOn?: string | null;
  status: StudioStatus;
  description?: string | null;
  coordinatorIds: string[];
  servedEnterpriseIds: string[];
}

export const STUDIO_FORM_FIELDS = [
  'kind', 'name', 'hostKind', 'hostEnterpriseId', 'hostPlatformName', 'regionCode', 'openedOn', 'status', 'description', 'coordinatorIds', 'servedEnterpriseIds',
] as const;

export const EMPTY_STUDIO_FORM: StudioFormValues = {
  kind: 'GOLD_STUDIO',
  name: '',
  hostKind: 'ENTERPRISE',
  status: 'ACTIVE',
  coordinatorIds: [],
  servedEnterpriseIds: [],
};

export function studioToFormValues(studio: StudioDetailFragment): StudioFormValues {
  return {
    kind: studio.kind,
    name: studio.name,
    hostKind: studio.hostKind,
    hostEnterpriseId: studio.hostEnterprise?.id ?? null,
    hostPlatformName: studio.hostPlatformName,
    regionCode: studio.regionCode,
    openedOn: studio.openedOn,
    status: studio.status,
    description: studio.description,
    coordinatorIds: studio.coordinators.map((person) => person.id),
    // the host is served anyway; the form lists the others
    servedEnterpriseIds: studio.servedEnterprises.map((enterprise) => enterprise.id).filter((id) => id !== studio.hostEnterprise?.id),
  };
}

export function toStudioInput(values: StudioFormValues): StudioInput {
  const enterpriseHosted = values.hostKind === 'ENTERPRISE';
  return {
    kind: values.kind,
    name: values.name.trim(),
    hostKind: values.hostKind,
    hostEnterpriseId: enterpriseHosted ? (values.hostEnterpriseId ?? null) : null,
    hostPlatformName: enterpriseHosted ? null : (values.hostPlatformName?.trim() ?? null),
    regionCode: values.regionCode ?? '',
    openedOn: values.openedOn ?? '',
    status: values.status,
    description: values.description?.trim() || null,
    coordinatorIds: values.coordinatorIds ?? [],
    servedEnterpriseIds: values.servedEnterpriseIds ?? [],
  };
}

export function toUpdateStudioInput(values: StudioFormValues, studio: { id: string; version: number }): UpdateStudioInput {
  return { ...toStudioInput(values), id: studio.id, version: studio.version };
}
