// Time-driven looks (preset.look.animation) on TSL's `time` (seconds since the renderer's first
// frame, updated once per render). Each rewrites a material's surface from the same projection and
// maps as the static look, so a flowing lava or scrolling fire keeps the preset's pattern; before
// the bake arrives procedural noise stands in for the relief, so they move from the first frame.
//
// - lava: the maps flow slowly; low relief (cracks) glows, pulsing; the crust darkens.
// - water: two normal layers scrolling in different directions and scales; low roughness.
// - fire: relief scrolled upward at two speeds and scales → flame intensity → colour ramp, emissive.
// - hologram: world-space scanlines and a sweeping band, fresnel rim, flicker; transparent.
// - shield: fresnel rim + the pattern's grooves lit by a travelling pulse; additive, transparent.
import {
  abs,
  clamp,
  float,
  max,
  mix,
  mx_fractal_noise_float,
  normalView,
  normalize,
  positionViewDirection,
  positionWorld,
  pow,
  sin,
  smoothstep,
  time,
  vec2,
  vec3,
} from 'three/tsl';
import { AdditiveBlending, DoubleSide, type Blending, type Side } from 'three/webgpu';
import type { MaterialAnimation, MaterialLook } from '../../core/materials/preset';
import {
  bumpNormal,
  glowColour,
  linearColour,
  reliefAt,
  sampleSurface,
  type F,
  type Surface,
  type SurfaceSource,
  type V3,
} from './surface';

export interface AnimatedLook {
  surface: Surface;
  transparent?: boolean;
  blending?: Blending;
  depthWrite?: boolean;
  side?: Side;
}

/** 1 − |n·v|: 0 facing the camera, 1 at grazing angles. */
function facing(): F {
  return float(1).sub(abs(normalView.dot(positionViewDirection)));
}

function lava(src: SurfaceSource): AnimatedLook {
  const flow = { offset: vec2(time.mul(0.021), time.mul(0.034)) };
  const s = sampleSurface(src, flow);
  const h = reliefAt(src, flow);
  const crack = smoothstep(0.42, 0.12, h);
  const pulse = sin(time.mul(2.2).add(h.mul(12)))
    .mul(0.35)
    .add(0.65);
  const glow = s.emissive ?? glowColour(src.params, '#ff4a12', 5).mul(crack);
  return {
    surface: {
      ...s,
      color: s.color.mul(crack.mul(0.75).oneMinus()),
      roughness: mix(s.roughness, float(0.35), crack),
      metalness: float(0),
      emissive: glow.mul(pulse),
    },
  };
}

function water(src: SurfaceSource): AnimatedLook {
  const a = { offset: vec2(time.mul(0.052), time.mul(0.029)) };
  const b = { scale: 1.7, offset: vec2(time.mul(-0.037), time.mul(0.046)) };
  const s = sampleSurface(src, { offset: vec2(time.mul(0.008), float(0)) });
  const t = src.textures;
  const ha = reliefAt(src, a);
  const hb = reliefAt(src, b);
  const normal = t
    ? normalize(src.projector.normal(t.normal, 1.6, a).add(src.projector.normal(t.normal, 1.6, b)))
    : bumpNormal(ha.add(hb), 0.02);
  // Crests catch a little more light (scattering near the surface): the colour follows the waves.
  const crest = smoothstep(0.45, 1.35, ha.add(hb));
  return {
    surface: {
      ...s,
      color: s.color.mul(crest.mul(0.6).add(0.75)),
      normal,
      roughness: s.roughness.mul(0.1).add(0.03),
      metalness: float(0),
    },
  };
}

