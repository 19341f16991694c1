// Store hooks for one form field: its draft value, its problems, and the setter. Each selects only
// what its field shows, so typing in one field re-renders that field alone.
import { useCallback } from 'react';
import { issuePath, issuesAt, pathKey, readPath, type SpecPath } from '../../state/spec-path';
import { useStudio, useStudioStore } from '../../state/store-context';

export function useDraftValue(path: SpecPath): unknown {
  return useStudio((s) => readPath(s.spec.draft, path));
}

/** Problems named at this field (and, for vectors and lists, at its elements), one per line. */
export function useFieldIssues(path: SpecPath, elements = true): string {
  const key = pathKey(path);
  return useStudio((s) =>
    (elements
      ? issuesAt(s.spec.issues, key)
      : s.spec.issues.filter((i) => issuePath(i) === key)
    ).join('\n'),
  );
}

/** How many problems lie anywhere inside a section or list item. */
export function useIssueCount(path: SpecPath): number {
  const key = pathKey(path);
  return useStudio((s) => {
    let n = 0;
    for (const issue of s.spec.issues) {
      const p = issuePath(issue);
      if (p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) n++;
    }
    return n;
  });
}

export function useSetField(): (path: SpecPath, value: unknown) => void {
  const store = useStudioStore();
  return useCallback((path, value) => store.getState().specFieldSet(path, value), [store]);
}

/** A DOM id for a field, from its path key. */
export const fieldId = (path: SpecPath): string => `spec-${pathKey(path).replace(/[^\w-]/g, '_')}`;
