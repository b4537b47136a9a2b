export * from './read';
export * from './values';
export * from './lists';
export * from './companies';
