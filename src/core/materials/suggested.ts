// Suggested materials: two lookup tables, not a model. DEFAULT_PRESETS gives every palette material id
// the generators use (SCENE_MATERIALS) the preset it renders with once procedural materials are on;
// SUGGESTED_MATERIALS lists, per kind of object, the presets that suit it and the part each one plays
// (a barrel's staves and its iron bands), for the inspector's "suggested" row. Every id here is a
// shipped preset (test/unit/material-suggested.test.ts checks it).
import { PROP_KINDS } from '../spec/schema';

/** Palette material id → preset id, for every key of SCENE_MATERIALS. */
export const DEFAULT_PRESETS: Readonly<Record<string, string>> = {
  // dungeon modular pieces
  'dungeon:stone-floor': 'stone/flagstone-dungeon',
  'dungeon:ceiling': 'stone/stone-rough-hewn',
  'dungeon:stone-wall': 'stone/stone-blocks-dungeon',
  'dungeon:wood-dark': 'wood/dungeon-beams',
  // dungeon props
  'prop:wood': 'wood/oak-grain',
  'prop:wood-dark': 'wood/walnut-planks',
  'prop:stone': 'stone/limestone',
  'prop:torch': 'liquid/torch-flame',
  // terrain surface layers
  'terrain:grass': 'nature/grass',
  'terrain:rock': 'stone/rock-cliff',
  'terrain:snow': 'ground/snow',
  'terrain:sand': 'ground/sand',
  'terrain:dirt': 'ground/dirt',
  // scattered instances
  'scatter:bark': 'nature/bark-oak',
  'scatter:foliage': 'nature/foliage',
  'scatter:rock': 'stone/rock-weathered',
  'scatter:grass': 'nature/grass-wild',
  // primitives
  ground: 'ground/dirt-path',
};

/** For an id nobody listed: the first word of the id found here decides ('prop:iron' → iron). */
const KEYWORD_PRESETS: Readonly<Record<string, string>> = {
  wood: 'wood/oak-grain',
  plank: 'wood/oak-planks',
  stone: 'stone/limestone',
  rock: 'stone/rock-weathered',
  brick: 'brick/red',
  tile: 'tile/white-square',
  concrete: 'concrete/plain',
  metal: 'metal/steel-brushed',
  iron: 'metal/iron-wrought',
  steel: 'metal/steel-brushed',
  gold: 'metal/gold-polished',
  glass: 'glass/clear',
  water: 'liquid/water-clear',
  lava: 'liquid/lava-crust',
  grass: 'nature/grass',
  leaf: 'nature/foliage',
  foliage: 'nature/foliage',
  bark: 'nature/bark-oak',
  dirt: 'ground/dirt',
  mud: 'ground/mud',
  sand: 'ground/sand',
  snow: 'ground/snow',
  ice: 'ground/ice',
  fabric: 'fabric/linen',
  cloth: 'fabric/canvas',
  leather: 'leather/brown',
  plastic: 'plastic/glossy-white',
  rubber: 'rubber/black',
  paper: 'paper/white',
};

/** What anything else gets: a plain light matte surface, like the palette's DEFAULT_MATERIAL. */
export const FALLBACK_PRESET = 'paint/wall-white-flat';

/** The preset a palette material id renders with: its entry, else a keyword in it, else the fallback. */
export function defaultPresetFor(paletteId: string): string {
  if (Object.hasOwn(DEFAULT_PRESETS, paletteId)) return DEFAULT_PRESETS[paletteId]!;
  for (const word of paletteId.toLowerCase().split(/[^a-z]+/)) {
    const stem = word.endsWith('s') ? word.slice(0, -1) : word;
    for (const w of [word, stem]) {
      if (w && Object.hasOwn(KEYWORD_PRESETS, w)) return KEYWORD_PRESETS[w]!;
    }
  }
  return FALLBACK_PRESET;
}

export interface SuggestedMaterial {
  preset: string;
  /** The part of the object it is for, or the look it gives ('staves', 'bands', 'mossy'). */
  role: string;
}

