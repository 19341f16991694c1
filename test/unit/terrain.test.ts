// Terrain core: fixed-point arithmetic against exact big-integer maths, the noise's range and
// continuity, the spec rules that keep the integers in range, thermal erosion, zone meshes.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { parseSceneSpec, SceneSpecError, type TerrainSpec } from '../../src/core/spec';
import { erodeThermalQ16 } from '../../src/core/terrain/erosion';
import {
  gradientNoiseQ16,
  heightfieldQ16,
  valueNoiseQ16,
} from '../../src/core/terrain/fixed-noise';
import { fadeQ16, mulQ16S, mulQ16U, ONE } from '../../src/core/terrain/fixed-point';
import { gridNormal, terrainSurface } from '../../src/core/terrain/surface';
import { cellZones, terrainMeshes } from '../../src/core/terrain/terrain-mesh';
import { erosionParams, heightfieldParams } from '../../src/core/terrain/terrain-params';
import { TERRAIN_ZONES, zoneOf } from '../../src/core/terrain/zones';

function terrain(overrides: Record<string, unknown> = {}): TerrainSpec {
  return parseSceneSpec({
    version: 1,
    seed: 5,
    terrain: { resolution: 65, extent: 128, height: 30, ...overrides },
  }).terrain!;
}

function issues(overrides: Record<string, unknown>): string[] {
  try {
    terrain(overrides);
    return [];
  } catch (e) {
    if (e instanceof SceneSpecError) return [...e.issues];
    throw e;
  }
}

describe('Q16 fixed point', () => {
  it('mulQ16U equals (a*b >> 16) mod 2^32 computed with BigInt', () => {
    const rng = new Prng(1);
    for (let k = 0; k < 20000; k++) {
      const a = rng.nextU32();
      const b = k % 2 ? rng.nextU32() : rng.nextU32() >>> rng.int(0, 31);
      const exact = Number(((BigInt(a) * BigInt(b)) >> 16n) & 0xffffffffn);
      expect(mulQ16U(a, b)).toBe(exact);
    }
  });

  it('mulQ16S truncates toward zero', () => {
    expect(mulQ16S(-3 * ONE, ONE / 2)).toBe((-3 * ONE) / 2);
    expect(mulQ16S(-1, 1)).toBe(0);
    expect(mulQ16S(-ONE - 1, ONE / 2)).toBe(-(ONE / 2));
    expect(mulQ16S(5 * ONE, 3 * ONE)).toBe(15 * ONE);
  });

  it('fade is exactly floor(2^16 (3t^2 - 2t^3)), hence monotonic, with flat ends', () => {
    for (let t = 0; t < ONE; t += 13) {
      const b = BigInt(t);
      expect(fadeQ16(t)).toBe(Number((3n * 65536n * b * b - 2n * b * b * b) >> 32n));
    }
    expect(fadeQ16(0)).toBe(0);
    expect(fadeQ16(ONE - 1)).toBeGreaterThan(ONE - 4);
    expect(fadeQ16(ONE / 2)).toBe(ONE / 2);
    let last = -1;
    for (let t = 0; t < ONE; t += 97) {
      const f = fadeQ16(t);
      expect(f).toBeGreaterThanOrEqual(last);
      last = f;
    }
    expect(fadeQ16(100)).toBeLessThan(2);
  });
});

describe('fixed-point lattice noise', () => {
  for (const [name, noise] of [
    ['value', valueNoiseQ16],
    ['gradient', gradientNoiseQ16],
  ] as const) {
    it(`${name} noise stays within [-1, 1], varies, and is continuous`, () => {
      let min = Infinity;
      let max = -Infinity;
      const step = 256; // 1/256 of a lattice cell
      for (let k = 0; k < 40000; k++) {
        const x = (1 << 28) + k * step;
        const y = (1 << 28) + ((k * 7919) % 65536) * 17;
        const a = noise(x >>> 0, y >>> 0, 42);
        const b = noise((x + step) >>> 0, y >>> 0, 42);
        min = Math.min(min, a);
        max = Math.max(max, a);
        // Lipschitz: a 1/256-cell step moves the value by a bounded amount.
        expect(Math.abs(b - a)).toBeLessThan(ONE / 40);
      }
      expect(min).toBeGreaterThanOrEqual(-ONE);
      expect(max).toBeLessThanOrEqual(ONE);
      expect(max - min).toBeGreaterThan(ONE);
    });
  }

  it('gradient noise is zero on lattice points; seeds decorrelate', () => {
    expect(gradientNoiseQ16(5 << 16, 9 << 16, 1)).toBe(0);
    let same = 0;
    for (let k = 0; k < 1000; k++) {
      const x = (k * 40503 + 32768) >>> 0;
      if (gradientNoiseQ16(x, x, 1) === gradientNoiseQ16(x, x, 2)) same++;
    }
    expect(same).toBeLessThan(20);
  });
});

