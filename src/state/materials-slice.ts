// The material browser's and editor's state: the user's own presets (saved from the editor or
// imported from a library file), favourites, the browser's filter, how materials are applied
// (projection, scale), the selected preset and the one open in the editor. Not part of the scene:
// never in the undo history or the scene hash (applying a material is; that is a document command).
//
// The user's presets, favourites, filter, apply options and whether the browser is open persist in localStorage under one
// versioned key. Reading it never throws: missing data starts empty, unreadable data is ignored and
// the reason is kept in `loadProblem` for the store to tell the user once; presets that fail
// validation are dropped one by one, so one bad entry does not lose the rest.
import * as v from 'valibot';
import type { StateCreator } from 'zustand';
import { findPreset, SHIPPED_PRESETS } from '../core/materials/library';
import { PROJECTIONS, type Projection } from '../core/materials/material-ref';
import {
  MATERIAL_FAMILIES,
  MaterialPresetSchema,
  PRESET_ID,
  type MaterialFamily,
  type MaterialPreset,
} from '../core/materials/preset';
import type { NoticeSlice } from './notice-slice';

/** The one localStorage key; the number is the stored format's version. */
export const MATERIALS_STORAGE_KEY = 'canvas3d.materials.v1';
const FORMAT_VERSION = 1;

/** The part of the Web Storage API the slice uses (localStorage, or a stand-in in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface MaterialFilter {
  /** Free text over names, ids and tags. */
  query: string;
  family: MaterialFamily | null;
  favouritesOnly: boolean;
}

export interface MaterialApplyOptions {
  projection: Projection;
  /** Texture repeats per metre (world projections) or per UV unit. 0.05..50 */
  scale: number;
}

export interface MaterialsState {
  userPresets: readonly MaterialPreset[];
  favourites: readonly string[];
  filter: MaterialFilter;
  apply: MaterialApplyOptions;
  /** Whether the material browser is open (it remembers between sessions). */
  browserOpen: boolean;
  /** The browser's selected preset. */
  selected: string | null;
  /** The preset open in the editor; null while it is closed. */
  editing: string | null;
  /** Why saved material data was not (fully) read at start; told once as a notice. */
  loadProblem: string | null;
}

export interface MaterialsSlice {
  materials: MaterialsState;
  materialFilterSet(patch: Partial<MaterialFilter>): void;
  materialApplySet(patch: Partial<MaterialApplyOptions>): void;
  materialSelected(id: string | null): void;
  /** Opens or closes the browser (toggles without an argument). */
  materialBrowserToggled(open?: boolean): void;
  /** Opens the editor on a preset (null closes it). */
  materialEditing(id: string | null): void;
  favouriteToggled(id: string): void;
  /**
   * Adds a user preset, or replaces the user preset with its id. Throws MaterialPresetError when it
   * is invalid or its id is a shipped preset's.
   */
  userPresetSaved(preset: MaterialPreset): void;
  /** Adds or replaces each preset (validated); all or nothing. */
  userPresetsImported(presets: readonly MaterialPreset[]): { added: number; replaced: number };
  userPresetRemoved(id: string): void;
}

export class MaterialPresetError extends Error {
  override name = 'MaterialPresetError';
}

export const DEFAULT_FILTER: MaterialFilter = { query: '', family: null, favouritesOnly: false };
export const DEFAULT_APPLY: MaterialApplyOptions = { projection: 'triplanar', scale: 1 };

const USER_PREFIX = 'user/';

// -- validation --------------------------------------------------------------------------------------

/** The preset with defaults filled, or MaterialPresetError naming the first bad field. */
export function checkPreset(input: unknown): MaterialPreset {
  const r = v.safeParse(MaterialPresetSchema, input);
  if (!r.success) {
    const issue = r.issues[0];
    throw new MaterialPresetError(`${v.getDotPath(issue) ?? 'preset'}: ${issue.message}`);
  }
  return r.output;
}

function checkUserPreset(input: unknown): MaterialPreset {
  const preset = checkPreset(input);
  if (findPreset(SHIPPED_PRESETS, preset.id)) {
    throw new MaterialPresetError(
      `${preset.id} is a shipped preset's id; save it under a new name`,
    );
  }
  return preset;
}

