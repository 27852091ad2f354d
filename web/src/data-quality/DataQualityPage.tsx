import { useMutation, useQuery } from '@apollo/client/react';
import {
  DataQualityDocument,
  DataQualityRecordsDocument,
  UpdateDataQualityRuleDocument,
  type DataQualityQuery,
} from '@registry/graphql-client';
import { App as AntApp, Button, Card, Drawer, Empty, Flex, Progress, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../app/auth/AuthContext';
import { QueryError } from '../app/components/QueryError';
import { RegionTreeSelect } from '../app/components/RegionTreeSelect';
import { readApiErrors } from '../app/utils/graphql-errors';

type Report = DataQualityQuery['dataQuality'];
type Rule = Report['rules'][number];

const SEVERITY_COLORS: Record<Rule['severity'], string> = { ERROR: 'red', WARNING: 'orange', INFO: 'blue' };
const PAGE_SIZE = 20;

function scoreColor(score: number): string {
  return score >= 90 ? '#389e0d' : score >= 75 ? '#d48806' : '#cf1322';
}

/** 数据质量: the clean-up list of a region, per rule and child region, with the records behind each count. */
export default function DataQualityPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('region') ?? undefined;
  const [drill, setDrill] = useState<{ rule: Rule; regionCode?: string; regionName?: string } | null>(null);
  const { data, loading, error, refetch } = useQuery(DataQualityDocument, { variables: { regionCode: regionCode ?? null }, fetchPolicy: 'cache-and-network' });
  const [updateRule, updating] = useMutation(UpdateDataQualityRuleDocument);
  const report = data?.dataQuality;
  const province = me?.role === 'PROVINCE_ADMIN';
  const describe = (rule: Rule) => (i18n.language.startsWith('zh') ? rule.description : rule.descriptionEn);
  useEffect(() => {
    document.title = `${t('dataQuality.title')} · ${t('app.shortTitle')}`;
  }, [t]);

  const setRegion = (code?: string) => {
    const next = new URLSearchParams(params);
    if (code) next.set('region', code);
    else next.delete('region');
    setParams(next);
  };

  const changeRule = async (rule: Rule, change: { enabled?: boolean; severity?: Rule['severity'] }) => {
    try {
      await updateRule({ variables: { input: { code: rule.code, version: rule.version, ...change } } });
      message.success(t('dataQuality.ruleSaved'));
      await refetch();
    } catch (caught) {
      message.error(readApiErrors(caught).map((entry) => entry.message).join('；') || t('dataQuality.ruleSaveFailed'));
    }
  };

  const enabledRules = useMemo(() => (report?.rules ?? []).filter((rule) => rule.enabled), [report]);

  if (error && !report) return <QueryError error={error} onRetry={() => void refetch()} fullPage />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dataQuality.title')}
        </Typography.Title>
        <Space>
          <label htmlFor="data-quality-region">{t('dataQuality.region')}</label>
          <RegionTreeSelect id="data-quality-region" value={regionCode} onChange={setRegion} maxLevel="COUNTY" />
        </Space>
      </Flex>

      <Card loading={loading && !report}>
        {report ? (
          <Flex gap={48} wrap align="center">
            <Space direction="vertical" size={0}>
              <Typography.Text type="secondary">{t('dataQuality.scoreOf', { region: report.regionName })}</Typography.Text>
              <Progress type="dashboard" percent={report.score} format={(value) => `${value}`} strokeColor={scoreColor(report.score)} size={120} />
            </Space>
            <Statistic title={t('dataQuality.records')} value={report.records} />
            <Statistic title={t('dataQuality.failures')} value={report.failures} />
            <Typography.Paragraph type="secondary" style={{ maxWidth: 420, margin: 0 }}>
              {t('dataQuality.scoreHelp')}
            </Typography.Paragraph>
          </Flex>
        ) : null}
      </Card>

      <Card title={t('dataQuality.rules')}>
        <Table<Rule>
          rowKey="code"
          size="middle"
          pagination={false}
          dataSource={report?.rules ?? []}
          locale={{ emptyText: <Empty description={t('dataQuality.noRules')} /> }}
          columns={[
            { title: t('dataQuality.rule'), key: 'description', render: (_, rule) => describe(rule) },
            { title: t('dataQuality.entity'), key: 'entity', width: 110, render: (_, rule) => t(`dataQuality.entities.${rule.entity}`) },
            {
              title: t('dataQuality.severity'),
              key: 'severity',
              width: 130,
              render: (_, rule) =>
                province ? (
                  <Select
                    aria-label={t('dataQuality.severityOf', { rule: describe(rule) })}
                    size="small"
                    value={rule.severity}
                    disabled={updating.loading}
                    style={{ width: 100 }}
                    onChange={(severity) => void changeRule(rule, { severity })}
                    options={(['ERROR', 'WARNING', 'INFO'] as const).map((value) => ({ value, label: t(`dataQuality.severities.${value}`) }))}
                  />
                ) : (
                  <Tag color={SEVERITY_COLORS[rule.severity]}>{t(`dataQuality.severities.${rule.severity}`)}</Tag>
                ),
            },
            {
              title: t('dataQuality.count'),
              key: 'count',
              width: 110,
              align: 'right',
              render: (_, rule) =>
                rule.enabled && rule.count > 0 ? (
                  <Button type="link" style={{ padding: 0 }} onClick={() => setDrill({ rule })}>
                    {rule.count}
                  </Button>
                ) : rule.enabled ? (
                  0
                ) : (
                  <Typography.Text type="secondary">{t('dataQuality.off')}</Typography.Text>
                ),
            },
            ...(province
              ? [
                  {
                    title: t('dataQuality.enabled'),
                    key: 'enabled',
                    width: 90,
                    render: (_: unknown, rule: Rule) => (
                      <Switch size="small" checked={rule.enabled} disabled={updating.loading} aria-label={t('dataQuality.enabledOf', { rule: describe(rule) })} onChange={(enabled) => void changeRule(rule, { enabled })} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card title={t('dataQuality.byRegion')}>
        <Table<Report['children'][number]>
          rowKey="regionCode"
          size="middle"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={report?.children ?? []}
          locale={{ emptyText: <Empty description={t('dataQuality.noRegions')} /> }}
          columns={[
            {
              title: t('dataQuality.regionColumn'),
              key: 'region',
              fixed: 'left',
              render: (_, child) =>
                child.own ? (
                  `${child.regionName}${t('dataQuality.ownLevel')}`
                ) : (
                  <a
                    href={`?region=${child.regionCode}`}
                    onClick={(event) => {
                      event.preventDefault();
                      setRegion(child.regionCode);
                    }}
                  >
                    {child.regionName}
                  </a>
                ),
            },
            { title: t('dataQuality.score'), key: 'score', width: 90, render: (_, child) => <Typography.Text style={{ color: scoreColor(child.score), fontWeight: 600 }}>{child.score}</Typography.Text> },
            { title: <span title={t('dataQuality.records')}>{t('dataQuality.recordsShort')}</span>, dataIndex: 'records', width: 90, align: 'right' },
            ...enabledRules.map((rule) => ({
              title: <span title={describe(rule)}>{t(`dataQuality.short.${rule.code}`, { defaultValue: rule.code })}</span>,
              key: rule.code,
              width: 96,
              align: 'right' as const,
              render: (_: unknown, child: Report['children'][number]) => {
                const count = child.counts.find((entry) => entry.rule === rule.code)?.count ?? 0;
                return count > 0 ? (
                  <Button type="link" style={{ padding: 0 }} onClick={() => setDrill({ rule, regionCode: child.regionCode, regionName: child.regionName })}>
                    {count}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">0</Typography.Text>
                );
              },
            })),
          ]}
        />
      </Card>

      <RecordsDrawer drill={drill} scopeCode={regionCode} describe={describe} onClose={() => setDrill(null)} />
    </Space>
  );
}

function RecordsDrawer({ drill, scopeCode, describe, onClose }: { drill: { rule: Rule; regionCode?: string; regionName?: string } | null; scopeCode?: string; describe: (rule: Rule) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [drill]);
  const { data, loading, error } = useQuery(DataQualityRecordsDocument, {
    skip: !drill,
    variables: { rule: drill?.rule.code ?? '', regionCode: drill?.regionCode ?? scopeCode ?? null, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  const records = data?.dataQualityRecords;
  return (
    <Drawer open={Boolean(drill)} onClose={onClose} width={760} title={drill ? `${describe(drill.rule)}${drill.regionName ? ` · ${drill.regionName}` : ''}` : ''}>
      {error ? <QueryError error={error} /> : null}
      <Table
        rowKey={(row) => `${row.entity}:${row.id}`}
        size="small"
        loading={loading}
        dataSource={records?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: records?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('dataQuality.name'), key: 'name', render: (_, row) => <Link to={row.link.replace(/\/edit$/, '')}>{row.name}</Link> },
          { title: t('dataQuality.regionColumn'), dataIndex: 'regionPathName', render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span> },
          { title: t('dataQuality.detail'), dataIndex: 'detail', render: (value: string | null) => value ?? '—' },
          { title: '', key: 'fix', width: 80, render: (_, row) => <Link to={row.link}>{t('dataQuality.fix')}</Link> },
        ]}
      />
    </Drawer>
  );
}
