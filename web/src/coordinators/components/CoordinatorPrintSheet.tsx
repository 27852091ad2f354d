import type { CoordinatorDetailFragment } from '@registry/graphql-client';
import { todayIsoDate } from '@registry/domain';
import { useTranslation } from 'react-i18next';
import { SubRecordTabs } from './SubRecordTabs';
import '../coordinator-print.css';

/**
 * The printed 登记表 of one coordinator: the basic facts and every sub-record list, A4. Only
 * the masked ID number is printed (the one the API returns), whatever the screen shows.
 */
export function CoordinatorPrintSheet({ coordinator, regionLabel }: { coordinator: CoordinatorDetailFragment; regionLabel: string }) {
  const { t } = useTranslation();
  const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));
  const rows: [string, string][] = [
    [t('coordinator.fields.name'), coordinator.name],
    [t('coordinator.fields.gender'), t(`enums.gender.${coordinator.gender}`)],
    [t('coordinator.fields.birthDate'), coordinator.birthDate],
    [t('coordinator.fields.idNumber'), coordinator.idNumber],
    [t('coordinator.fields.phone'), dash(coordinator.phone)],
    [t('coordinator.fields.category'), t(`enums.category.${coordinator.category}`)],
    [t('coordinator.fields.affiliation'), t(`enums.affiliation.${coordinator.affiliation}`)],
    [t('coordinator.fields.enterprise'), coordinator.enterprise ? coordinator.enterprise.name : dash(coordinator.unitName)],
    [t('coordinator.fields.region'), regionLabel],
    [t('coordinator.fields.post'), dash(coordinator.post)],
    [t('coordinator.fields.joinedOn'), coordinator.joinedOn],
    [t('coordinator.fields.leftOn'), dash(coordinator.leftOn)],
    [t('coordinator.fields.status'), t(`enums.coordinatorStatus.${coordinator.status}`)],
  ];
  return (
    <div className="print-only coordinator-print-sheet" data-testid="coordinator-print-sheet">
      <h2 className="print-heading">{t('coordinator.print.title')}</h2>
      <p className="coordinator-print-meta">{t('coordinator.print.printedOn', { date: todayIsoDate() })}</p>
      <section className="print-keep">
        <h4 className="print-heading">{t('coordinator.sections.basic')}</h4>
        <table className="coordinator-print-facts">
          <tbody>
            {pairs(rows).map((pair, index) => (
              <tr key={index}>
                {pair.flatMap(([label, value]) => [
                  <th key={`${label}-label`} scope="row">
                    {label}
                  </th>,
                  <td key={`${label}-value`} data-testid={label === t('coordinator.fields.idNumber') ? 'print-id-number' : undefined}>
                    {value}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SubRecordTabs coordinator={coordinator} layout="sections" />
    </div>
  );
}

function pairs<T>(items: readonly T[]): T[][] {
  const lines: T[][] = [];
  for (let index = 0; index < items.length; index += 2) lines.push(items.slice(index, index + 2));
  return lines;
}
