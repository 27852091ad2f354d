import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportKind } from './api';
import { useExport } from './useExport';

/** "导出 Excel" for a list page: the list's filter goes along; scope and masking are the server's. */
export function ExportButton({ kind, filter, label, size, testId }: { kind: ExportKind; filter?: object | null; label?: string; size?: 'small' | 'middle'; testId?: string }) {
  const { t } = useTranslation();
  const { exporting, exportList } = useExport();
  return (
    <Button icon={<DownloadOutlined />} size={size} loading={exporting} onClick={() => void exportList(kind, filter)} data-testid={testId ?? `export-${kind}`}>
      {label ?? t('imports.exportExcel')}
    </Button>
  );
}
