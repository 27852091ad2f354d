import type { KeyboardEvent } from 'react';

/**
 * onKeyDown for a form with more than one field: Enter in a field never submits it (a date
 * confirmed with Enter once saved a half-filled record, twice); Ctrl+Enter (⌘+Enter) saves from
 * anywhere, as the save button does. Enter on a button still presses that button, and an input
 * method's composition Enter (拼音 candidates) is left alone.
 */
export function saveOnlyWithCtrlEnter(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
      return;
    }
    if (event.target instanceof HTMLInputElement) event.preventDefault();
  };
}
