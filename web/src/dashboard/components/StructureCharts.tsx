import { Col, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { categoryAxisWidth, NO_WRAP, sliceDimension, type ChartDatum, type StructureSlice } from '../utils/figures';
import { ChartCard } from './ChartCard';

const COLORS = ['#1677ff', '#52c41a', '#faad14', '#ff4d4f', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

interface Props {
  slices: readonly StructureSlice[];
  loading: boolean;
  regionCode: string;
  year: number;
  /** clicking a bucket opens the people behind it */
  onSelect?: (dimension: string, bucket: string, label: string) => void;
}

/** The workforce at the year end by level, education, age, category, occupation (bars) and gender, employer (donuts). */
export function StructureCharts({ slices, loading, regionCode, year, onSelect }: Props) {
  const { t } = useTranslation();
  const label = (dimension: string) => (bucket: string) => {
    if (bucket === 'NONE') return t(`dashboard.structure.none.${dimension}`, { defaultValue: t('dashboard.structure.noneGeneric') });
    switch (dimension) {
      case 'CERT_LEVEL':
        return t(`enums.certificateLevelShort.${bucket}`);
      case 'EDUCATION':
        return t(`enums.educationLevel.${bucket}`);
      case 'CATEGORY':
        return t(`enums.categoryShort.${bucket}`);
      case 'GENDER':
        return t(`enums.gender.${bucket}`);
      case 'SIZE_CLASS':
        return t(`enums.sizeClass.${bucket}`);
      case 'AFFILIATION':
        return t(`enums.affiliation.${bucket}`);
      case 'AGE_BAND':
      case 'OWNERSHIP':
        return t(`dashboard.structure.buckets.${bucket}`);
      default:
        return bucket;
    }
  };
  const bars = ['CERT_LEVEL', 'EDUCATION', 'AGE_BAND', 'CATEGORY', 'OCCUPATION'];
  const donuts = ['GENDER', 'OWNERSHIP', 'SIZE_CLASS', 'AFFILIATION'];
  const columns = [
    { title: t('dashboard.structure.bucket'), value: (row: ChartDatum) => row.label },
    { title: t('dashboard.structure.count'), value: (row: ChartDatum) => row.count },
    { title: t('dashboard.structure.share'), value: (row: ChartDatum) => `${(row.share * 100).toFixed(1)}%` },
  ];
  const card = (dimension: string, chart: (data: ChartDatum[]) => React.ReactNode) => {
    const data = sliceDimension(slices, dimension, label(dimension), dimension === 'OCCUPATION' ? 10 : undefined);
    return (
      <ChartCard
        title={t(`dashboard.structure.dimensions.${dimension}`)}
        exportName={`structure-${dimension.toLowerCase()}-${regionCode}-${year}`}
        columns={columns}
        rows={data}
        chart
        loading={loading}
        empty={data.length === 0}
        testId={`chart-structure-${dimension.toLowerCase()}`}
      >
        {chart(data)}
      </ChartCard>
    );
  };
  return (
    <Row gutter={[12, 12]}>
      {bars.map((dimension) => (
        <Col key={dimension} xs={24} lg={12} xxl={8}>
          {card(dimension, (data) => (
            <ResponsiveContainer width="100%" height={Math.max(240, data.length * 30 + 40)}>
              <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" interval={0} width={categoryAxisWidth(data.map((datum) => datum.label), 13)} tick={{ fontSize: 13, width: NO_WRAP }} />
                <Tooltip />
                <Bar dataKey="count" name={t('dashboard.structure.count')} fill="#1677ff" isAnimationActive={false} cursor="pointer"
                  onClick={(datum) => {
                    const picked = (datum as unknown as { payload: ChartDatum }).payload;
                    onSelect?.(dimension, picked.bucket, picked.label);
                  }} />
              </BarChart>
            </ResponsiveContainer>
          ))}
        </Col>
      ))}
      {donuts.map((dimension) => (
        <Col key={dimension} xs={24} md={12} xxl={6}>
          {card(dimension, (data) => (
            <ResponsiveContainer width="100%" height={240}>
              <PieChart>
                <Pie data={data} dataKey="count" nameKey="label" innerRadius={50} outerRadius={85} isAnimationActive={false} cursor="pointer"
                  onClick={(datum) => {
                  const picked = (datum as unknown as { payload: ChartDatum }).payload;
                  onSelect?.(dimension, picked.bucket, picked.label);
                }}>
                  {data.map((datum, index) => (
                    <Cell key={datum.bucket} fill={COLORS[index % COLORS.length]} />
                  ))}
                </Pie>
                <Tooltip />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          ))}
        </Col>
      ))}
    </Row>
  );
}
