import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, exportPath, type ExportKind } from './api';

/** Export a list to xlsx with its active filter: `const { exporting, exportList } = useExport()`. */
export function useExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportList = useCallback(
    async (kind: ExportKind, filter?: object | null) => {
      setExporting(true);
      try {
        await download(exportPath(kind, filter), `${kind}.xlsx`);
      } catch (error) {
        message.error(`${t('imports.exportFailed')}：${error instanceof Error ? error.message : String(error)}`);
      } finally {
        setExporting(false);
      }
    },
    [message, t],
  );
  return { exporting, exportList };
}
