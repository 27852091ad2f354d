import { parseLooseDate } from '@registry/domain';
import { DatePicker, Typography, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/**
 * A DatePicker whose form value is a plain 'YYYY-MM-DD' string, as the API and the domain lib use.
 * Typed text is read by the import's parser (parseLooseDate), so 2023/05/08, 20230508, 2023.5.8
 * and 2023年5月8日 are taken on blur or Enter; text it cannot read stays visible with the reason,
 * instead of vanishing.
 */
export function IsoDatePicker({ value, onChange, onBlur, onKeyDown, ...rest }: Props) {
  const { t } = useTranslation();
  const [unreadable, setUnreadable] = useState<string | null>(null);

  const takeTyped = (input: EventTarget | null) => {
    if (!(input instanceof HTMLInputElement)) return;
    const text = input.value.trim();
    if (!text) {
      setUnreadable(null);
      return;
    }
    const date = parseLooseDate(text);
    if (date) {
      setUnreadable(null);
      if (date !== value) onChange?.(date);
    } else {
      setUnreadable(text);
    }
  };

  return (
    <>
      <DatePicker
        {...rest}
        format="YYYY-MM-DD"
        value={value ? dayjs(value) : null}
        status={unreadable ? 'error' : rest.status}
        onChange={(date) => {
          setUnreadable(null);
          onChange?.(date ? date.format('YYYY-MM-DD') : null);
        }}
        onBlur={(event: FocusEvent<HTMLElement>, info) => {
          takeTyped(event.target);
          onBlur?.(event, info);
        }}
        onKeyDown={(event: KeyboardEvent<HTMLElement>, preventDefault) => {
          if (event.key === 'Enter') takeTyped(event.target);
          onKeyDown?.(event, preventDefault);
        }}
        style={{ width: '100%', ...rest.style }}
      />
      {unreadable ? (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }} data-testid="date-unreadable">
          {t('validation.dateUnreadable', { text: unreadable })}
        </Typography.Text>
      ) : null}
    </>
  );
}
