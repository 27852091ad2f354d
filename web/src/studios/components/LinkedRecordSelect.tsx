import { useQuery } from '@apollo/client/react';
import { CoordinatorOptionsDocument, EnterpriseOptionsDocument } from '@registry/graphql-client';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../coordinators/hooks/useDebouncedValue';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** the linked records already saved, so their names show before any search */
  initial: readonly { id: string; name: string }[];
  placeholder: string;
  id?: string;
}

function useOptions(found: { value: string; label: string }[], initial: Props['initial']) {
  return useMemo(() => {
    const options = [...found];
    for (const record of initial) if (!options.some((option) => option.value === record.id)) options.unshift({ value: record.id, label: record.name });
    return options;
  }, [found, initial]);
}

/** Several coordinators of the jurisdiction, searched by name. */
export function CoordinatorMultiSelect({ value, onChange, initial, placeholder, id }: Props) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const { data, loading } = useQuery(CoordinatorOptionsDocument, { variables: { search: debounced || null, limit: 20 } });
  const found = useMemo(
    () => (data?.coordinators.items ?? []).map((person) => ({ value: person.id, label: `${person.name}（${person.region?.name ?? ''}）` })),
    [data],
  );
  const options = useOptions(found, initial);
  return (
    <Select id={id} mode="multiple" showSearch style={{ width: '100%' }} value={value ?? []} onChange={(next) => onChange?.(next)} onSearch={setSearch} filterOption={false}
      options={options} placeholder={placeholder} notFoundContent={loading ? <Spin size="small" /> : undefined} />
  );
}

/** Several enterprises of the jurisdiction, searched by name or credit code. */
export function EnterpriseMultiSelect({ value, onChange, initial, placeholder, id }: Props) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const { data, loading } = useQuery(EnterpriseOptionsDocument, { variables: { search: debounced || null, limit: 20 } });
  const found = useMemo(() => (data?.enterprises.items ?? []).map((enterprise) => ({ value: enterprise.id, label: `${enterprise.name}（${enterprise.creditCode}）` })), [data]);
  const options = useOptions(found, initial);
  return (
    <Select id={id} mode="multiple" showSearch style={{ width: '100%' }} value={value ?? []} onChange={(next) => onChange?.(next)} onSearch={setSearch} filterOption={false}
      options={options} placeholder={placeholder} notFoundContent={loading ? <Spin size="small" /> : undefined} />
  );
}