function fire(src: SurfaceSource): AnimatedLook {
  // Turbulence rising along object +Y (two octave sets at different speeds), bent by the pattern's
  // relief so the preset still shows through; intensity → a dark-red → orange → white-hot ramp.
  const q = src.projector.position;
  const rise = (speed: number, k: number) =>
    mx_fractal_noise_float(q.mul(vec3(k, k * 0.6, k)).sub(vec3(0, time.mul(speed), 0)), 3, 2, 0.5);
  const h = reliefAt(src, { offset: vec2(float(0), time.mul(-0.3)) });
  const turbulence = rise(1.1, 1.6).mul(0.6).add(rise(2.3, 3.4).mul(0.4));
  const flame = clamp(turbulence.mul(0.9).add(0.45).add(h.sub(0.5).mul(0.5)), 0, 1);
  const flicker = sin(time.mul(13))
    .mul(sin(time.mul(7.3)))
    .mul(0.12)
    .add(0.9);
  const hot = glowColour(src.params, '#ff7a1a', 6);
  const ramp = mix(
    mix(linearColour('#2a0300'), hot, smoothstep(0.25, 0.65, flame)),
    hot.mul(1.5).add(vec3(0.6, 0.5, 0.3)),
    smoothstep(0.7, 1, flame),
  );
  const s = sampleSurface(src);
  return {
    surface: {
      ...s,
      color: s.color.mul(0.15),
      roughness: float(0.9),
      metalness: float(0),
      emissive: ramp.mul(smoothstep(0.15, 0.5, flame)).mul(flicker),
    },
  };
}

function hologram(src: SurfaceSource, look: MaterialLook): AnimatedLook {
  const tint: V3 = glowColour(src.params, src.params.colors[0], 1.5);
  const s = sampleSurface(src);
  const lines = sin(positionWorld.y.mul(140).sub(time.mul(6)))
    .mul(0.5)
    .add(0.5);
  const band = smoothstep(0.9, 1, positionWorld.y.mul(0.6).sub(time.mul(0.35)).fract());
  const rim = pow(facing(), 2);
  const flicker = sin(time.mul(37))
    .mul(sin(time.mul(11.3)))
    .mul(0.08)
    .add(0.92);
  const pattern = s.height.mul(0.6).add(0.4);
  const glow = tint
    .mul(float(0.25).add(rim.mul(1.6)).add(band.mul(0.8)))
    .mul(lines.mul(0.35).add(0.65))
    .mul(pattern)
    .mul(flicker);
  const alpha = clamp(
    float(0.2).add(rim.mul(0.7)).add(band.mul(0.3)).mul(lines.mul(0.4).add(0.6)),
    0,
    1,
  ).mul(look.opacity ?? 0.8);
  return {
    surface: {
      ...s,
      color: tint.mul(0.04),
      roughness: float(0.35),
      metalness: float(0),
      emissive: glow,
      opacity: alpha,
    },
    transparent: true,
    depthWrite: false,
    side: DoubleSide,
  };
}

function shield(src: SurfaceSource, look: MaterialLook): AnimatedLook {
  const tint = glowColour(src.params, '#4cc3ff', 1.2);
  const s = sampleSurface(src);
  const h = reliefAt(src);
  const grooves = smoothstep(0.35, 0.1, h);
  const rim = pow(facing(), 3);
  const pulse = sin(time.mul(3).sub(src.projector.position.y.mul(3)))
    .mul(0.5)
    .add(0.5);
  const lit = rim
    .mul(2)
    .add(grooves.mul(max(pulse, 0.15)).mul(1.2))
    .add(0.04);
  return {
    surface: {
      ...s,
      color: vec3(0, 0, 0),
      roughness: float(0.2),
      metalness: float(0),
      normal: null,
      emissive: tint.mul(lit),
      opacity: clamp(lit, 0, 1).mul(look.opacity ?? 1),
    },
    transparent: true,
    blending: AdditiveBlending,
    depthWrite: false,
    side: DoubleSide,
  };
}

export function animateSurface(
  kind: MaterialAnimation,
  src: SurfaceSource,
  look: MaterialLook,
): AnimatedLook {
  switch (kind) {
    case 'lava':
      return lava(src);
    case 'water':
      return water(src);
    case 'fire':
      return fire(src);
    case 'hologram':
      return hologram(src, look);
    case 'shield':
      return shield(src, look);
  }
}
