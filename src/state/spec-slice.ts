// The scene spec being edited in the spec panel: a draft (plain JSON, possibly invalid while the user
// types), its problems named by path, the JSON tab's text, and sections switched off (kept so that
// switching them back on restores them). Generation itself is recorded by the scene slice.
import type { StateCreator } from 'zustand';
import { parseSceneSpec, SceneSpecError, SCENE_SPEC_VERSION, SPEC_LIMITS } from '../core/spec';
import type { DocSlice } from './doc-slice';
import { isRecord, pathKey, readPath, writePath, type SpecPath } from './spec-path';

export type SpecDraft = Record<string, unknown>;

export interface SpecState {
  draft: SpecDraft;
  /** Every problem with the draft, path first: "dungeon.rooms.count: expected 1..500, got 0". */
  issues: readonly string[];
  /** The JSON tab's text while it is not simply the draft printed (being typed, or unparseable). */
  text?: string;
  /** The example the draft was loaded from, while it is unedited. */
  source?: string;
  /** Sections switched off, by path key. */
  stash: Record<string, unknown>;
}

export interface SpecSlice {
  spec: SpecState;
  /** Replaces the whole draft (an example, a file). */
  specLoaded(draft: unknown, source?: string): void;
  /** Sets one field; `undefined` removes it so the schema's default applies. */
  specFieldSet(path: SpecPath, value: unknown): void;
  /** Switches an optional section on (restoring what it held, else `starter`) or off. */
  specSectionSwitched(path: SpecPath, on: boolean, starter: unknown): void;
  /** The JSON tab was edited: the draft follows whenever the text parses to an object. */
  specTextEdited(text: string): void;
}

/** What the panel shows before anything is loaded: a small dungeon that generates quickly. */
export const STARTER_SPEC: SpecDraft = {
  version: SCENE_SPEC_VERSION,
  name: 'Untitled scene',
  seed: 1,
  dungeon: { width: 48, depth: 48, rooms: { count: 12 }, props: { count: 30 } },
};

export function validateDraft(draft: unknown): string[] {
  try {
    parseSceneSpec(draft);
    return [];
  } catch (error) {
    return error instanceof SceneSpecError ? [...error.issues] : [`spec: ${String(error)}`];
  }
}

function edited(s: SpecState, draft: SpecDraft, stash = s.stash): { spec: SpecState } {
  return { spec: { draft, issues: validateDraft(draft), stash } };
}

// Every change is recorded for undo through the doc slice; typing into one field (or the JSON tab)
// merges into one history entry.
type WithHistory = SpecSlice & Pick<DocSlice, 'recordEdit'>;

export const createSpecSlice: StateCreator<WithHistory, [], [], SpecSlice> = (rawSet, get) => {
  type Update = (s: WithHistory) => Partial<WithHistory>;
  const recorded = (label: string, mergeKey?: string) => (update: Update) =>
    get().recordEdit(label, { type: 'editSpec', label }, () => rawSet(update), mergeKey);
  return {
    spec: { draft: STARTER_SPEC, issues: validateDraft(STARTER_SPEC), stash: {} },
    specLoaded: (draft, source) =>
      recorded(`Load ${source ?? 'spec'}`)(() => ({
        spec: {
          draft: isRecord(draft) ? draft : {},
          issues: validateDraft(draft),
          stash: {},
          ...(source ? { source } : {}),
        },
      })),
    specFieldSet: (path, value) =>
      recorded(
        `Edit ${pathKey(path)}`,
        `field:${pathKey(path)}`,
      )((s) => edited(s.spec, writePath(s.spec.draft, path, value) as SpecDraft)),
    specSectionSwitched: (path, on, starter) =>
      recorded(`Turn ${pathKey(path)} ${on ? 'on' : 'off'}`)((s) => {
        const key = pathKey(path);
        const { [key]: kept, ...stash } = s.spec.stash;
        if (on) {
          const value = kept ?? structuredClone(starter);
          return edited(s.spec, writePath(s.spec.draft, path, value) as SpecDraft, stash);
        }
        const current = readPath(s.spec.draft, path);
        return edited(s.spec, writePath(s.spec.draft, path, undefined) as SpecDraft, {
          ...stash,
          [key]: current,
        });
      }),
    specTextEdited: (text) =>
      recorded(
        'Edit spec JSON',
        'json',
      )((s) => {
        const bytes = new TextEncoder().encode(text).length;
        const limit = SPEC_LIMITS.specBytes;
        if (bytes > limit) {
          return {
            spec: {
              ...s.spec,
              text,
              issues: [`spec: ${bytes} bytes is over the ${limit}-byte limit`],
            },
          };
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          const issue = `spec: not valid JSON (${(error as Error).message})`;
          return { spec: { ...s.spec, text, issues: [issue] } };
        }
        if (!isRecord(parsed)) return { spec: { ...s.spec, text, issues: validateDraft(parsed) } };
        return {
          spec: { draft: parsed, issues: validateDraft(parsed), stash: s.spec.stash, text },
        };
      }),
  };
};