/** Lower-case ASCII words joined by '-', at most `max` characters ('' when nothing is left). */
export function slugify(name: string, max = 56): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** 'user/<slug of name>', with '-2', '-3'… when the id is taken. */
export function userPresetId(name: string, taken: (id: string) => boolean): string {
  const slug = slugify(name) || 'material';
  let id = `${USER_PREFIX}${slug}`;
  for (let n = 2; taken(id); n++) id = `${USER_PREFIX}${slug}-${n}`;
  return id;
}

// -- selectors ---------------------------------------------------------------------------------------

type WithMaterials = { materials: MaterialsState };

let memo: { user: readonly MaterialPreset[]; all: readonly MaterialPreset[] } | null = null;

/** Shipped presets, then the user's. The same array while the user's presets are unchanged. */
export function allPresets(s: WithMaterials): readonly MaterialPreset[] {
  const user = s.materials.userPresets;
  if (memo?.user !== user) memo = { user, all: [...SHIPPED_PRESETS, ...user] };
  return memo.all;
}

/** A preset by id: shipped or the user's; undefined when there is none. */
export function resolvePreset(s: WithMaterials, id: string): MaterialPreset | undefined {
  return findPreset(SHIPPED_PRESETS, id) ?? s.materials.userPresets.find((p) => p.id === id);
}

export function isUserPreset(s: WithMaterials, id: string): boolean {
  return s.materials.userPresets.some((p) => p.id === id);
}

/** Whether `id` names any preset, shipped or the user's (for choosing a free id). */
export function presetIdTaken(s: WithMaterials, id: string): boolean {
  return resolvePreset(s, id) !== undefined;
}

// -- persistence -------------------------------------------------------------------------------------

interface Stored {
  version: number;
  browserOpen: boolean;
  userPresets: MaterialPreset[];
  favourites: string[];
  filter: MaterialFilter;
  apply: MaterialApplyOptions;
}

