import { useQuery } from '@apollo/client/react';
import { EnterpriseOptionsDocument } from '@registry/graphql-client';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the current employer, so its name shows before any search */
  initial?: { id: string; name: string } | null;
  id?: string;
}

/** Employer picker: searches registered enterprises in the user's jurisdiction by name or credit code. */
export function EnterpriseSelect({ value, onChange, initial, id }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const { data, loading } = useQuery(EnterpriseOptionsDocument, { variables: { search: debounced || null, limit: 20 }, fetchPolicy: 'cache-first' });
  const options = useMemo(() => {
    const found = (data?.enterprises.items ?? []).map((enterprise) => ({ value: enterprise.id, label: `${enterprise.name}（${enterprise.creditCode}）` }));
    if (initial && !found.some((option) => option.value === initial.id)) found.unshift({ value: initial.id, label: initial.name });
    return found;
  }, [data, initial]);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      onSearch={setSearch}
      filterOption={false}
      options={options}
      placeholder={t('coordinator.fields.enterpriseSearch')}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      popupMatchSelectWidth={false}
    />
  );
}
