// Metals: real metals (their specular colour as the albedo) crossed with the finishes that suit them.
// A finish is a different recipe (pattern, relief, roughness band), not a tint: polished metal is
// near-flat low-roughness noise, brushed is anisotropic streaks, hammered is dents, rust and patina
// are warped non-metal corrosion over the metal, plate/perforated/mesh are geometric.
import type { MaterialParams } from '../preset';
import { definePresets, range, type ParamInput, type PresetEntry } from './define';

interface Metal {
  name: string;
  /** Specular colour, a darker variant, and the colour of deep recesses. */
  colors: [string, string, string];
  /** Roughness of its polished finish: softer or oxidising metals never polish as bright. */
  polish: number;
  tags: string[];
}

const METALS = {
  gold: { name: 'Gold', colors: ['#f5c65a', '#d9a441', '#6b4a14'], polish: 0.1, tags: ['gold', 'yellow', 'precious', 'jewellery'] },
  'rose-gold': { name: 'Rose Gold', colors: ['#eab4a0', '#d0917c', '#5e3328'], polish: 0.14, tags: ['rose gold', 'pink', 'precious', 'jewellery'] },
  silver: { name: 'Silver', colors: ['#e9e7e3', '#cbc8c2', '#4a4846'], polish: 0.14, tags: ['silver', 'white', 'precious', 'cutlery'] },
  platinum: { name: 'Platinum', colors: ['#d6d1c7', '#bdb7ac', '#4c4840'], polish: 0.24, tags: ['platinum', 'grey', 'precious'] },
  copper: { name: 'Copper', colors: ['#e39a72', '#c87552', '#5a2c18'], polish: 0.12, tags: ['copper', 'orange', 'red', 'pipes'] },
  brass: { name: 'Brass', colors: ['#d8b766', '#b8963f', '#5a4318'], polish: 0.16, tags: ['brass', 'yellow', 'fittings'] },
  bronze: { name: 'Bronze', colors: ['#b88a55', '#98693a', '#4a3018'], polish: 0.22, tags: ['bronze', 'brown', 'statue'] },
  iron: { name: 'Iron', colors: ['#7e7b77', '#5e5b57', '#262422'], polish: 0.3, tags: ['iron', 'grey', 'dark'] },
  steel: { name: 'Steel', colors: ['#a9adb1', '#8c9094', '#3a3c3e'], polish: 0.12, tags: ['steel', 'grey', 'industrial'] },
  stainless: { name: 'Stainless Steel', colors: ['#c3c7cb', '#a9adb2', '#505356'], polish: 0.2, tags: ['stainless', 'steel', 'kitchen'] },
  aluminium: { name: 'Aluminium', colors: ['#d5d7d9', '#bfc2c5', '#5c5f62'], polish: 0.28, tags: ['aluminium', 'aluminum', 'light grey'] },
  titanium: { name: 'Titanium', colors: ['#a39b92', '#8a8279', '#3e3a35'], polish: 0.26, tags: ['titanium', 'grey', 'aerospace'] },
  chrome: { name: 'Chrome', colors: ['#f2f4f6', '#d8dce0', '#3a3d40'], polish: 0.03, tags: ['chrome', 'mirror', 'shiny'] },
  nickel: { name: 'Nickel', colors: ['#d3c9b4', '#b9af9a', '#4e4838'], polish: 0.18, tags: ['nickel', 'warm grey'] },
  zinc: { name: 'Zinc', colors: ['#aeb6bb', '#959ea4', '#454b4f'], polish: 0.35, tags: ['zinc', 'blue grey'] },
  pewter: { name: 'Pewter', colors: ['#8f8f8b', '#77776f', '#33332f'], polish: 0.34, tags: ['pewter', 'grey', 'tableware'] },
  lead: { name: 'Lead', colors: ['#6f737c', '#5c6069', '#2a2c30'], polish: 0.5, tags: ['lead', 'dark grey', 'roofing'] },
  gunmetal: { name: 'Gunmetal', colors: ['#4a4d53', '#3a3d42', '#1a1b1d'], polish: 0.2, tags: ['gunmetal', 'dark', 'black'] },
  tin: { name: 'Tin', colors: ['#c6c6bd', '#aeaea4', '#4e4e48'], polish: 0.3, tags: ['tin', 'can', 'grey'] },
} satisfies Record<string, Metal>;
type MetalKey = keyof typeof METALS;

interface Finish {
  /** Name pattern: '%' is the metal's name. */
  name: string;
  tags: string[];
  params: (m: Metal) => ParamInput;
}

const metal = range(1, 1);