/** localStorage when the page may use it; null in Node or when storage is blocked. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

interface Loaded {
  browserOpen: boolean;
  userPresets: MaterialPreset[];
  favourites: string[];
  filter: MaterialFilter;
  apply: MaterialApplyOptions;
  problem: string | null;
}

const EMPTY_LOADED: Omit<Loaded, 'problem'> = {
  browserOpen: false,
  userPresets: [],
  favourites: [],
  filter: DEFAULT_FILTER,
  apply: DEFAULT_APPLY,
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function readFilter(x: unknown): MaterialFilter {
  if (!isRecord(x)) return DEFAULT_FILTER;
  return {
    query: typeof x['query'] === 'string' ? x['query'].slice(0, 200) : '',
    family: (MATERIAL_FAMILIES as readonly unknown[]).includes(x['family'])
      ? (x['family'] as MaterialFamily)
      : null,
    favouritesOnly: x['favouritesOnly'] === true,
  };
}

function readApply(x: unknown): MaterialApplyOptions {
  if (!isRecord(x)) return DEFAULT_APPLY;
  const projection = (PROJECTIONS as readonly unknown[]).includes(x['projection'])
    ? (x['projection'] as Projection)
    : DEFAULT_APPLY.projection;
  const s = x['scale'];
  const scale = typeof s === 'number' && s >= 0.05 && s <= 50 ? s : DEFAULT_APPLY.scale;
  return { projection, scale };
}

/** Reads the saved state; never throws. */
export function loadMaterials(storage: KeyValueStorage | null): Loaded {
  let text: string | null;
  try {
    text = storage?.getItem(MATERIALS_STORAGE_KEY) ?? null;
  } catch (error) {
    return { ...EMPTY_LOADED, problem: `Saved materials could not be read (${message(error)})` };
  }
  if (text === null) return { ...EMPTY_LOADED, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ...EMPTY_LOADED,
      problem: 'Saved materials were unreadable (not JSON) and were ignored',
    };
  }
  if (!isRecord(data) || typeof data['version'] !== 'number') {
    return {
      ...EMPTY_LOADED,
      problem: 'Saved materials were unreadable (no format version) and were ignored',
    };
  }
  if (data['version'] !== FORMAT_VERSION) {
    return {
      ...EMPTY_LOADED,
      problem: `Saved materials are in format ${String(data['version'])}, this studio reads ${FORMAT_VERSION}; they were ignored`,
    };
  }
  const presets: MaterialPreset[] = [];
  const dropped: string[] = [];
  const raw = Array.isArray(data['userPresets']) ? data['userPresets'] : [];
  const seen = new Set<string>();
  for (const entry of raw) {
    try {
      const preset = checkUserPreset(entry);
      if (seen.has(preset.id)) throw new MaterialPresetError(`${preset.id} appears twice`);
      seen.add(preset.id);
      presets.push(preset);
    } catch (error) {
      const id = isRecord(entry) && typeof entry['id'] === 'string' ? entry['id'] : '(no id)';
      dropped.push(`${id}: ${message(error)}`);
    }
  }
  const favourites = Array.isArray(data['favourites'])
    ? [...new Set(data['favourites'].filter((f): f is string => typeof f === 'string'))].filter(
        (f) => PRESET_ID.test(f),
      )
    : [];
  const problem =
    dropped.length === 0
      ? null
      : `${dropped.length} saved material preset${dropped.length === 1 ? ' was' : 's were'} invalid and ignored (${dropped.slice(0, 3).join('; ')}${dropped.length > 3 ? '; …' : ''})`;
  return {
    browserOpen: data['browserOpen'] === true,
    userPresets: presets,
    favourites,
    filter: readFilter(data['filter']),
    apply: readApply(data['apply']),
    problem,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toStored(m: MaterialsState): Stored {
  return {
    version: FORMAT_VERSION,
    browserOpen: m.browserOpen,
    userPresets: [...m.userPresets],
    favourites: [...m.favourites],
    filter: m.filter,
    apply: m.apply,
  };
}

// -- the slice ---------------------------------------------------------------------------------------

type Full = MaterialsSlice & NoticeSlice;

/** The slice over `storage` (browserStorage() in the studio; a stand-in or null in tests). */
export function createMaterialsSlice(
  storage: KeyValueStorage | null,
): StateCreator<Full, [], [], MaterialsSlice> {
  return (set, get) => {
    const loaded = loadMaterials(storage);
    let saveFailed = false;

    /** Sets the materials state and writes what persists; a failed write is told once. */
    const update = (patch: Partial<MaterialsState>, persist = true) => {
      const materials = { ...get().materials, ...patch };
      set({ materials });
      if (!persist || !storage) return;
      try {
        storage.setItem(MATERIALS_STORAGE_KEY, JSON.stringify(toStored(materials)));
        saveFailed = false;
      } catch (error) {
        if (!saveFailed) {
          get().notify('error', `Materials could not be saved in this browser: ${message(error)}`);
        }
        saveFailed = true;
      }
    };

    return {
      materials: {
        userPresets: loaded.userPresets,
        favourites: loaded.favourites,
        filter: loaded.filter,
        apply: loaded.apply,
        browserOpen: loaded.browserOpen,
        selected: null,
        editing: null,
        loadProblem: loaded.problem,
      },
      materialFilterSet: (patch) => update({ filter: { ...get().materials.filter, ...patch } }),
      materialApplySet: (patch) => {
        const next = readApply({ ...get().materials.apply, ...patch });
        update({ apply: next });
      },
      materialSelected: (id) => update({ selected: id }, false),
      materialBrowserToggled: (open) =>
        update({ browserOpen: open ?? !get().materials.browserOpen }),
      materialEditing: (id) => update({ editing: id }, false),
      favouriteToggled(id) {
        const favs = get().materials.favourites;
        update({
          favourites: favs.includes(id) ? favs.filter((f) => f !== id) : [...favs, id],
        });
      },
      userPresetSaved(input) {
        const preset = checkUserPreset(input);
        const list = get().materials.userPresets;
        const at = list.findIndex((p) => p.id === preset.id);
        update({
          userPresets: at < 0 ? [...list, preset] : list.map((p, i) => (i === at ? preset : p)),
        });
      },
      userPresetsImported(input) {
        const presets = input.map(checkUserPreset);
        const list = [...get().materials.userPresets];
        let added = 0;
        let replaced = 0;
        for (const preset of presets) {
          const at = list.findIndex((p) => p.id === preset.id);
          if (at < 0) {
            list.push(preset);
            added++;
          } else {
            list[at] = preset;
            replaced++;
          }
        }
        if (added + replaced > 0) update({ userPresets: list });
        return { added, replaced };
      },
      userPresetRemoved(id) {
        const m = get().materials;
        if (!m.userPresets.some((p) => p.id === id)) return;
        update({
          userPresets: m.userPresets.filter((p) => p.id !== id),
          favourites: m.favourites.filter((f) => f !== id),
          selected: m.selected === id ? null : m.selected,
          editing: m.editing === id ? null : m.editing,
        });
      },
    };
  };
}
