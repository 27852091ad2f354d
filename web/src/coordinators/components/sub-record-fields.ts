import type { TFunction } from 'i18next';
import { WORK_RECORD_KINDS } from '@registry/domain';
import type { SubRecordList } from '../utils/form-values';
import { DISCIPLINARY_KIND_SUGGESTIONS, MAJOR_SUGGESTIONS, OCCUPATION_SUGGESTIONS, TRAINING_RESULT_SUGGESTIONS } from '../utils/suggestions';
import type { RecordFieldConfig } from '../../app/components/RecordListField';

const suggestions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** The fields of each sub-record list on the coordinator form (spans add up to at most 22 of 24). */
export function subRecordFields(t: TFunction): Record<SubRecordList, { fields: RecordFieldConfig[]; addLabelKey: string; newRow?: Record<string, unknown> }> {
  const enumOptions = (prefix: string, values: readonly (string | number)[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return {
    certificates: {
      addLabelKey: 'coordinator.certificate.add',
      newRow: { occupation: '劳动关系协调员' },
      fields: [
        { name: 'occupation', labelKey: 'coordinator.certificate.occupation', kind: 'autocomplete', required: true, span: 5, maxLength: 100, options: suggestions(OCCUPATION_SUGGESTIONS) },
        { name: 'level', labelKey: 'coordinator.certificate.level', kind: 'select', required: true, span: 4, options: enumOptions('enums.certificateLevel', [5, 4, 3, 2, 1]) },
        { name: 'issuedOn', labelKey: 'coordinator.certificate.issuedOn', kind: 'date', required: true, span: 4 },
        { name: 'certificateNumber', labelKey: 'coordinator.certificate.certificateNumber', kind: 'text', span: 3, maxLength: 64 },
        { name: 'issuer', labelKey: 'coordinator.certificate.issuer', kind: 'text', span: 3, maxLength: 200 },
        { name: 'title', labelKey: 'coordinator.certificate.title', kind: 'text', span: 3, maxLength: 100 },
      ],
    },
    educations: {
      addLabelKey: 'coordinator.education.add',
      fields: [
        {
          name: 'level',
          labelKey: 'coordinator.education.level',
          kind: 'select',
          required: true,
          span: 5,
          options: enumOptions('enums.educationLevel', ['SECONDARY_OR_BELOW', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR']),
        },
        { name: 'major', labelKey: 'coordinator.education.major', kind: 'autocomplete', required: true, span: 6, maxLength: 100, options: suggestions(MAJOR_SUGGESTIONS) },
        { name: 'school', labelKey: 'coordinator.education.school', kind: 'text', span: 6, maxLength: 200 },
        { name: 'graduatedOn', labelKey: 'coordinator.education.graduatedOn', kind: 'date', span: 5 },
      ],
    },
    workPeriods: {
      addLabelKey: 'coordinator.workPeriod.add',
      newRow: { occupation: '劳动关系协调员' },
      fields: [
        { name: 'start', labelKey: 'coordinator.workPeriod.start', kind: 'date', required: true, span: 5 },
        { name: 'end', labelKey: 'coordinator.workPeriod.end', kind: 'date', span: 5, afterField: 'start', helpKey: 'coordinator.workPeriod.endHelp' },
        { name: 'occupation', labelKey: 'coordinator.workPeriod.occupation', kind: 'autocomplete', required: true, span: 6, maxLength: 100, options: suggestions(OCCUPATION_SUGGESTIONS) },
        { name: 'employer', labelKey: 'coordinator.workPeriod.employer', kind: 'text', span: 6, maxLength: 200 },
      ],
    },
    trainings: {
      addLabelKey: 'coordinator.training.add',
      fields: [
        { name: 'course', labelKey: 'coordinator.training.course', kind: 'text', required: true, span: 5, maxLength: 200 },
        { name: 'hours', labelKey: 'coordinator.training.hours', kind: 'number', required: true, span: 2, min: 0, max: 10000 },
        { name: 'completedOn', labelKey: 'coordinator.training.completedOn', kind: 'date', required: true, span: 4 },
        { name: 'provider', labelKey: 'coordinator.training.provider', kind: 'text', span: 4, maxLength: 200 },
        { name: 'result', labelKey: 'coordinator.training.result', kind: 'autocomplete', span: 2, maxLength: 50, options: suggestions(TRAINING_RESULT_SUGGESTIONS) },
        {
          name: 'subsidyKind',
          labelKey: 'coordinator.training.subsidyKind',
          kind: 'select',
          span: 3,
          options: enumOptions('enums.subsidyKind', ['VOCATIONAL_TRAINING', 'SKILL_UPGRADE', 'LIVING_ALLOWANCE']),
        },
        { name: 'subsidyAmount', labelKey: 'coordinator.training.subsidyAmount', kind: 'number', span: 2, min: 0, precision: 2 },
      ],
    },
    honors: {
      addLabelKey: 'coordinator.honor.add',
      fields: [
        { name: 'title', labelKey: 'coordinator.honor.title', kind: 'text', required: true, span: 8, maxLength: 200 },
        { name: 'level', labelKey: 'coordinator.honor.level', kind: 'select', required: true, span: 4, options: enumOptions('enums.honorLevel', ['NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY']) },
        { name: 'awardedOn', labelKey: 'coordinator.honor.awardedOn', kind: 'date', required: true, span: 4 },
        { name: 'issuer', labelKey: 'coordinator.honor.issuer', kind: 'text', span: 6, maxLength: 200 },
      ],
    },
    disciplinaryRecords: {
      addLabelKey: 'coordinator.disciplinaryRecord.add',
      fields: [
        { name: 'kind', labelKey: 'coordinator.disciplinaryRecord.kind', kind: 'autocomplete', required: true, span: 6, maxLength: 100, options: suggestions(DISCIPLINARY_KIND_SUGGESTIONS) },
        { name: 'occurredOn', labelKey: 'coordinator.disciplinaryRecord.occurredOn', kind: 'date', required: true, span: 5 },
        { name: 'description', labelKey: 'coordinator.disciplinaryRecord.description', kind: 'textarea', span: 11, maxLength: 1000 },
      ],
    },
    workRecords: {
      addLabelKey: 'coordinator.workRecord.add',
      newRow: { count: 1 },
      fields: [
        {
          name: 'kind',
          labelKey: 'coordinator.workRecord.kind',
          kind: 'select',
          required: true,
          span: 5,
          options: enumOptions('enums.workRecordKind', [...WORK_RECORD_KINDS]),
        },
        { name: 'count', labelKey: 'coordinator.workRecord.count', kind: 'number', required: true, span: 3, min: 0, precision: 0 },
        { name: 'recordedOn', labelKey: 'coordinator.workRecord.recordedOn', kind: 'date', required: true, span: 5 },
        { name: 'description', labelKey: 'coordinator.workRecord.description', kind: 'textarea', span: 9, maxLength: 1000 },
      ],
    },
  };
}
