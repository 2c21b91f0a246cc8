export * from './accounts';
export * from './common';
export * from './dev';
export * from './help';
export * from './home';
export * from './preferences';
export * from './profiles';
