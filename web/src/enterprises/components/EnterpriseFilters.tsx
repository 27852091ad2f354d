import { INDUSTRY_SECTIONS } from '@registry/domain';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListFilterBar } from '../../app/components/ListFilterBar';
import { OWNERSHIPS, SIZE_CLASS_VALUES, STATUS_FILTERS, withFilters, type EnterpriseListParams } from '../utils/list-params';

interface Props {
  value: EnterpriseListParams;
  onChange: (next: EnterpriseListParams) => void;
}

const booleanValue = (value: boolean | undefined) => (value === undefined ? undefined : String(value));
const parseBoolean = (value: string | undefined) => (value === undefined ? undefined : value === 'true');

export function EnterpriseFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const change = (changes: Partial<EnterpriseListParams>) => onChange(withFilters(value, changes));
  return (
    <ListFilterBar
      regionLabel={t('enterprise.filters.region')}
      regionCode={value.regionCode}
      searchPlaceholder={t('enterprise.searchPlaceholder')}
      search={value.search}
      searchWidth={300}
      onChange={change}
      onReset={() => onChange({ sizeClasses: [], status: 'active', page: 1, pageSize: value.pageSize, sort: value.sort, direction: value.direction })}
    >
      <Form.Item label={t('enterprise.filters.sizeClass')} htmlFor="enterprise-filter-sizeClass">
        <Select
          id="enterprise-filter-sizeClass"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={value.sizeClasses}
          onChange={(sizeClasses) => change({ sizeClasses })}
          placeholder={t('common.all')}
          options={SIZE_CLASS_VALUES.map((sizeClass) => ({ value: sizeClass, label: t(`enums.sizeClass.${sizeClass}`) }))}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item label={t('enterprise.filters.covered')} htmlFor="enterprise-filter-covered">
        <Select
          id="enterprise-filter-covered"
          allowClear
          value={booleanValue(value.covered)}
          onChange={(covered: string | undefined) => change({ covered: parseBoolean(covered) })}
          placeholder={t('common.all')}
          options={[
            { value: 'true', label: t('enterprise.coveredYes') },
            { value: 'false', label: t('enterprise.coveredNo') },
          ]}
          style={{ width: 110 }}
        />
      </Form.Item>
      <Form.Item label={t('enterprise.filters.industrySection')} htmlFor="enterprise-filter-industrySection">
        <Select
          id="enterprise-filter-industrySection"
          allowClear
          showSearch
          optionFilterProp="label"
          value={value.industrySection}
          onChange={(industrySection) => change({ industrySection })}
          placeholder={t('common.all')}
          options={INDUSTRY_SECTIONS.map((entry) => ({ value: entry.section, label: `${entry.section} ${t(`enums.industrySection.${entry.section}`)}` }))}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={t('enterprise.filters.ownership')} htmlFor="enterprise-filter-ownership">
        <Select
          id="enterprise-filter-ownership"
          allowClear
          value={value.ownership}
          onChange={(ownership) => change({ ownership })}
          placeholder={t('common.all')}
          options={OWNERSHIPS.map((ownership) => ({ value: ownership, label: t(`enterprise.ownership.${ownership}`) }))}
          style={{ width: 120 }}
        />
      </Form.Item>
      <Form.Item label={t('enterprise.filters.socialOrganization')} htmlFor="enterprise-filter-socialOrganization">
        <Select
          id="enterprise-filter-socialOrganization"
          allowClear
          value={booleanValue(value.socialOrganization)}
          onChange={(social: string | undefined) => change({ socialOrganization: parseBoolean(social) })}
          placeholder={t('common.all')}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          style={{ width: 90 }}
        />
      </Form.Item>
      <Form.Item label={t('enterprise.fields.active')} htmlFor="enterprise-filter-active">
        <Select
          id="enterprise-filter-active"
          value={value.status}
          onChange={(status) => change({ status })}
          options={STATUS_FILTERS.map((status) => ({
            value: status,
            label: status === 'active' ? t('enterprise.activeYes') : status === 'closed' ? t('enterprise.activeNo') : t('common.all'),
          }))}
          style={{ width: 100 }}
        />
      </Form.Item>
    </ListFilterBar>
  );
}
