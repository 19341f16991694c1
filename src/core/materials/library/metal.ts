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
  /** 0 hard .. 1 soft: soft metals take deeper, rounder dents and coarser scratches. */
  soft: number;
  /** 0..1 micro-structure showing through a finish (crystal grain, pores, inclusions). */
  grain: number;
  tags: string[];
}

// prettier-ignore
const METALS = {
  gold: { name: 'Gold', colors: ['#f5c65a', '#d9a441', '#6b4a14'], polish: 0.1, soft: 0.9, grain: 0.1, tags: ['gold', 'yellow', 'precious', 'jewellery'] },
  'rose-gold': { name: 'Rose Gold', colors: ['#eab4a0', '#d0917c', '#5e3328'], polish: 0.14, soft: 0.8, grain: 0.15, tags: ['rose gold', 'pink', 'precious', 'jewellery'] },
  silver: { name: 'Silver', colors: ['#e9e7e3', '#cbc8c2', '#4a4846'], polish: 0.14, soft: 0.7, grain: 0.2, tags: ['silver', 'white', 'precious', 'cutlery'] },
  platinum: { name: 'Platinum', colors: ['#d6d1c7', '#bdb7ac', '#4c4840'], polish: 0.24, soft: 0.5, grain: 0.1, tags: ['platinum', 'grey', 'precious'] },
  copper: { name: 'Copper', colors: ['#e39a72', '#c87552', '#5a2c18'], polish: 0.12, soft: 0.7, grain: 0.3, tags: ['copper', 'orange', 'red', 'pipes'] },
  brass: { name: 'Brass', colors: ['#d8b766', '#b8963f', '#5a4318'], polish: 0.16, soft: 0.5, grain: 0.25, tags: ['brass', 'yellow', 'fittings'] },
  bronze: { name: 'Bronze', colors: ['#b88a55', '#98693a', '#4a3018'], polish: 0.2, soft: 0.4, grain: 0.4, tags: ['bronze', 'brown', 'statue'] },
  iron: { name: 'Iron', colors: ['#7e7b77', '#5e5b57', '#262422'], polish: 0.3, soft: 0.3, grain: 0.6, tags: ['iron', 'grey', 'dark'] },
  steel: { name: 'Steel', colors: ['#a9adb1', '#8c9094', '#3a3c3e'], polish: 0.1, soft: 0.1, grain: 0.3, tags: ['steel', 'grey', 'industrial'] },
  stainless: { name: 'Stainless Steel', colors: ['#c3c7cb', '#a9adb2', '#505356'], polish: 0.18, soft: 0.05, grain: 0.15, tags: ['stainless', 'steel', 'kitchen'] },
  aluminium: { name: 'Aluminium', colors: ['#d5d7d9', '#bfc2c5', '#5c5f62'], polish: 0.26, soft: 0.6, grain: 0.35, tags: ['aluminium', 'aluminum', 'light grey'] },
  titanium: { name: 'Titanium', colors: ['#a39b92', '#8a8279', '#3e3a35'], polish: 0.24, soft: 0, grain: 0.5, tags: ['titanium', 'grey', 'aerospace'] },
  chrome: { name: 'Chrome', colors: ['#f2f4f6', '#d8dce0', '#3a3d40'], polish: 0.03, soft: 0.02, grain: 0.02, tags: ['chrome', 'mirror', 'shiny'] },
  nickel: { name: 'Nickel', colors: ['#d3c9b4', '#b9af9a', '#4e4838'], polish: 0.18, soft: 0.3, grain: 0.2, tags: ['nickel', 'warm grey'] },
  zinc: { name: 'Zinc', colors: ['#aeb6bb', '#959ea4', '#454b4f'], polish: 0.34, soft: 0.6, grain: 0.7, tags: ['zinc', 'blue grey'] },
  pewter: { name: 'Pewter', colors: ['#86888c', '#707276', '#303234'], polish: 0.32, soft: 0.95, grain: 0.5, tags: ['pewter', 'grey', 'tableware'] },
  lead: { name: 'Lead', colors: ['#6f737c', '#5c6069', '#2a2c30'], polish: 0.45, soft: 1, grain: 0.8, tags: ['lead', 'dark grey', 'roofing'] },
  gunmetal: { name: 'Gunmetal', colors: ['#4a4d53', '#3a3d42', '#1a1b1d'], polish: 0.2, soft: 0.35, grain: 0.45, tags: ['gunmetal', 'dark', 'black'] },
  tin: { name: 'Tin', colors: ['#c6c6bd', '#aeaea4', '#4e4e48'], polish: 0.3, soft: 0.75, grain: 0.55, tags: ['tin', 'can', 'grey'] },
} satisfies Record<string, Metal>;
type MetalKey = keyof typeof METALS;

