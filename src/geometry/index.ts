/**
 * The MIG geometry engine: pure domain code (no React, no console SDK, no Kubernetes client).
 * Import from here rather than from the individual modules.
 */
export * from './types';
export * from './naming';
export * from './catalog';
export * from './placement';
export * from './layouts';
export * from './prediction';
export * from './migParted';
export * from './configSource';
export * from './predictConfig';
export * from './defaultMigPartedConfig';
export * from './nearestName';
export * from './nonMigProducts';
export * from './fragmentation';