const FINISHES = {
  polished: {
    name: 'Polished %',
    tags: ['polished', 'shiny', 'smooth'],
    params: (m) => ({ pattern: 'noise', scale: 2, detail: 0.04, height: 0.02, warp: 0.1, colorVariation: 0.03, colors: m.colors, roughness: range(m.polish, m.polish + 0.05), metalness: metal }),
  },
  brushed: {
    name: 'Brushed %',
    tags: ['brushed', 'satin', 'anisotropic'],
    params: (m) => ({ pattern: 'brushed', scale: 8, density: 0.7, stretch: 8, height: 0.08, detail: 0.25, colorVariation: 0.05, colors: m.colors, roughness: range(Math.min(0.9, m.polish + 0.15), Math.min(1, m.polish + 0.3)), metalness: metal }),
  },
  hammered: {
    name: 'Hammered %',
    tags: ['hammered', 'dented', 'handmade'],
    params: (m) => ({ pattern: 'hammered', scale: 6, density: 0.6, jitter: 0.6, height: 0.45, detail: 0.1, colorVariation: 0.08, colors: m.colors, roughness: range(m.polish, m.polish + 0.14), metalness: metal, ao: 0.4 }),
  },
  scratched: {
    name: 'Scratched %',
    tags: ['scratched', 'used', 'worn'],
    params: (m) => ({ pattern: 'brushed', scale: 3, density: 0.22, stretch: 3, jitter: 0.9, warp: 0.5, height: 0.12, detail: 0.4, colors: m.colors, roughness: range(m.polish, m.polish + 0.4), metalness: metal, wear: 0.3 }),
  },
  rusted: {
    name: 'Rusted %',
    tags: ['rusted', 'rust', 'corroded', 'orange', 'old'],
    params: (m) => ({ pattern: 'noise', scale: 3, warp: 0.6, detail: 0.7, jitter: 0.5, colorVariation: 0.35, height: 0.3, colors: [m.colors[1], '#8a4a22', '#4a2412'], roughness: range(0.45, 0.95), metalness: range(0, 0.85), wear: 0.2 }),
  },
  patina: {
    name: '%, Green Patina',
    tags: ['patina', 'verdigris', 'green', 'aged', 'outdoor'],
    params: (m) => ({ pattern: 'noise', scale: 4, warp: 0.75, detail: 0.55, colorVariation: 0.25, height: 0.2, colors: [m.colors[0], '#5fa58c', '#2f5e4e'], roughness: range(0.3, 0.85), metalness: range(0, 1), wear: 0.35 }),
  },
  tarnished: {
    name: 'Tarnished %',
    tags: ['tarnished', 'aged', 'dull', 'antique'],
    params: (m) => ({ pattern: 'noise', scale: 5, warp: 0.4, detail: 0.5, colorVariation: 0.2, height: 0.05, colors: [m.colors[0], '#5a5048', '#2a2420'], roughness: range(0.2, 0.55), metalness: range(0.7, 1), wear: 0.4 }),
  },
  'diamond-plate': {
    name: '% Diamond Plate',
    tags: ['diamond plate', 'tread', 'floor', 'industrial', 'checker plate'],
    params: (m) => ({ pattern: 'dots', scale: 10, density: 0.55, stretch: 2.6, jitter: 0, height: 0.55, detail: 0.2, colors: m.colors, roughness: range(0.25, 0.45), metalness: metal, ao: 0.6, wear: 0.25 }),
  },
  perforated: {
    name: 'Perforated %',
    tags: ['perforated', 'holes', 'grille', 'industrial'],
    params: (m) => ({ pattern: 'dots', scale: 14, density: 0.45, groove: 0.2, jitter: 0, height: 0.7, detail: 0.1, colors: [m.colors[0], m.colors[1], '#0c0c0c'], roughness: range(0.3, 0.4), metalness: range(0, 1), ao: 0.8 }),
  },
  corrugated: {
    name: 'Corrugated %',
    tags: ['corrugated', 'sheet', 'roofing', 'wall', 'industrial'],
    params: (m) => ({ pattern: 'stripes', scale: 12, density: 0.5, groove: 0, height: 0.75, detail: 0.15, warp: 0, colors: m.colors, roughness: range(0.32, 0.5), metalness: metal, ao: 0.6 }),
  },
  galvanized: {
    name: 'Galvanized %',
    tags: ['galvanized', 'spangle', 'industrial', 'outdoor'],
    params: (m) => ({ pattern: 'voronoi', scale: 5, jitter: 0.85, groove: 0.005, colorVariation: 0.3, height: 0.04, detail: 0.2, colors: m.colors, roughness: range(0.22, 0.55), metalness: metal }),
  },
  sandblasted: {
    name: 'Sandblasted %',
    tags: ['sandblasted', 'bead blasted', 'matte'],
    params: (m) => ({ pattern: 'noise', scale: 32, detail: 0.85, height: 0.08, colorVariation: 0.04, warp: 0, colors: m.colors, roughness: range(0.55, 0.7), metalness: metal }),
  },
  cast: {
    name: 'Cast %',
    tags: ['cast', 'rough', 'foundry'],
    params: (m) => ({ pattern: 'noise', scale: 12, detail: 0.7, warp: 0.3, height: 0.22, colorVariation: 0.12, colors: [m.colors[1], m.colors[2], m.colors[2]], roughness: range(0.6, 0.85), metalness: range(0.8, 1), ao: 0.7 }),
  },
  wrought: {
    name: 'Wrought %',
    tags: ['wrought', 'forged', 'blackened', 'blacksmith'],
    params: (m) => ({ pattern: 'hammered', scale: 3, density: 0.4, jitter: 0.8, warp: 0.4, height: 0.35, detail: 0.5, colorVariation: 0.2, colors: [m.colors[1], '#2b2a29', '#141312'], roughness: range(0.45, 0.75), metalness: range(0.6, 0.95), wear: 0.5 }),
  },
  damascus: {
    name: 'Damascus %',
    tags: ['damascus', 'pattern welded', 'blade', 'wavy'],
    params: (m) => ({ pattern: 'marble', scale: 3, warp: 0.8, stretch: 3, detail: 0.2, density: 0.8, height: 0.06, colors: [m.colors[0], '#2e3034', '#1c1d20'], roughness: range(0.18, 0.32), metalness: metal }),
  },
  'heat-tinted': {
    name: 'Heat-Tinted %',
    tags: ['heat tint', 'rainbow', 'blue', 'purple', 'exhaust'],
    params: (m) => ({ pattern: 'ripples', scale: 2, warp: 0.6, density: 0.3, detail: 0.1, height: 0.03, colorVariation: 0.1, colors: ['#c8a060', '#4a5fb0', m.colors[2]], roughness: range(0.15, 0.25), metalness: metal }),
  },
  plates: {
    name: 'Riveted % Plates',
    tags: ['plates', 'riveted', 'panels', 'hull', 'wall'],
    params: (m) => ({ pattern: 'tiles', scale: 2, groove: 0.015, jitter: 0.1, colorVariation: 0.15, height: 0.3, detail: 0.35, colors: m.colors, roughness: range(0.3, 0.55), metalness: metal, ao: 0.7, wear: 0.3 }),
  },
  mesh: {
    name: '% Wire Mesh',
    tags: ['wire mesh', 'woven', 'grille', 'fence'],
    params: (m) => ({ pattern: 'weave', scale: 16, density: 0.5, groove: 0.3, height: 0.8, detail: 0.05, colors: [m.colors[0], m.colors[1], '#080808'], roughness: range(0.3, 0.45), metalness: range(0, 1), ao: 0.8 }),
  },
  chainmail: {
    name: '% Chainmail',
    tags: ['chainmail', 'rings', 'armour', 'medieval'],
    params: (m) => ({ pattern: 'scales', scale: 16, density: 0.5, groove: 0.15, height: 0.7, jitter: 0.05, colors: [m.colors[0], m.colors[1], '#101010'], roughness: range(0.3, 0.5), metalness: range(0.2, 1), ao: 0.8, wear: 0.2 }),
  },
  leaf: {
    name: '% Leaf',
    tags: ['leaf', 'gilded', 'foil', 'decorative'],
    params: (m) => ({ pattern: 'tiles', scale: 5, groove: 0.008, jitter: 0.7, warp: 0.3, colorVariation: 0.18, height: 0.08, detail: 0.5, colors: m.colors, roughness: range(0.12, 0.35), metalness: metal }),
  },
  foil: {
    name: 'Crumpled % Foil',
    tags: ['foil', 'crumpled', 'kitchen'],
    params: (m) => ({ pattern: 'cracks', scale: 7, groove: 0.02, jitter: 0.9, warp: 0.5, height: 0.5, detail: 0.3, colorVariation: 0.1, colors: m.colors, roughness: range(0.05, 0.2), metalness: metal }),
  },
  anodized: {
    name: 'Anodized %',
    tags: ['anodized', 'coloured', 'gadget'],
    params: (m) => ({ pattern: 'noise', scale: 16, detail: 0.2, height: 0.02, colorVariation: 0.02, colors: m.colors, roughness: range(0.3, 0.36), metalness: metal }),
  },
} satisfies Record<string, Finish>;
type FinishKey = keyof typeof FINISHES;

