// The one import of comlink in the studio (ESLint bans direct imports elsewhere), so the worker
// protocol can be swapped or instrumented in one place.
export { expose, proxy, releaseProxy, transfer, wrap } from 'comlink';
export type { Remote } from 'comlink';
