import { fieldPath, fieldReason, hasErrorCode, readApiErrors } from './graphql-errors';

describe('readApiErrors', () => {
  it('reads code, field and reason from GraphQL errors', () => {
    const combined = {
      errors: [
        {
          message: 'certificates[0].issuedOn: 日期 2099-01-01 晚于今天',
          extensions: { code: 'BAD_USER_INPUT', field: 'certificates[0].issuedOn', reason: '日期 2099-01-01 晚于今天' },
        },
      ],
    };
    expect(readApiErrors(combined)).toEqual([
      {
        code: 'BAD_USER_INPUT',
        message: 'certificates[0].issuedOn: 日期 2099-01-01 晚于今天',
        field: 'certificates[0].issuedOn',
        reason: '日期 2099-01-01 晚于今天',
        extensions: combined.errors[0].extensions,
      },
    ]);
  });

  it('treats anything else as a network error', () => {
    expect(readApiErrors(new Error('Failed to fetch'))).toEqual([{ code: 'NETWORK_ERROR', message: 'Failed to fetch', extensions: {} }]);
    expect(readApiErrors(null)).toEqual([]);
  });

  it('finds a code', () => {
    const conflict = { errors: [{ message: '已被他人修改', extensions: { code: 'CONFLICT', field: 'version' } }] };
    expect(hasErrorCode(conflict, 'CONFLICT')).toBe(true);
    expect(hasErrorCode(conflict, 'NOT_FOUND')).toBe(false);
  });
});

describe('fieldPath', () => {
  it('turns the server field into a form name path', () => {
    expect(fieldPath('idNumber')).toEqual(['idNumber']);
    expect(fieldPath('certificates[0].issuedOn')).toEqual(['certificates', 0, 'issuedOn']);
    expect(fieldPath('workPeriods[12].end')).toEqual(['workPeriods', 12, 'end']);
  });
});

describe('fieldReason', () => {
  it('drops the field prefix when no reason is given', () => {
    expect(fieldReason({ code: 'BAD_USER_INPUT', message: 'idNumber: 校验码错误，应为X', field: 'idNumber', extensions: {} })).toBe('校验码错误，应为X');
  });
});
