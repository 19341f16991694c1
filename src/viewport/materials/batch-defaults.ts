// The material a generated batch draws with until the user assigns another: the preset from the
// suggested-materials table (core/materials/suggested.ts, by the batch's palette material id), and a
// projection chosen by what the geometry's UVs are like:
//
// - dungeon modular pieces (floor and ceiling tiles, walls, door frames): triplanar in object space.
//   Their UVs are 0..1 per box face, so a 4.25 x 3 m wall or a 0.25 m edge would stretch one tile of
//   texture over it; triplanar gives square, metric texels on every face. The repeats per metre are
//   snapped so a whole number of tiles fits one dungeon cell: neighbouring pieces (each in its own
//   object space, centred on its cell or cell edge) then meet without a seam.
// - terrain zones: triplanar, one tile per UV_METRES (4 m). Their UVs are a top-down projection,
//   which stretches on exactly the steep slopes the rock zone is made of. Terrain meshes sit at the
//   identity, so object space is world space there.
// - primitives: triplanar, one tile per 2 m (their UVs are 0..1 whatever the size: a 20 m ground
//   plane would show one tile).
// - props and scatter (barrels, trees, rocks, grass): their own UVs. Small meshes drawn by the
//   thousand with levels of detail, where one sample per map instead of three matters more than
//   texel density.
import type { MaterialRef } from '../../core/materials/material-ref';
import { defaultPresetFor } from '../../core/materials/suggested';
import type { InstanceBatch, SceneData } from '../../core/scene/scene-data';
import { UV_METRES } from '../../core/terrain/terrain-mesh';

/** Texture tiles per metre on dungeon pieces and primitives (before snapping to the cell). */
export const PIECE_TILES_PER_METRE = 0.5;

/** The dungeon's modular tile mesh, whose side is the cell size. */
const DUNGEON_TILE = 'dungeon:tile';

const cellSizes = new WeakMap<SceneData, number>();

/** The dungeon cell size (the tile mesh's extent along x), or 0 without a dungeon. */
function cellSize(scene: SceneData): number {
  const known = cellSizes.get(scene);
  if (known !== undefined) return known;
  const tile = scene.meshes.find((m) => m.id === DUNGEON_TILE);
  let size = 0;
  if (tile) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < tile.positions.length; i += 3) {
      lo = Math.min(lo, tile.positions[i]!);
      hi = Math.max(hi, tile.positions[i]!);
    }
    size = hi > lo ? hi - lo : 0;
  }
  cellSizes.set(scene, size);
  return size;
}

/** Tiles per metre such that a whole number of tiles (at least one) spans `period` metres. */
export function snapScale(perMetre: number, period: number): number {
  if (!(period > 0)) return perMetre;
  return Math.max(1, Math.round(perMetre * period)) / period;
}

export function defaultBatchMaterial(batch: InstanceBatch, scene: SceneData): MaterialRef {
  const preset = defaultPresetFor(batch.material);
  if (batch.source === 'dungeon') {
    return {
      preset,
      projection: 'triplanar',
      scale: snapScale(PIECE_TILES_PER_METRE, cellSize(scene)),
    };
  }
  if (batch.source === 'terrain') return { preset, projection: 'triplanar', scale: 1 / UV_METRES };
  if (batch.source.startsWith('primitives')) {
    return { preset, projection: 'triplanar', scale: PIECE_TILES_PER_METRE };
  }
  return { preset, projection: 'uv', scale: 1 };
}
