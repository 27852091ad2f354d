import { PrinterOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { currentYear, FIRST_YEAR, SIZE_CLASSES, type DashboardParams } from '../hooks/useDashboardParams';

/** Region, year, ownership, size and category; every choice goes into the URL. */
export function DashboardFilters({ params, onChange }: { params: DashboardParams; onChange: (patch: Partial<DashboardParams>) => void }) {
  const { t } = useTranslation();
  const years = Array.from({ length: currentYear() - FIRST_YEAR + 1 }, (_, index) => currentYear() - index);
  return (
    <Space wrap className="dashboard-no-print" data-testid="dashboard-filters">
      <RegionTreeSelect value={params.region} allowClear={false} onChange={(region) => region && onChange({ region, uncovered: undefined })} style={{ width: 220 }} />
      <Select
        value={params.year}
        style={{ width: 110 }}
        onChange={(year) => onChange({ year })}
        options={years.map((year) => ({ value: year, label: t('dashboard.yearOption', { year }) }))}
        aria-label={t('dashboard.year')}
      />
      <Select
        value={params.publicOwned === undefined ? 'all' : params.publicOwned ? 'public' : 'nonPublic'}
        style={{ width: 130 }}
        onChange={(value) => onChange({ publicOwned: value === 'all' ? undefined : value === 'public' })}
        options={[
          { value: 'all', label: t('dashboard.filters.allOwnership') },
          { value: 'public', label: t('dashboard.structure.buckets.PUBLIC') },
          { value: 'nonPublic', label: t('dashboard.structure.buckets.NON_PUBLIC') },
        ]}
        aria-label={t('dashboard.filters.ownership')}
      />
      <Select
        mode="multiple"
        allowClear
        value={params.sizes}
        style={{ minWidth: 160 }}
        placeholder={t('dashboard.filters.allSizes')}
        onChange={(sizes) => onChange({ sizes })}
        options={SIZE_CLASSES.map((size) => ({ value: size, label: t(`enums.sizeClass.${size}`) }))}
        aria-label={t('dashboard.filters.size')}
      />
      <Select
        allowClear
        value={params.category}
        style={{ width: 200 }}
        placeholder={t('dashboard.filters.allCategories')}
        onChange={(category) => onChange({ category: category ?? undefined })}
        options={[1, 2, 3, 4, 5, 6].map((category) => ({ value: category, label: t(`enums.categoryShort.${category}`) }))}
        aria-label={t('dashboard.filters.category')}
      />
      <Link to={`/dashboard/summary?region=${params.region}&year=${params.year}`}>
        <Button icon={<PrinterOutlined />}>{t('dashboard.summary.open')}</Button>
      </Link>
    </Space>
  );
}
