import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A DatePicker whose form value is a plain 'YYYY-MM-DD' string, as the API and the domain lib use. */
export function IsoDatePicker({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