describe('terrain parameters', () => {
  it('leaves out octaves finer than the sample spacing, keeping amplitudes normalised', () => {
    const p = heightfieldParams(terrain({ noise: { octaves: 12, frequency: 3 } }), new Prng(1));
    // 64 samples: 3, 6, 12, 24 cells fit under the 32-cell limit; 48 does not.
    expect(p.octaves.length).toBe(4);
    const full = heightfieldParams(
      terrain({ resolution: 2049, noise: { octaves: 12, frequency: 3 } }),
      new Prng(1),
    );
    expect(full.octaves.length).toBe(9);
    // Same amplitudes for the octaves both keep: a preview has the same height scale.
    expect(p.octaves.map((o) => o.amplitude)).toEqual(
      full.octaves.slice(0, 4).map((o) => o.amplitude),
    );
    const total = full.octaves.reduce((s, o) => s + o.amplitude, 0);
    expect(total).toBeLessThanOrEqual(ONE);
    expect(total).toBeGreaterThan(ONE * 0.99);
  });

  it('refuses a frequency the heightfield cannot resolve and a warp too large, naming the field', () => {
    expect(issues({ noise: { frequency: 40 } })).toEqual([
      'terrain.noise.frequency: expected at most 32 (half the 65-sample resolution), got 40',
    ]);
    const warp = issues({ resolution: 2049, noise: { frequency: 0.5, warp: 8 } });
    expect(warp).toHaveLength(1);
    expect(warp[0]).toMatch(/^terrain\.noise\.warp: expected at most 4 at frequency 0\.5 .*got 8$/);
    expect(issues({ noise: { kind: 'simplex' } })[0]).toMatch(
      /^terrain\.noise\.kind: expected one of value, perlin/,
    );
  });

  it('converts talus from metres to Q16 noise units and caps the rate at 1/8', () => {
    const e = erosionParams(terrain({ erosion: { iterations: 3, talus: 1.5, strength: 1 } }))!;
    expect(e.talus).toBe(Math.round((1.5 / 30) * ONE));
    expect(e.rate).toBe(ONE / 8);
    expect(erosionParams(terrain({ erosion: { iterations: 0 } }))).toBeUndefined();
  });
});

describe('thermal erosion (CPU reference)', () => {
  const spec = terrain({
    noise: { fractal: 'ridged', octaves: 6 },
    erosion: { iterations: 60, talus: 0.2, strength: 1 },
  });
  const heights = heightfieldQ16(heightfieldParams(spec, new Prng(9)));
  const p = erosionParams(spec)!;

  function steepest(h: Int32Array, n: number): number {
    let worst = 0;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i + 1 < n; i++) {
        worst = Math.max(worst, Math.abs(h[j * n + i]! - h[j * n + i + 1]!));
      }
    }
    return worst;
  }

  it('conserves material exactly and lowers the steepest slope', () => {
    const eroded = erodeThermalQ16(heights, p);
    const sum = (a: Int32Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(eroded)).toBe(sum(heights));
    expect(steepest(eroded, 65)).toBeLessThan(steepest(heights, 65) * 0.8);
  });

  it('leaves a field with every slope under the talus untouched', () => {
    const flat = new Int32Array(65 * 65).map((_, k) => (k % 65) * 10);
    expect(erodeThermalQ16(flat, { ...p, talus: 11 })).toEqual(flat);
  });

  it('does not change its input', () => {
    const copy = new Int32Array(heights);
    erodeThermalQ16(heights, p);
    expect(heights).toEqual(copy);
  });
});

describe('terrain meshes and zones', () => {
  const spec = terrain({ noise: { octaves: 5 } });
  const surface = terrainSurface(
    heightfieldQ16(heightfieldParams(spec, new Prng(4))),
    spec.resolution,
    spec.extent,
    spec.height,
  );

  it('zone rules: steep is rock, high is snow, low and flat is sand', () => {
    expect(TERRAIN_ZONES[zoneOf(50, 0.5, 30)]).toBe('rock');
    expect(TERRAIN_ZONES[zoneOf(10, 0.9, 90)]).toBe('snow');
    // The top of a low hill is not snowy.
    expect(TERRAIN_ZONES[zoneOf(10, 0.9, 20)]).toBe('grass');
    expect(TERRAIN_ZONES[zoneOf(5, 0.02, 1)]).toBe('sand');
    expect(TERRAIN_ZONES[zoneOf(30, 0.4, 30)]).toBe('dirt');
    expect(TERRAIN_ZONES[zoneOf(10, 0.4, 30)]).toBe('grass');
  });

  it('every cell goes to exactly one zone mesh, two upward-facing triangles each', () => {
    const zones = terrainMeshes(surface);
    const cells = zones.reduce((s, z) => s + z.cells, 0);
    expect(cells).toBe(64 * 64);
    expect(zones.length).toBeGreaterThan(1);
    const histogram = cellZones(surface);
    for (const z of zones) {
      expect(z.mesh.indices.length).toBe(z.cells * 6);
      const p = z.mesh.positions;
      const ix = z.mesh.indices;
      for (let t = 0; t < ix.length; t += 3) {
        const [a, b, c] = [ix[t]! * 3, ix[t + 1]! * 3, ix[t + 2]! * 3];
        const ux = p[b]! - p[a]!;
        const uz = p[b + 2]! - p[a + 2]!;
        const vx = p[c]! - p[a]!;
        const vz = p[c + 2]! - p[a + 2]!;
        // y component of (b - a) x (c - a): positive means counter-clockwise seen from above.
        expect(uz * vx - ux * vz).toBeGreaterThan(0);
      }
      expect(histogram.filter((v) => TERRAIN_ZONES[v] === z.material.slice(8)).length).toBe(
        z.cells,
      );
    }
  });

  it('normals are unit length and point up', () => {
    for (const [i, j] of [
      [0, 0],
      [10, 20],
      [64, 64],
      [32, 5],
    ] as const) {
      const [x, y, z] = gridNormal(surface, i, j);
      expect(Math.hypot(x, y, z)).toBeCloseTo(1, 12);
      expect(y).toBeGreaterThan(0);
    }
  });
});
