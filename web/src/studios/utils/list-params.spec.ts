import { parseStudioListParams, serializeStudioListParams, toStudiosVariables } from './list-params';

describe('studio list parameters in the URL', () => {
  it('round-trips filters, sort and page, and drops unknown values', () => {
    const parsed = parseStudioListParams(new URLSearchParams('region=220104&q=一汽&kind=GOLD_STUDIO&status=NOPE&sort=OPENED_ON&dir=DESC&page=2&pageSize=50'));
    expect(parsed).toMatchObject({ regionCode: '220104', search: '一汽', kind: 'GOLD_STUDIO', status: undefined, sort: 'OPENED_ON', direction: 'DESC', page: 2, pageSize: 50 });
    expect(parseStudioListParams(serializeStudioListParams(parsed))).toEqual(parsed);
  });

  it('asks the server for the page the table shows', () => {
    const variables = toStudiosVariables(parseStudioListParams(new URLSearchParams('kind=GUIDANCE_STATION&page=3&pageSize=10')));
    expect(variables).toEqual({ filter: { kind: 'GUIDANCE_STATION' }, offset: 20, limit: 10, order: undefined });
  });
});
