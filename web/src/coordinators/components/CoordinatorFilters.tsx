import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListFilterBar } from '../../app/components/ListFilterBar';
import {
  CERTIFICATE_LEVELS,
  COORDINATOR_CATEGORIES,
  COORDINATOR_STATUSES,
  SIZE_CLASS_VALUES,
  withFilters,
  type CoordinatorListParams,
} from '../utils/list-params';

interface Props {
  value: CoordinatorListParams;
  onChange: (next: CoordinatorListParams) => void;
}

export function CoordinatorFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const change = (changes: Partial<CoordinatorListParams>) => onChange(withFilters(value, changes));
  return (
    <ListFilterBar
      regionLabel={t('coordinator.filters.region')}
      regionCode={value.regionCode}
      searchPlaceholder={t('coordinator.searchPlaceholder')}
      search={value.search}
      searchWidth={260}
      onChange={change}
      onReset={() => onChange({ categories: [], enterpriseSizeClasses: [], page: 1, pageSize: value.pageSize, sort: value.sort, direction: value.direction })}
    >
      <Form.Item label={t('coordinator.filters.category')} htmlFor="coordinator-filter-category">
        <Select
          id="coordinator-filter-category"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={value.categories}
          onChange={(categories: number[]) => change({ categories })}
          placeholder={t('common.all')}
          options={COORDINATOR_CATEGORIES.map((category) => ({ value: category, label: t(`enums.categoryShort.${category}`) }))}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={t('coordinator.filters.status')} htmlFor="coordinator-filter-status">
        <Select
          id="coordinator-filter-status"
          allowClear
          value={value.status}
          onChange={(status) => change({ status })}
          placeholder={t('common.all')}
          options={COORDINATOR_STATUSES.map((status) => ({ value: status, label: t(`enums.coordinatorStatus.${status}`) }))}
          style={{ width: 100 }}
        />
      </Form.Item>
      <Form.Item label={t('coordinator.filters.certificateLevel')} htmlFor="coordinator-filter-certificateLevel">
        <Select
          id="coordinator-filter-certificateLevel"
          allowClear
          value={value.certificateLevelAtLeast}
          onChange={(certificateLevelAtLeast) => change({ certificateLevelAtLeast })}
          placeholder={t('common.all')}
          options={CERTIFICATE_LEVELS.map((level) => ({
            value: level,
            label: t('coordinator.filters.certificateLevelAtLeast', { level: t(`enums.certificateLevelShort.${level}`) }),
          }))}
          style={{ width: 140 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={t('coordinator.filters.employerSize')} htmlFor="coordinator-filter-employerSize">
        <Select
          id="coordinator-filter-employerSize"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={value.enterpriseSizeClasses}
          onChange={(enterpriseSizeClasses) => change({ enterpriseSizeClasses })}
          placeholder={t('common.all')}
          options={SIZE_CLASS_VALUES.map((sizeClass) => ({ value: sizeClass, label: t(`enums.sizeClass.${sizeClass}`) }))}
          style={{ width: 180 }}
        />
      </Form.Item>
    </ListFilterBar>
  );
}
