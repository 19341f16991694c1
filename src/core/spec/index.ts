// The scene spec: schema (types derived from it), limits, migrations and validation.
export * from './schema';
export * from './limits';
export { migrateSpec, SPEC_MIGRATIONS, type SpecMigration } from './migrations';
export { parseSceneSpec, parseSceneSpecText, SceneSpecError, crossFieldIssues } from './validate';
