// The notice 吉三方〔2021〕1号 as code. Pure TypeScript: no framework imports here.
// Each module appends its own export line.
export * from './accounts';
export * from './regions';
export * from './identity';
export * from './industry';
export * from './enterprise-size';
export * from './dates';
export * from './eligibility';
export * from './calendar';
export * from './coverage';
export * from './import-values';
export * from './awards';
export * from './person-name';
export * from './privacy';
export * from './reminders';
export * from './data-quality';
export * from './geo';
export * from './spreadsheet-cells';
export * from './coordinator-category';
export * from './audit';
export * from './work-records';
