// Goblets and wine glasses: a foot, a stem (with an optional knob) and a hollow cup.
import type { Prng } from '../../prng';
import { lathe, smoothProfile, smoothUnion, sphere, translate, union, type Sdf } from '../sdf';
import { hollowLathe, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const footR = prng.range(0.2, 0.45);
  const stemH = prng.range(0.2, 0.8);
  const stemR = prng.range(0.03, 0.07);
  const cupH = prng.range(0.3, 0.8);
  const cupR = prng.range(0.2, 0.5);
  const foot = lathe([
    [footR, 0],
    [footR, 0.03],
    [stemR * 1.5, 0.08],
    [stemR, stemH],
  ]);
  const y0 = stemH;
  const shape = prng.int(0, 2);
  const control: Array<[number, number]> =
    shape === 0
      ? [
          [stemR, y0],
          [cupR * 0.8, y0 + cupH * 0.25],
          [cupR, y0 + cupH * 0.6],
          [cupR * prng.range(0.7, 1), y0 + cupH],
        ]
      : shape === 1
        ? [
            [stemR, y0],
            [cupR * 0.6, y0 + cupH * 0.4],
            [cupR, y0 + cupH],
          ]
        : [
            [stemR, y0],
            [cupR, y0 + cupH * 0.15],
            [cupR, y0 + cupH],
          ];
  const cup = hollowLathe(smoothProfile(control, 4), prng.range(0.02, 0.04), y0 + cupH * 0.12);
  let sdf: Sdf = union(foot, cup);
  if (prng.chance(0.4))
    sdf = smoothUnion(sdf, translate(sphere(stemR * 2), 0, stemH * prng.range(0.3, 0.7), 0), 0.03);
  return sdf;
}

export const goblet: ShapeFamily = { id: 'goblet', name: 'Goblet', make };
