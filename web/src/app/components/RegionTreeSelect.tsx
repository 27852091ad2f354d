import { TreeSelect } from 'antd';
import type { RegionFieldsFragment } from '@registry/graphql-client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../hooks/useRegions';
import { ancestorCodes, buildRegionTree } from '../utils/region-tree';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  maxLevel?: RegionFieldsFragment['level'];
  style?: React.CSSProperties;
  id?: string;
  status?: 'error' | 'warning' | '';
}

/** Region picker over the user's visible tree; regions outside the jurisdiction are greyed out. */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, maxLevel, style, id, status }: Props) {
  const { t } = useTranslation();
  const { regions, loading, scopeCode } = useRegions();
  const treeData = useMemo(() => buildRegionTree(regions, { scopeCode, maxLevel }), [regions, scopeCode, maxLevel]);
  const expanded = useMemo(() => (scopeCode ? [...ancestorCodes(regions, scopeCode), scopeCode] : []), [regions, scopeCode]);
  return (
    <TreeSelect
      id={id}
      status={status}
      key={expanded.join(',')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      treeDefaultExpandedKeys={expanded}
      loading={loading}
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.regionPlaceholder')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      listHeight={400}
    />
  );
}
