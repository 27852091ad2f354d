import { ClearOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from './RegionTreeSelect';

interface Props {
  /** the region filter's label */
  regionLabel: string;
  regionCode?: string;
  /** the search box's placeholder (also its accessible name) */
  searchPlaceholder: string;
  search?: string;
  searchWidth: number;
  /** one filter changed: `{ regionCode }` or `{ search }` (blank search: undefined) */
  onChange: (changes: { regionCode?: string; search?: string }) => void;
  onReset: () => void;
  /** the list's own filters, between the search box and the reset button */
  children: ReactNode;
}

/** A list page's filter bar: region and search first, the list's own filters, then reset. */
export function ListFilterBar({ regionLabel, regionCode, searchPlaceholder, search, searchWidth, onChange, onReset, children }: Props) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" className="registry-filter-bar" style={{ rowGap: 0, marginBottom: 4 }}>
      <Form.Item label={regionLabel} htmlFor="list-filter-region">
        <RegionTreeSelect id="list-filter-region" value={regionCode} onChange={(next) => onChange({ regionCode: next })} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item>
        <Input.Search
          key={search ?? ''}
          defaultValue={search}
          placeholder={searchPlaceholder}
          allowClear
          enterButton={t('common.search')}
          onSearch={(next) => onChange({ search: next.trim() || undefined })}
          style={{ width: searchWidth }}
          aria-label={searchPlaceholder}
        />
      </Form.Item>
      {children}
      <Form.Item>
        <Button icon={<ClearOutlined />} onClick={onReset}>
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