interface Finish {
  /** Name pattern: '%' is the metal's name. */
  name: string;
  tags: string[];
  params: (m: Metal) => ParamInput;
}

const metal = range(1, 1);
const r2 = (x: number) => Math.round(x * 100) / 100;
const rough = (lo: number, hi: number) => range(r2(Math.min(lo, 1)), r2(Math.min(hi, 1)));

// prettier-ignore
const FINISHES = {
  polished: {
    name: 'Polished %',
    tags: ['polished', 'shiny', 'smooth'],
    params: (m) => ({ pattern: 'noise', scale: 1, density: 0.3, detail: r2(0.03 + 0.1 * m.grain), height: 0.02, warp: r2(0.05 + 0.3 * m.soft), colorVariation: 0.03, colors: m.colors, roughness: rough(m.polish, m.polish + 0.05), metalness: metal }),
  },
  brushed: {
    name: 'Brushed %',
    tags: ['brushed', 'satin', 'anisotropic'],
    params: (m) => ({ pattern: 'brushed', scale: 1, density: r2(0.35 + 0.3 * m.soft), stretch: 8, height: 0.12, detail: r2(0.1 + 0.3 * m.grain), colorVariation: 0.05, colors: m.colors, roughness: rough(m.polish + 0.12, m.polish + 0.32), metalness: metal }),
  },
  hammered: {
    name: 'Hammered %',
    tags: ['hammered', 'dented', 'handmade'],
    params: (m) => ({ pattern: 'hammered', scale: 1, density: r2(0.25 + 0.3 * m.soft), groove: r2(0.1 + 0.25 * m.soft), jitter: 0.6, height: 0.5, detail: r2(0.05 + 0.2 * m.grain), colorVariation: 0.08, colors: m.colors, roughness: rough(m.polish, m.polish + 0.14), metalness: metal, ao: 0.4 }),
  },
  scratched: {
    name: 'Scratched %',
    tags: ['scratched', 'used', 'worn'],
    params: (m) => ({ pattern: 'brushed', scale: 1, density: 0, stretch: r2(1.5 + m.soft), jitter: 1, warp: 0.6, groove: 0.06, height: 0.3, detail: r2(0.3 + 0.3 * m.grain), colors: [m.colors[0], m.colors[1], m.colors[2]], roughness: rough(m.polish, m.polish + 0.35), metalness: metal }),
  },
  rusted: {
    name: 'Rusted %',
    tags: ['rusted', 'rust', 'corroded', 'orange', 'old'],
    params: (m) => ({ pattern: 'noise', scale: 2, density: 0.4, groove: 0.5, warp: 0.6, detail: r2(0.5 + 0.3 * m.grain), jitter: 0.7, colorVariation: 0.3, height: 0.35, colors: [m.colors[1], '#6a4a3a', '#8a4220'], roughness: range(0.4, 0.95), metalness: range(0, 0.9) }),
  },
  patina: {
    name: '%, Green Patina',
    tags: ['patina', 'verdigris', 'green', 'aged', 'outdoor'],
    params: (m) => ({ pattern: 'noise', scale: 1, density: r2(0.5 + 0.3 * m.soft), groove: r2(0.5 - 0.15 * m.soft), warp: 0.75, detail: r2(0.4 + 0.3 * m.grain), jitter: 0.6, colorVariation: 0.2, height: 0.25, colors: [m.colors[0], m.colors[1], '#5fa58c'], roughness: range(0.25, 0.85), metalness: range(0, 1) }),
  },
  tarnished: {
    name: 'Tarnished %',
    tags: ['tarnished', 'aged', 'dull', 'antique'],
    params: (m) => ({ pattern: 'noise', scale: 1, density: 0.8, groove: 0.45, warp: 0.5, detail: r2(0.3 + 0.3 * m.grain), colorVariation: 0.1, height: 0.05, colors: [m.colors[0], m.colors[1], '#4a4038'], roughness: range(0.18, 0.5), metalness: range(0.6, 1) }),
  },
  'diamond-plate': {
    name: '% Diamond Plate',
    tags: ['diamond plate', 'tread', 'floor', 'industrial', 'checker plate'],
    params: (m) => ({ pattern: 'dots', scale: 3, density: 0.35, stretch: 2.5, jitter: 0, groove: 0, height: 0.6, detail: r2(0.2 + 0.3 * m.grain), colors: m.colors, roughness: rough(m.polish + 0.15, m.polish + 0.35), metalness: metal, ao: 0.6, wear: 0.4 }),
  },
  perforated: {
    name: 'Perforated %',
    tags: ['perforated', 'holes', 'grille', 'industrial'],
    params: (m) => ({ pattern: 'dots', scale: 3, density: r2(0.3 + 0.2 * m.soft), groove: 0.45, jitter: 0, height: 0.5, detail: r2(0.1 + 0.2 * m.grain), colors: [m.colors[0], m.colors[1], '#0a0a0a'], roughness: rough(m.polish + 0.1, m.polish + 0.25), metalness: range(0, 1), ao: 0.8 }),
  },
  corrugated: {
    name: 'Corrugated %',
    tags: ['corrugated', 'sheet', 'roofing', 'wall', 'industrial'],
    params: (m) => ({ pattern: 'stripes', scale: 4, density: 0.5, groove: 0.3, stretch: 10, height: 0.8, detail: r2(0.2 + 0.4 * m.grain), warp: 0, jitter: 0, colors: m.colors, roughness: rough(m.polish + 0.15, m.polish + 0.35), metalness: metal, ao: 0.6, wear: 0.2 }),
  },
  galvanized: {
    name: 'Galvanized %',
    tags: ['galvanized', 'spangle', 'industrial', 'outdoor'],
    params: (m) => ({ pattern: 'voronoi', scale: 1, density: 0.5, jitter: 0.9, groove: 0.01, colorVariation: 0.3, height: 0.05, detail: r2(0.2 + 0.3 * m.grain), colors: m.colors, roughness: rough(m.polish, m.polish + 0.3), metalness: metal }),
  },
  sandblasted: {
    name: 'Sandblasted %',
    tags: ['sandblasted', 'bead blasted', 'matte'],
    params: (m) => ({ pattern: 'noise', scale: 8, density: 0.6, detail: 0.9, height: r2(0.1 + 0.2 * m.soft), colorVariation: 0.04, warp: 0, colors: m.colors, roughness: range(0.55, 0.72), metalness: metal }),
  },
  cast: {
    name: 'Cast %',
    tags: ['cast', 'rough', 'foundry'],
    params: (m) => ({ pattern: 'noise', scale: 3, density: 0.5, detail: r2(0.5 + 0.4 * m.grain), warp: 0.3, height: 0.3, colorVariation: 0.12, colors: [m.colors[1], m.colors[2], m.colors[2]], roughness: range(0.6, 0.85), metalness: range(0.8, 1), ao: 0.7 }),
  },
  wrought: {
    name: 'Wrought %',
    tags: ['wrought', 'forged', 'blackened', 'blacksmith'],
    params: (m) => ({ pattern: 'hammered', scale: 1, density: 0.1, groove: 0.3, jitter: 0.9, warp: 0.5, height: 0.55, detail: 0.6, colorVariation: 0.2, colors: [m.colors[1], '#2b2a29', '#141312'], roughness: range(0.45, 0.75), metalness: range(0.6, 0.95), wear: 0.6 }),
  },
  damascus: {
    name: 'Damascus %',
    tags: ['damascus', 'pattern welded', 'blade', 'wavy'],
    params: (m) => ({ pattern: 'marble', scale: 4, density: 1, groove: 0.4, warp: 0.6, jitter: 0.6, detail: 0.15, height: 0.08, colors: [m.colors[0], m.colors[1], '#2a2c30'], roughness: range(0.18, 0.32), metalness: metal }),
  },
  'heat-tinted': {
    name: 'Heat-Tinted %',
    tags: ['heat tint', 'rainbow', 'blue', 'purple', 'exhaust'],
    params: (m) => ({ pattern: 'ripples', scale: 1, density: r2(0.3 + 0.2 * m.grain), groove: 0.45, warp: 0.6, detail: 0.1, height: 0.03, colorVariation: 0.1, colors: ['#c8a060', '#8a5a8a', '#3a5aa8'], roughness: rough(m.polish, m.polish + 0.1), metalness: metal }),
  },
  plates: {
    name: '% Plates',
    tags: ['plates', 'panels', 'hull', 'wall', 'seams'],
    params: (m) => ({ pattern: 'tiles', scale: 3, density: 0, groove: 0.02, jitter: 0.2, colorVariation: 0.15, height: 0.4, detail: r2(0.3 + 0.3 * m.grain), colors: m.colors, roughness: rough(m.polish + 0.2, m.polish + 0.45), metalness: metal, ao: 0.7, wear: 0.4 }),
  },
  mesh: {
    name: '% Wire Mesh',
    tags: ['wire mesh', 'woven', 'grille', 'fence'],
    params: (m) => ({ pattern: 'weave', scale: 4, density: 0, groove: 0.4, jitter: 0, height: 0.8, detail: 0.05, colors: [m.colors[0], m.colors[1], '#080808'], roughness: rough(m.polish + 0.15, m.polish + 0.3), metalness: range(0, 1), ao: 0.8 }),
  },
  chainmail: {
    name: '% Chainmail',
    tags: ['chainmail', 'rings', 'armour', 'medieval'],
    params: (m) => ({ pattern: 'scales', scale: 2, density: 0.2, groove: 0.3, height: 0.8, jitter: 0.1, detail: 0.3, colors: [m.colors[0], m.colors[1], '#101010'], roughness: range(0.3, 0.5), metalness: range(0.2, 1), ao: 0.8, wear: 0.3 }),
  },
  leaf: {
    name: '% Leaf',
    tags: ['leaf', 'gilded', 'foil', 'decorative'],
    params: (m) => ({ pattern: 'tiles', scale: 4, density: 0, groove: 0.01, jitter: 0.7, warp: 0.5, colorVariation: 0.3, height: 0.1, detail: 0.5, colors: [m.colors[0], m.colors[1], '#8a5a20'], roughness: range(0.12, 0.35), metalness: metal }),
  },
  foil: {
    name: 'Crumpled % Foil',
    tags: ['foil', 'crumpled', 'kitchen'],
    params: (m) => ({ pattern: 'cracks', scale: 2, density: 0.4, groove: 0.04, jitter: 0.9, warp: 0.6, height: 0.7, detail: 0.3, colorVariation: 0.15, colors: [m.colors[0], m.colors[1], m.colors[1]], roughness: range(0.05, 0.2), metalness: metal }),
  },
} satisfies Record<string, Finish>;
type FinishKey = keyof typeof FINISHES;

