export * from './read';
export * from './values';
export * from './lists';
