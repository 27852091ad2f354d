import { App as AntApp, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../utils/form-errors';
import { hasErrorCode, readApiErrors } from '../utils/graphql-errors';

export interface FormSaveState {
  /** the server's message when somebody else saved first (optimistic lock lost), else null */
  conflict: string | null;
  /** the server's errors that name no field on this form, joined, else null */
  failure: string | null;
  /** runs a save; its failure lands on the fields, the conflict alert or the failure alert */
  save: (action: () => Promise<void>) => Promise<void>;
}

/**
 * The save flow of a record form: a CONFLICT shows the conflict alert (scrolled to the top),
 * BAD_USER_INPUT errors go onto the fields they name among `fields` (the form's top-level
 * names), and whatever is left over is shown as one failure.
 */
export function useFormSave(form: FormInstance, fields: readonly string[]): FormSaveState {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (action: () => Promise<void>) => {
    setConflict(null);
    setFailure(null);
    try {
      await action();
    } catch (saveError) {
      if (hasErrorCode(saveError, 'CONFLICT')) {
        setConflict(readApiErrors(saveError)[0]?.message ?? '');
        window.scrollTo({ top: 0, behavior: 'smooth' });
        return;
      }
      const unplaced = applyServerErrors(form, saveError, fields);
      const placed = readApiErrors(saveError).length - unplaced.length;
      if (unplaced.length > 0) setFailure(unplaced.map((apiError) => apiError.message).join('；'));
      else if (placed > 0) void message.error(t('common.fixErrors'));
    }
  };

  return { conflict, failure, save };
}