const COMBOS: [MetalKey, FinishKey][] = [
  ['gold', 'polished'],
  ['gold', 'brushed'],
  ['gold', 'hammered'],
  ['gold', 'leaf'],
  ['rose-gold', 'polished'],
  ['rose-gold', 'brushed'],
  ['silver', 'polished'],
  ['silver', 'brushed'],
  ['silver', 'hammered'],
  ['silver', 'tarnished'],
  ['platinum', 'polished'],
  ['platinum', 'brushed'],
  ['copper', 'polished'],
  ['copper', 'brushed'],
  ['copper', 'hammered'],
  ['copper', 'patina'],
  ['brass', 'polished'],
  ['brass', 'brushed'],
  ['brass', 'hammered'],
  ['brass', 'patina'],
  ['brass', 'perforated'],
  ['bronze', 'polished'],
  ['bronze', 'cast'],
  ['bronze', 'patina'],
  ['bronze', 'hammered'],
  ['iron', 'rusted'],
  ['iron', 'wrought'],
  ['iron', 'cast'],
  ['iron', 'chainmail'],
  ['steel', 'polished'],
  ['steel', 'brushed'],
  ['steel', 'scratched'],
  ['steel', 'diamond-plate'],
  ['steel', 'perforated'],
  ['steel', 'rusted'],
  ['steel', 'damascus'],
  ['steel', 'heat-tinted'],
  ['steel', 'plates'],
  ['steel', 'corrugated'],
  ['steel', 'mesh'],
  ['steel', 'galvanized'],
  ['steel', 'sandblasted'],
  ['stainless', 'polished'],
  ['stainless', 'brushed'],
  ['stainless', 'perforated'],
  ['aluminium', 'polished'],
  ['aluminium', 'brushed'],
  ['aluminium', 'foil'],
  ['aluminium', 'diamond-plate'],
  ['aluminium', 'sandblasted'],
  ['aluminium', 'corrugated'],
  ['titanium', 'polished'],
  ['titanium', 'brushed'],
  ['titanium', 'heat-tinted'],
  ['titanium', 'sandblasted'],
  ['chrome', 'polished'],
  ['chrome', 'scratched'],
  ['nickel', 'polished'],
  ['nickel', 'brushed'],
  ['zinc', 'galvanized'],
  ['zinc', 'corrugated'],
  ['pewter', 'polished'],
  ['pewter', 'hammered'],
  ['lead', 'cast'],
  ['gunmetal', 'polished'],
  ['gunmetal', 'brushed'],
  ['tin', 'corrugated'],
  ['tin', 'scratched'],
];

