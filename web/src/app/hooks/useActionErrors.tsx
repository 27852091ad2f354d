import { App as AntApp } from 'antd';
import { useState, type ReactNode } from 'react';
import { ConflictAlert } from '../components/ConflictAlert';
import { hasErrorCode, readApiErrors } from '../utils/graphql-errors';

/**
 * Failures of a record page's actions (deactivate, reactivate…): a CONFLICT (somebody saved
 * first) shows `conflictAlert`, whose reload hides it and calls `onReload`; anything else is a
 * message naming the server's errors.
 */
export function useActionErrors(onReload: () => void): { conflictAlert: ReactNode; fail: (error: unknown) => void } {
  const { message } = AntApp.useApp();
  const [conflict, setConflict] = useState<string | null>(null);

  const fail = (error: unknown) => {
    if (hasErrorCode(error, 'CONFLICT')) setConflict(readApiErrors(error)[0]?.message ?? '');
    else void message.error(readApiErrors(error).map((apiError) => apiError.message).join('；'));
  };

  const conflictAlert =
    conflict !== null ? (
      <ConflictAlert
        message={conflict}
        onReload={() => {
          setConflict(null);
          onReload();
        }}
      />
    ) : null;

  return { conflictAlert, fail };
}
