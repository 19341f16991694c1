// The importer's pure helpers on their own: matrices, topology conversion, dequantization and data
// URIs, where a mistake would otherwise only show as a subtly wrong model.
import { describe, expect, it } from 'vitest';
import { decodeDataUri } from '../../src/import/data-uri';
import { toFloat32 } from '../../src/import/dequantize';
import { ImportError } from '../../src/import/import-error';
import { determinant3, fromArray, multiply, normalMatrix } from '../../src/import/matrix';
import { triangulate } from '../../src/import/triangulate';

describe('matrix', () => {
  // Column-major: a shear-and-scale 3x3 with a translation.
  const m = fromArray([2, 0.5, 0, 0, 0.25, 3, 0, 0, 1, -1, 4, 0, 7, 8, 9, 1]);

  it('normalMatrix is the inverse-transpose of the upper 3x3', () => {
    const n = normalMatrix(m)!;
    // inverse-transpose: (N^T) * M3 = I, i.e. column i of N dotted with column j of M = δij
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let dot = 0;
        for (let k = 0; k < 3; k++) dot += n[i * 3 + k]! * m[j * 4 + k]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('normalMatrix is null for a singular matrix; determinant3 sees mirroring', () => {
    expect(normalMatrix(fromArray([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBeNull();
    expect(determinant3(fromArray([-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]))).toBe(-1);
  });

  it('multiply applies the right-hand matrix first', () => {
    const translate = fromArray([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 0, 0, 1]);
    const scale = fromArray([2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]);
    expect(multiply(translate, scale)[12]).toBe(5); // scale, then move
    expect(multiply(scale, translate)[12]).toBe(10); // move, then scale the offset too
  });
});

describe('triangulate', () => {
  it('drops the trailing indices of an incomplete triangle list and copies the input', () => {
    const indices = new Uint32Array([0, 1, 2, 2, 1]);
    const out = triangulate(4, indices, 3, null);
    expect(Array.from(out)).toEqual([0, 1, 2]);
    out[0] = 9;
    expect(indices[0]).toBe(0);
  });

  it('gives nothing for strips and fans under three vertices', () => {
    expect(triangulate(5, null, 2, null)).toHaveLength(0);
    expect(triangulate(6, new Uint32Array([0, 1]), 2, null)).toHaveLength(0);
  });

  it('restarts fans at the restart value', () => {
    const fan = new Uint32Array([0, 1, 2, 3, 255, 4, 5, 6]);
    expect(Array.from(triangulate(6, fan, 7, 255))).toEqual([1, 2, 0, 2, 3, 0, 5, 6, 4]);
  });

  it('refuses a mode that is not a triangle mode', () => {
    expect(() => triangulate(1, null, 4, null)).toThrow(ImportError);
  });
});

describe('toFloat32', () => {
  it('maps normalized integers to [-1, 1] / [0, 1], clamping the extra negative value', () => {
    expect(Array.from(toFloat32(new Int8Array([127, -127, -128, 0]), 5120, true))).toEqual([
      1, -1, -1, 0,
    ]);
    expect(Array.from(toFloat32(new Uint8Array([255, 51]), 5121, true))).toEqual([
      1,
      Math.fround(0.2),
    ]);
    expect(Array.from(toFloat32(new Int16Array([-32768, 32767]), 5122, true))).toEqual([-1, 1]);
  });

  it('keeps integer values as they are when not normalized', () => {
    expect(Array.from(toFloat32(new Uint16Array([0, 1000]), 5123, false))).toEqual([0, 1000]);
  });
});

describe('decodeDataUri', () => {
  it('decodes base64 (whitespace allowed) and percent-encoding', () => {
    expect(Array.from(decodeDataUri('data:application/octet-stream;base64,AAEC/w==', 'u'))).toEqual(
      [0, 1, 2, 255],
    );
    expect(Array.from(decodeDataUri('data:;base64,AA EC\n/w==', 'u'))).toEqual([0, 1, 2, 255]);
    expect(Array.from(decodeDataUri('data:,a%00%FFb', 'u'))).toEqual([97, 0, 255, 98]);
  });

  it('names the URI when it is malformed', () => {
    expect(() => decodeDataUri('data:application/octet-stream;base64', 'buffers[1].uri')).toThrow(
      'buffers[1].uri: malformed data URI',
    );
    expect(() => decodeDataUri('data:,%zz', 'images[0].uri')).toThrow('malformed percent-encoding');
  });
});