const COMBOS: [MetalKey, FinishKey][] = [
  ['gold', 'polished'], ['gold', 'brushed'], ['gold', 'hammered'], ['gold', 'leaf'],
  ['rose-gold', 'polished'], ['rose-gold', 'brushed'],
  ['silver', 'polished'], ['silver', 'brushed'], ['silver', 'hammered'], ['silver', 'tarnished'],
  ['platinum', 'polished'], ['platinum', 'brushed'],
  ['copper', 'polished'], ['copper', 'brushed'], ['copper', 'hammered'], ['copper', 'patina'],
  ['brass', 'polished'], ['brass', 'brushed'], ['brass', 'hammered'], ['brass', 'patina'], ['brass', 'perforated'],
  ['bronze', 'polished'], ['bronze', 'cast'], ['bronze', 'patina'], ['bronze', 'hammered'],
  ['iron', 'rusted'], ['iron', 'wrought'], ['iron', 'cast'], ['iron', 'chainmail'],
  ['steel', 'polished'], ['steel', 'brushed'], ['steel', 'scratched'], ['steel', 'diamond-plate'],
  ['steel', 'perforated'], ['steel', 'rusted'], ['steel', 'damascus'], ['steel', 'heat-tinted'],
  ['steel', 'plates'], ['steel', 'corrugated'], ['steel', 'mesh'], ['steel', 'galvanized'], ['steel', 'sandblasted'],
  ['stainless', 'polished'], ['stainless', 'brushed'], ['stainless', 'perforated'],
  ['aluminium', 'polished'], ['aluminium', 'brushed'], ['aluminium', 'foil'], ['aluminium', 'diamond-plate'],
  ['aluminium', 'sandblasted'], ['aluminium', 'corrugated'],
  ['titanium', 'polished'], ['titanium', 'brushed'], ['titanium', 'heat-tinted'], ['titanium', 'sandblasted'],
  ['chrome', 'polished'], ['chrome', 'scratched'],
  ['nickel', 'polished'], ['nickel', 'brushed'],
  ['zinc', 'galvanized'], ['zinc', 'corrugated'],
  ['pewter', 'polished'], ['pewter', 'hammered'],
  ['lead', 'cast'],
  ['gunmetal', 'polished'], ['gunmetal', 'brushed'],
  ['tin', 'corrugated'], ['tin', 'scratched'],
];

