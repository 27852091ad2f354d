import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { pastDateProblem, periodOrderProblem } from '../utils/field-problems';
import { problemRule, requiredRule } from '../utils/form-rules';
import { IsoDatePicker } from './IsoDatePicker';

export interface RecordFieldConfig {
  name: string;
  labelKey: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'autocomplete';
  required?: boolean;
  /** grid span out of 24 */
  span?: number;
  options?: { value: string | number; label: string }[];
  /** for date fields: this date must not be before the row's `afterField` (a period's end after its start) */
  afterField?: string;
  min?: number;
  max?: number;
  precision?: number;
  maxLength?: number;
  helpKey?: string;
  extraRules?: FormRule[];
}

interface Props {
  /** the form list's name, as the API names the input list (certificates, incidents …) */
  list: string;
  /** i18n keys of the card title and the empty state */
  titleKey: string;
  emptyKey: string;
  fields: RecordFieldConfig[];
  addLabelKey: string;
  /** dates may not fall before it (from the ID number or the stored record) */
  birthDate?: string | null;
  /** values of a newly added row */
  newRow?: Record<string, unknown>;
}

function fieldRules(t: TFunction, list: string, index: number, field: RecordFieldConfig, birthDate: string | null | undefined): FormRule[] {
  const rules: FormRule[] = [];
  if (field.required) rules.push(requiredRule(t, field.labelKey));
  if (field.maxLength) rules.push({ max: field.maxLength, message: t('validation.tooLong', { max: field.maxLength }) });
  if (field.kind === 'date') {
    rules.push(problemRule<string | null>(t, (value) => pastDateProblem(value, { birthDate })));
    if (field.afterField) {
      const afterField = field.afterField;
      rules.push(({ getFieldValue }) => ({
        validator: async (_rule, value: string | null) => {
          const problem = periodOrderProblem(getFieldValue([list, index, afterField]), value);
          if (problem) throw new Error(t(problem.key, problem.values ?? {}));
        },
      }));
    }
  }
  return [...rules, ...(field.extraRules ?? [])];
}

function control(field: RecordFieldConfig, t: TFunction) {
  switch (field.kind) {
    case 'date':
      return <IsoDatePicker placeholder={t('common.datePlaceholder')} />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} precision={field.precision} style={{ width: '100%' }} />;
    case 'select':
      return <Select options={field.options} allowClear={!field.required} popupMatchSelectWidth={false} />;
    case 'autocomplete':
      return (
        <AutoComplete
          options={field.options?.map((option) => ({ value: String(option.value), label: option.label }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        />
      );
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={field.maxLength} />;
    default:
      return <Input maxLength={field.maxLength} />;
  }
}

/** A list of dated records (certificates, work periods, incidents …) as a Form.List of compact rows. */
export function RecordListField({ list, titleKey, emptyKey, fields, addLabelKey, birthDate, newRow }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name={list}>
      {(rows, { add, remove }) => (
        <Card
          size="small"
          title={`${t(titleKey)} (${rows.length})`}
          extra={
            <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => add(newRow ?? {})}>
              {t(addLabelKey)}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid={`form-list-${list}`}
        >
          {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(emptyKey)} style={{ margin: 8 }} /> : null}
          {rows.map((row) => (
            <Row key={row.key} gutter={12} className="registry-sub-record-row" align="top">
              {fields.map((field) => (
                <Col key={field.name} xs={24} sm={12} md={field.span ?? 6}>
                  <Form.Item
                    name={[row.name, field.name]}
                    label={t(field.labelKey)}
                    rules={fieldRules(t, list, row.name, field, birthDate)}
                    dependencies={field.afterField ? [[list, row.name, field.afterField]] : undefined}
                    extra={field.helpKey ? t(field.helpKey) : undefined}
                  >
                    {control(field, t)}
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24} md={2} style={{ paddingTop: 30 }}>
                <Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.remove')} />
              </Col>
            </Row>
          ))}
        </Card>
      )}
    </Form.List>
  );
}
