// The demo scene: a ground and a few solids whose colour and roughness come from GPU-baked noise
// textures, mapped through TSL colour ramps.
import { useMemo } from 'react';
import { MeshStandardNodeMaterial, type DataTexture } from 'three/webgpu';
import { color, mix, texture, uv } from 'three/tsl';
import type { DemoTextures } from './use-demo-textures';

interface RampOptions {
  dark: string;
  light: string;
  tiling: number;
  roughness: [number, number];
  metalness?: number;
}

function rampMaterial(map: DataTexture, o: RampOptions): MeshStandardNodeMaterial {
  const material = new MeshStandardNodeMaterial();
  const n = texture(map, uv().mul(o.tiling)).r;
  material.colorNode = mix(color(o.dark), color(o.light), n);
  material.roughnessNode = mix(o.roughness[0], o.roughness[1], n);
  material.metalness = o.metalness ?? 0;
  material.name = `demo.${map.name}`;
  return material;
}

export function DemoScene({ textures }: { textures: DemoTextures }) {
  const materials = useMemo(
    () => ({
      ground: rampMaterial(textures.ground, {
        dark: '#2f3a22',
        light: '#a39262',
        tiling: 1,
        roughness: [0.95, 0.7],
      }),
      stone: rampMaterial(textures.stone, {
        dark: '#3c3f46',
        light: '#b9b4aa',
        tiling: 2,
        roughness: [0.9, 0.55],
      }),
      marble: rampMaterial(textures.marble, {
        dark: '#e9e5dc',
        light: '#27324d',
        tiling: 2,
        roughness: [0.2, 0.4],
      }),
      grain: rampMaterial(textures.grain, {
        dark: '#5a3418',
        light: '#c48a4a',
        tiling: 1,
        roughness: [0.75, 0.5],
      }),
    }),
    [textures],
  );

  return (
    <group name="demo">
      <hemisphereLight args={['#cfe3ff', '#3a3026', 1.2]} />
      <directionalLight position={[6, 10, 4]} intensity={2.4} />
      <mesh name="ground" rotation={[-Math.PI / 2, 0, 0]} material={materials.ground}>
        <planeGeometry args={[24, 24, 1, 1]} />
      </mesh>
      <mesh name="stone-sphere" position={[-2.4, 1, 0.2]} material={materials.stone}>
        <sphereGeometry args={[1, 64, 32]} />
      </mesh>
      <mesh name="marble-knot" position={[0.4, 1.5, -0.8]} material={materials.marble}>
        <torusKnotGeometry args={[0.8, 0.28, 200, 32]} />
      </mesh>
      <mesh
        name="wood-crate"
        position={[2.8, 0.75, 0.8]}
        rotation={[0, 0.5, 0]}
        material={materials.grain}
      >
        <boxGeometry args={[1.5, 1.5, 1.5]} />
      </mesh>
    </group>
  );
}
