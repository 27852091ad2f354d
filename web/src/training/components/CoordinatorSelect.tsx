import { useQuery } from '@apollo/client/react';
import { CoordinatorOptionsDocument } from '@registry/graphql-client';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../coordinators/hooks/useDebouncedValue';

/** One coordinator of the jurisdiction, searched by name. */
export function CoordinatorSelect({ value, onChange, placeholder, id }: { value?: string; onChange?: (value: string | undefined) => void; placeholder: string; id?: string }) {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const { data, loading } = useQuery(CoordinatorOptionsDocument, { variables: { search: debounced || null, limit: 20 } });
  const options = useMemo(() => (data?.coordinators.items ?? []).map((person) => ({ value: person.id, label: `${person.name}（${person.region?.name ?? ''}）` })), [data]);
  return (
    <Select id={id} showSearch allowClear style={{ width: '100%' }} value={value} onChange={(next) => onChange?.(next ?? undefined)} onSearch={setSearch} filterOption={false}
      options={options} placeholder={placeholder} notFoundContent={loading ? <Spin size="small" /> : undefined} />
  );
}