/** Object kinds with suggestions: dungeon props, dungeon pieces, terrain zones, scatter, primitives. */
export const SUGGESTION_OBJECTS = [
  ...PROP_KINDS,
  'dungeon-floor',
  'dungeon-wall',
  'dungeon-ceiling',
  'dungeon-door',
  'terrain-grass',
  'terrain-rock',
  'terrain-snow',
  'terrain-sand',
  'terrain-dirt',
  'tree-trunk',
  'tree-foliage',
  'rock',
  'grass',
  'box',
  'sphere',
  'cylinder',
  'cone',
  'torus',
  'plane',
] as const;
export type SuggestionObject = (typeof SUGGESTION_OBJECTS)[number];

const s = (preset: string, role: string): SuggestedMaterial => ({ preset, role });

export const SUGGESTED_MATERIALS: Readonly<Record<SuggestionObject, readonly SuggestedMaterial[]>> =
  {
    barrel: [
      s('wood/oak-planks', 'staves'),
      s('metal/iron-wrought', 'bands'),
      s('wood/barn-wood', 'staves, weathered'),
      s('metal/iron-rusted', 'bands, rusted'),
      s('metal/brass-hammered', 'bands, brass'),
    ],
    crate: [
      s('wood/crate-planks', 'slats'),
      s('wood/pine-rough', 'frame'),
      s('metal/iron-wrought', 'corner brackets'),
      s('wood/osb', 'panels, modern'),
      s('paper/cardboard-box', 'cardboard box'),
    ],
    table: [
      s('wood/oak-grain', 'top'),
      s('wood/walnut-planks', 'top, dark'),
      s('wood/pine-rough', 'legs'),
      s('metal/iron-wrought', 'fittings'),
      s('fabric/linen', 'tablecloth'),
    ],
    chair: [
      s('wood/oak-grain', 'frame'),
      s('leather/brown', 'seat'),
      s('fabric/velvet-crimson', 'upholstery'),
      s('wood/wicker', 'woven seat'),
    ],
    pillar: [
      s('stone/stone-blocks', 'shaft, masonry'),
      s('stone/marble-carrara', 'shaft, polished'),
      s('stone/limestone', 'shaft, carved'),
      s('stone/rock-mossy', 'ruined, mossy'),
    ],
    chest: [
      s('wood/walnut-planks', 'body'),
      s('metal/iron-wrought', 'bands and hinges'),
      s('metal/brass-polished', 'lock plate'),
      s('metal/gold-hammered', 'treasure trim'),
      s('fabric/velvet-crimson', 'lining'),
    ],
    torch: [
      s('wood/charred', 'handle'),
      s('liquid/torch-flame', 'flame'),
      s('metal/iron-wrought', 'sconce'),
      s('fabric/burlap', 'wrapping'),
    ],
    bookshelf: [
      s('wood/walnut-planks', 'shelves'),
      s('wood/mahogany-varnished', 'shelves, polished'),
      s('leather/green-book', 'book spines'),
      s('paper/book-pages', 'page edges'),
    ],
    rubble: [
      s('ground/rubble', 'debris'),
      s('stone/stone-blocks-dungeon', 'broken blocks'),
      s('concrete/cracked', 'broken concrete'),
      s('ground/gravel', 'grit'),
    ],
    'dungeon-floor': [
      s('stone/flagstone-dungeon', 'flagstones'),
      s('tile/dungeon-floor', 'old tiles'),
      s('stone/cobblestone', 'cobbles'),
      s('ground/gravel-dungeon', 'grit and dirt'),
    ],
    'dungeon-wall': [
      s('stone/stone-blocks-dungeon', 'stone bricks'),
      s('brick/dungeon', 'brick'),
      s('stone/stone-wall-dry', 'rough stacked stone'),
      s('stone/stone-cave', 'cave rock'),
    ],
    'dungeon-ceiling': [
      s('stone/stone-rough-hewn', 'hewn rock'),
      s('stone/stone-cave', 'cave rock'),
      s('wood/dungeon-beams', 'timber beams'),
    ],
    'dungeon-door': [
      s('wood/dungeon-beams', 'planks'),
      s('metal/iron-wrought', 'straps and studs'),
      s('metal/iron-rusted', 'rusted iron'),
      s('wood/charred', 'burnt'),
    ],
    'terrain-grass': [
      s('nature/grass', 'grass'),
      s('nature/grass-wild', 'meadow'),
      s('nature/grass-dry', 'dry grass'),
      s('nature/moss', 'moss'),
      s('nature/forest-floor', 'forest floor'),
    ],
    'terrain-rock': [
      s('stone/rock-cliff', 'cliff'),
      s('stone/rock-weathered', 'weathered rock'),
      s('stone/rock-mossy', 'mossy rock'),
      s('stone/sandstone-red', 'canyon'),
      s('stone/shale', 'layered rock'),
    ],
    'terrain-snow': [
      s('ground/snow', 'fresh snow'),
      s('ground/snow-wind', 'wind-blown snow'),
      s('ground/snow-packed', 'packed snow'),
      s('ground/ice', 'ice'),
    ],
    'terrain-sand': [
      s('ground/sand', 'sand'),
      s('ground/sand-beach', 'wet beach'),
      s('ground/sand-dunes', 'dunes'),
      s('ground/sand-red', 'red desert'),
    ],
    'terrain-dirt': [
      s('ground/dirt', 'dirt'),
      s('ground/mud', 'mud'),
      s('ground/mud-cracked', 'dried mud'),
      s('ground/soil-loam', 'loam'),
      s('ground/scree', 'scree'),
    ],
    'tree-trunk': [
      s('nature/bark-oak', 'oak'),
      s('nature/bark-pine', 'pine'),
      s('nature/bark-birch', 'birch'),
      s('nature/bark-redwood', 'redwood'),
      s('nature/bark-dead', 'dead tree'),
    ],
    'tree-foliage': [
      s('nature/foliage', 'summer leaves'),
      s('nature/leaves-autumn', 'autumn leaves'),
      s('nature/hedge', 'dense leaves'),
      s('nature/ivy', 'ivy'),
    ],
    rock: [
      s('stone/rock-weathered', 'boulder'),
      s('stone/rock-granite-boulder', 'granite'),
      s('stone/rock-mossy', 'mossy'),
      s('stone/basalt', 'basalt'),
      s('stone/sandstone', 'sandstone'),
    ],
    grass: [
      s('nature/grass-wild', 'wild grass'),
      s('nature/grass', 'grass'),
      s('nature/grass-dry', 'dry grass'),
      s('nature/flower-meadow', 'flowers'),
    ],
    box: [
      s('wood/crate-planks', 'crate'),
      s('concrete/plain', 'concrete block'),
      s('metal/steel-plates', 'metal box'),
      s('paper/cardboard-box', 'cardboard'),
    ],
    sphere: [
      s('plastic/red-glossy', 'ball'),
      s('metal/chrome-polished', 'chrome ball'),
      s('glass/clear', 'glass ball'),
      s('gem/pearl', 'pearl'),
      s('stone/marble-carrara', 'marble'),
    ],
    cylinder: [
      s('metal/steel-brushed', 'metal tube'),
      s('stone/marble-carrara', 'column'),
      s('wood/oak-grain', 'log, cut'),
      s('plastic/pvc-pipe', 'pipe'),
    ],
    cone: [
      s('plastic/yellow-matte', 'traffic cone'),
      s('metal/copper-polished', 'copper'),
      s('ground/sand', 'sand pile'),
    ],
    torus: [
      s('rubber/tyre-tread', 'tyre'),
      s('metal/gold-polished', 'ring'),
      s('plastic/glossy-white', 'plastic ring'),
    ],
    plane: [
      s('ground/dirt-path', 'ground'),
      s('tile/white-square', 'tiled floor'),
      s('wood/oak-parquet', 'parquet floor'),
      s('liquid/water-clear', 'water'),
      s('concrete/polished', 'concrete floor'),
    ],
  };

/** Suggestions for an object kind; none for a kind not in the table. */
export function suggestedMaterials(kind: string): readonly SuggestedMaterial[] {
  return Object.hasOwn(SUGGESTED_MATERIALS, kind)
    ? SUGGESTED_MATERIALS[kind as SuggestionObject]
    : [];
}