/** Anodized aluminium comes in colours, each over its own pre-finish (bead-blasted, brushed, ...). */
// prettier-ignore
const ANODIZED: { slug: string; name: string; tags: string[]; params: ParamInput }[] = [
  { slug: 'blue', name: 'Blue, Bead-Blasted', tags: ['blue', 'bead blasted'], params: { pattern: 'noise', scale: 12, density: 0.5, detail: 0.7, height: 0.06, colors: ['#3d6fb8', '#2f5a9a', '#142a4a'], roughness: range(0.38, 0.5), metalness: metal } },
  { slug: 'red', name: 'Red, Brushed', tags: ['red', 'brushed'], params: { pattern: 'brushed', scale: 1, density: 0.5, stretch: 10, height: 0.2, detail: 0.2, colors: ['#c03a3a', '#a02c2c', '#4a1212'], roughness: range(0.25, 0.4), metalness: metal } },
  { slug: 'black', name: 'Black, Hard Coat', tags: ['black', 'dark', 'hard anodized', 'matte'], params: { pattern: 'noise', scale: 20, density: 0.7, detail: 0.9, height: 0.04, colors: ['#2a2b2e', '#202124', '#0c0c0d'], roughness: range(0.5, 0.65), metalness: range(0.7, 0.9) } },
  { slug: 'gold', name: 'Gold, Polished', tags: ['gold', 'yellow', 'polished'], params: { pattern: 'noise', scale: 1, density: 0.1, detail: 0.05, height: 0.01, colors: ['#c9a24a', '#aa8434', '#4a3812'], roughness: range(0.15, 0.2), metalness: metal } },
  { slug: 'purple', name: 'Purple, Hairline', tags: ['purple', 'violet', 'hairline'], params: { pattern: 'brushed', scale: 2, density: 1, stretch: 10, height: 0.08, detail: 0.1, colors: ['#7a4aa8', '#62388c', '#2a1840'], roughness: range(0.2, 0.3), metalness: metal } },
  { slug: 'green', name: 'Green, Satin', tags: ['green', 'satin'], params: { pattern: 'noise', scale: 4, density: 0.3, detail: 0.4, warp: 0.4, height: 0.03, colors: ['#3f9a5a', '#2f7e48', '#12381e'], roughness: range(0.3, 0.4), metalness: metal } },
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

function anodized(a: (typeof ANODIZED)[number]): PresetEntry {
  return {
    slug: `aluminium-anodized-${a.slug}`,
    name: `Anodized Aluminium, ${a.name}`,
    tags: ['aluminium', 'aluminum', 'anodized', 'coloured', ...a.tags],
    params: a.params,
  };
}

const DEFAULTS: Partial<MaterialParams> = { ao: 0.4, colorVariation: 0.05 };

export const METAL_PRESETS = definePresets('metal', DEFAULTS, [
  ...COMBOS.map(([m, f]) => entry(m, f)),
  ...ANODIZED.map(anodized),
]);