/** Anodized aluminium comes in colours; each is its own product, named by colour. */
const ANODIZED: [string, string, [string, string, string], string[]][] = [
  ['blue', 'Blue', ['#3d6fb8', '#2f5a9a', '#142a4a'], ['blue']],
  ['red', 'Red', ['#c03a3a', '#a02c2c', '#4a1212'], ['red']],
  ['black', 'Black', ['#2a2b2e', '#202124', '#0c0c0d'], ['black', 'dark']],
  ['gold', 'Gold', ['#c9a24a', '#aa8434', '#4a3812'], ['gold', 'yellow']],
  ['purple', 'Purple', ['#7a4aa8', '#62388c', '#2a1840'], ['purple', 'violet']],
  ['green', 'Green', ['#3f9a5a', '#2f7e48', '#12381e'], ['green']],
];

function entry(metalKey: MetalKey, finishKey: FinishKey): PresetEntry {
  const m: Metal = METALS[metalKey];
  const f: Finish = FINISHES[finishKey];
  return {
    slug: `${metalKey}-${finishKey}`,
    name: f.name.replace('%', m.name),
    tags: [...m.tags, ...f.tags].slice(0, 16),
    params: f.params(m),
  };
}

function anodized([slug, colourName, colors, tags]: (typeof ANODIZED)[number]): PresetEntry {
  const m: Metal = { ...METALS.aluminium, colors };
  const params: ParamInput = FINISHES.anodized.params(m);
  return {
    slug: `aluminium-anodized-${slug}`,
    name: `Anodized Aluminium, ${colourName}`,
    tags: ['aluminium', 'aluminum', ...tags, ...FINISHES.anodized.tags],
    params,
  };
}

const DEFAULTS: Partial<MaterialParams> = { ao: 0.4, colorVariation: 0.05 };

export const METAL_PRESETS = definePresets('metal', DEFAULTS, [
  ...COMBOS.map(([m, f]) => entry(m, f)),
  ...ANODIZED.map(anodized),
]);
