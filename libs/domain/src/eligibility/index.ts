export * from './tables';
export * from './evaluate';
