export * from './database';
export * from './keys';
