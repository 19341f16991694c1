// parseModelFile on GLB and .gltf files built here with glTF-Transform's Document API: hierarchy and
// mirroring baked into positions and normals, topology conversion, missing attributes, quantized
// and instanced data, materials, ids and determinism.
import { Document, Primitive, WebIO, type Node, type TypedArray } from '@gltf-transform/core';
import {
  EXTMeshGPUInstancing,
  KHRMaterialsClearcoat,
  KHRMeshQuantization,
} from '@gltf-transform/extensions';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../src/import/parse-model-file';
import type { ImportedAsset } from '../../src/import/imported-asset';

const EXTENSIONS = [EXTMeshGPUInstancing, KHRMaterialsClearcoat, KHRMeshQuantization];
const io = () => new WebIO().registerExtensions(EXTENSIONS);

/** A unit quad in the XY plane facing +Z: (0,0,0) (1,0,0) (1,1,0) (0,1,0). */
const QUAD = {
  positions: [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0],
  normals: [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1],
  uvs: [0, 0, 1, 0, 1, 1, 0, 1],
  indices: [0, 1, 2, 0, 2, 3],
};

function accessor(doc: Document, type: 'SCALAR' | 'VEC2' | 'VEC3' | 'VEC4', array: TypedArray) {
  return doc
    .createAccessor()
    .setType(type)
    .setArray(array)
    .setBuffer(doc.getRoot().listBuffers()[0]!);
}

function quadPrimitive(doc: Document) {
  const material = doc
    .createMaterial('red paint')
    .setBaseColorFactor([0.8, 0.1, 0.05, 1])
    .setRoughnessFactor(0.5)
    .setMetallicFactor(0.25);
  material.setExtension(
    'KHR_materials_clearcoat',
    doc.createExtension(KHRMaterialsClearcoat).createClearcoat().setClearcoatFactor(1),
  );
  return doc
    .createPrimitive()
    .setAttribute('POSITION', accessor(doc, 'VEC3', new Float32Array(QUAD.positions)))
    .setAttribute('NORMAL', accessor(doc, 'VEC3', new Float32Array(QUAD.normals)))
    .setAttribute('TEXCOORD_0', accessor(doc, 'VEC2', new Float32Array(QUAD.uvs)))
    .setIndices(accessor(doc, 'SCALAR', new Uint16Array(QUAD.indices)))
    .setMaterial(material);
}

/**
 * The fixture scene, in draw order:
 *  0 parent (T 10,0,0; S 2): the quad
 *  1   child (T 0,5,0; R 90° about Z): the quad
 *  2 mirror (T 0,0,-3; S -1,1,1): the quad
 *  3 loose: two triangles, not indexed, no normals, no uvs (+ a lines primitive, skipped)
 *  - wire: lines only, draws nothing
 */
function fixtureDocument(): Document {
  const doc = new Document();
  doc.createBuffer();
  const quad = doc.createMesh('quad').addPrimitive(quadPrimitive(doc));
  const parent = doc
    .createNode('parent')
    .setTranslation([10, 0, 0])
    .setScale([2, 2, 2])
    .setMesh(quad);
  const s = Math.SQRT1_2;
  const child = doc
    .createNode('child')
    .setTranslation([0, 5, 0])
    .setRotation([0, 0, s, s])
    .setMesh(quad);
  parent.addChild(child);
  const mirror = doc
    .createNode('mirror')
    .setTranslation([0, 0, -3])
    .setScale([-1, 1, 1])
    .setMesh(quad);

  const loosePositions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
  const loose = doc
    .createMesh('loose')
    .addPrimitive(
      doc.createPrimitive().setAttribute('POSITION', accessor(doc, 'VEC3', loosePositions)),
    )
    .addPrimitive(
      doc
        .createPrimitive()
        .setMode(Primitive.Mode.LINES!)
        .setAttribute('POSITION', accessor(doc, 'VEC3', new Float32Array([0, 0, 0, 9, 9, 9]))),
    );
  const looseNode = doc.createNode('loose').setMesh(loose);
  const wire = doc.createMesh('wire').addPrimitive(
    doc
      .createPrimitive()
      .setMode(Primitive.Mode.LINE_STRIP!)
      .setAttribute('POSITION', accessor(doc, 'VEC3', new Float32Array([0, 0, 0, 50, 50, 50]))),
  );
  const wireNode = doc.createNode('wire').setMesh(wire);
  doc
    .createScene('fixture')
    .addChild(parent)
    .addChild(mirror)
    .addChild(looseNode)
    .addChild(wireNode);
  return doc;
}

const glbOf = (doc: Document) => io().writeBinary(doc);

/** The document as .gltf JSON text with every buffer and image inlined as a base64 data: URI. */
async function gltfTextOf(doc: Document): Promise<Uint8Array> {
  const { json, resources } = await io().writeJSON(doc);
  const inline = (def: { uri?: string; mimeType?: string }) => {
    if (!def.uri) return;
    const mime = def.mimeType ?? 'application/octet-stream';
    def.uri = `data:${mime};base64,${Buffer.from(resources[def.uri]!).toString('base64')}`;
  };
  json.buffers?.forEach(inline);
  json.images?.forEach(inline);
  return new TextEncoder().encode(JSON.stringify(json, null, 2));
}

/** Position `v` of mesh `m` in the imported asset. */
function vertex(asset: ImportedAsset, m: number, v: number): number[] {
  return Array.from(asset.meshes[m]!.mesh.positions.subarray(v * 3, v * 3 + 3));
}
function normal(asset: ImportedAsset, m: number, v: number): number[] {
  return Array.from(asset.meshes[m]!.mesh.normals.subarray(v * 3, v * 3 + 3));
}
function expectClose(actual: number[], expected: number[], digits = 5) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, digits));
}

/** Unit normal of triangle t from its (baked) positions and winding. */
function faceNormal(asset: ImportedAsset, m: number, t: number): number[] {
  const { positions: p, indices } = asset.meshes[m]!.mesh;
  const [a, b, c] = [0, 1, 2].map((k) => indices[t * 3 + k]! * 3) as [number, number, number];
  const u = [0, 1, 2].map((k) => p[b + k]! - p[a + k]!);
  const w = [0, 1, 2].map((k) => p[c + k]! - p[a + k]!);
  const n = [
    u[1]! * w[2]! - u[2]! * w[1]!,
    u[2]! * w[0]! - u[0]! * w[2]!,
    u[0]! * w[1]! - u[1]! * w[0]!,
  ];
  const len = Math.hypot(n[0]!, n[1]!, n[2]!);
  return n.map((x) => x / len);
}

describe('parseModelFile: the fixture GLB', async () => {
  const glb = await glbOf(fixtureDocument());
  const asset = await parseModelFile(glb, 'fixture.glb');

  it('keeps one mesh per triangle primitive per node, in scene order, and skips lines', () => {
    expect(asset.meshes).toHaveLength(4);
    expect(asset.triangles).toBe(2 + 2 + 2 + 2);
    expect(asset.vertices).toBe(4 + 4 + 4 + 6);
    expect(asset.name).toBe('fixture.glb');
  });

  it('hashes the bytes with SHA-256 and names meshes asset:<hash12>:<n>', async () => {
    const digest = await crypto.subtle.digest('SHA-256', glb);
    expect(asset.hash).toBe(Buffer.from(digest).toString('hex'));
    expect(asset.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(asset.meshes.map((m) => m.mesh.id)).toEqual(
      [0, 1, 2, 3].map((n) => `asset:${asset.hash.slice(0, 12)}:${n}`),
    );
  });

  it('bakes the parent transform: T(10,0,0) S(2)', () => {
    expectClose(vertex(asset, 0, 0), [10, 0, 0]);
    expectClose(vertex(asset, 0, 1), [12, 0, 0]);
    expectClose(vertex(asset, 0, 2), [12, 2, 0]);
    expectClose(vertex(asset, 0, 3), [10, 2, 0]);
  });

  it('bakes parent and child together: T(10,0,0) S(2) · T(0,5,0) Rz(90°)', () => {
    // (1,0,0) → Rz → (0,1,0) → +5y → (0,6,0) → ×2 → (0,12,0) → +10x → (10,12,0)
    expectClose(vertex(asset, 1, 0), [10, 10, 0]);
    expectClose(vertex(asset, 1, 1), [10, 12, 0]);
    expectClose(vertex(asset, 1, 2), [8, 12, 0]);
    expectClose(vertex(asset, 1, 3), [8, 10, 0]);
    // Rotation about Z leaves the +Z normal alone; uniform scale is renormalised away.
    for (let v = 0; v < 4; v++) expectClose(normal(asset, 1, v), [0, 0, 1]);
  });

  it('mirrors under a negative scale and flips the winding so faces still face their normals', () => {
    expectClose(vertex(asset, 2, 1), [-1, 0, -3]);
    expectClose(vertex(asset, 2, 2), [-1, 1, -3]);
    for (let v = 0; v < 4; v++) expectClose(normal(asset, 2, v), [0, 0, 1]);
    expect(Array.from(asset.meshes[2]!.mesh.indices)).toEqual([0, 2, 1, 0, 3, 2]);
    for (const m of [0, 1, 2]) {
      for (let t = 0; t < 2; t++) expectClose(faceNormal(asset, m, t), normal(asset, m, 0));
    }
  });

  it('indexes a non-indexed primitive and computes normals and zero uvs for it', () => {
    const { mesh } = asset.meshes[3]!;
    expect(Array.from(mesh.indices)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(mesh.indices).toBeInstanceOf(Uint32Array);
    for (let v = 0; v < 3; v++) expectClose(normal(asset, 3, v), [0, 0, 1]);
    for (let v = 3; v < 6; v++) expectClose(normal(asset, 3, v), [0, 1, 0]);
    expect(mesh.uvs).toEqual(new Float32Array(12));
  });

  it('keeps uvs and reads material factors (a KHR_materials_* extension in use)', () => {
    expect(Array.from(asset.meshes[0]!.mesh.uvs)).toEqual(QUAD.uvs);
    const material = asset.meshes[0]!.material;
    expect(material.name).toBe('red paint');
    expectClose(material.colour, [0.8, 0.1, 0.05, 1]);
    expect(material.roughness).toBeCloseTo(0.5);
    expect(material.metalness).toBeCloseTo(0.25);
    // No material: glTF's default (white, fully rough, fully metallic).
    expect(asset.meshes[3]!.material).toEqual({
      name: 'default',
      colour: [1, 1, 1, 1],
      roughness: 1,
      metalness: 1,
    });
  });

  it('bounds every vertex, lines excluded', () => {
    expectClose(asset.bounds, [-1, 0, -3, 12, 12, 1]);
  });

  it('is deterministic: the same bytes give identical arrays', async () => {
    const again = await parseModelFile(glb.slice(), 'fixture.glb');
    expect(again.hash).toBe(asset.hash);
    expect(again.meshes.length).toBe(asset.meshes.length);
    asset.meshes.forEach(({ mesh, material }, i) => {
      const other = again.meshes[i]!;
      expect(other.mesh.id).toBe(mesh.id);
      for (const key of ['positions', 'normals', 'uvs', 'indices'] as const) {
        expect(Buffer.from(other.mesh[key].buffer).equals(Buffer.from(mesh[key].buffer))).toBe(
          true,
        );
      }
      expect(other.material).toEqual(material);
    });
  });

  it('reads bytes that sit at an unaligned offset inside a larger buffer', async () => {
    const host = new Uint8Array(glb.byteLength + 7);
    host.set(glb, 3);
    const view = host.subarray(3, 3 + glb.byteLength);
    const shifted = await parseModelFile(view, 'fixture.glb');
    expect(shifted.hash).toBe(asset.hash);
    expect(shifted.meshes[1]!.mesh.positions).toEqual(asset.meshes[1]!.mesh.positions);
  });

  it('detects the format by content, not by the file name', async () => {
    const renamed = await parseModelFile(glb, 'fixture.gltf');
    expect(renamed.triangles).toBe(asset.triangles);
  });
});

describe('parseModelFile: .gltf JSON with embedded data', () => {
  it('reads data: URI buffers and images and gives the same geometry as the GLB', async () => {
    const doc = fixtureDocument();
    const texture = doc
      .createTexture('swatch')
      .setImage(new Uint8Array([137, 80, 78, 71, 1, 2, 3]));
    doc.getRoot().listMaterials()[0]!.setBaseColorTexture(texture.setMimeType('image/png'));
    const text = await gltfTextOf(doc);
    expect(new TextDecoder().decode(text)).toContain('data:image/png;base64,');
    const fromJson = await parseModelFile(text, 'fixture.gltf');
    const fromGlb = await parseModelFile(await glbOf(doc), 'fixture.glb');
    expect(fromJson.meshes.length).toBe(fromGlb.meshes.length);
    fromJson.meshes.forEach(({ mesh }, i) => {
      expect(mesh.positions).toEqual(fromGlb.meshes[i]!.mesh.positions);
      expect(mesh.normals).toEqual(fromGlb.meshes[i]!.mesh.normals);
      expect(mesh.indices).toEqual(fromGlb.meshes[i]!.mesh.indices);
    });
    // Content-addressed: different bytes, different identity.
    expect(fromJson.hash).not.toBe(fromGlb.hash);
  });

  it('reads a JSON file named .glb', async () => {
    const asset = await parseModelFile(await gltfTextOf(fixtureDocument()), 'misnamed.glb');
    expect(asset.meshes).toHaveLength(4);
  });
});

describe('parseModelFile: topology and encodings', () => {
  function single(
    build: (doc: Document) => Primitive,
    setup?: (doc: Document, node: Node) => void,
  ) {
    const doc = new Document();
    doc.createBuffer();
    const node = doc.createNode('n').setMesh(doc.createMesh('m').addPrimitive(build(doc)));
    setup?.(doc, node);
    doc.createScene().addChild(node);
    return glbOf(doc);
  }
  // A zig-zag strip in the XY plane: 0 (0,0) 1 (0,1) 2 (1,0) 3 (1,1) 4 (2,0)
  const zigzag = new Float32Array([0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 2, 0, 0]);

  it('turns a triangle strip into triangles that all keep the first one’s winding', async () => {
    const glb = await single((doc) =>
      doc
        .createPrimitive()
        .setMode(Primitive.Mode.TRIANGLE_STRIP!)
        .setAttribute('POSITION', accessor(doc, 'VEC3', zigzag)),
    );
    const asset = await parseModelFile(glb, 'strip.glb');
    expect(Array.from(asset.meshes[0]!.mesh.indices)).toEqual([0, 1, 2, 1, 3, 2, 2, 3, 4]);
    for (let t = 0; t < 3; t++) expectClose(faceNormal(asset, 0, t), [0, 0, -1]);
  });

  it('splits an indexed strip at the restart value and drops degenerate joins', async () => {
    const glb = await single((doc) =>
      doc
        .createPrimitive()
        .setMode(Primitive.Mode.TRIANGLE_STRIP!)
        .setAttribute('POSITION', accessor(doc, 'VEC3', zigzag))
        .setIndices(
          accessor(doc, 'SCALAR', new Uint16Array([0, 1, 2, 2, 2, 3, 4, 0xffff, 4, 3, 2])),
        ),
    );
    const asset = await parseModelFile(glb, 'restart.glb');
    // (0,1,2); (1,2,2) (2,2,2) (2,2,3) degenerate; (2,3,4) at an even position; then (4,3,2)
    expect(Array.from(asset.meshes[0]!.mesh.indices)).toEqual([0, 1, 2, 2, 3, 4, 4, 3, 2]);
  });

  it('turns a triangle fan into triangles around its first vertex', async () => {
    const fan = new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
    const glb = await single((doc) =>
      doc
        .createPrimitive()
        .setMode(Primitive.Mode.TRIANGLE_FAN!)
        .setAttribute('POSITION', accessor(doc, 'VEC3', fan)),
    );
    const asset = await parseModelFile(glb, 'fan.glb');
    expect(Array.from(asset.meshes[0]!.mesh.indices)).toEqual([1, 2, 0, 2, 3, 0]);
    for (let t = 0; t < 2; t++) expectClose(faceNormal(asset, 0, t), [0, 0, 1]);
  });

  it('keeps normals perpendicular under non-uniform scale (inverse-transpose)', async () => {
    // A triangle facing (1,1,0)/√2, scaled ×2 in y: the surface now faces (2,1,0)/√5.
    const glb = await single(
      (doc) =>
        doc
          .createPrimitive()
          .setAttribute(
            'POSITION',
            accessor(doc, 'VEC3', new Float32Array([0, 0, 0, 0, 0, 1, 1, -1, 0])),
          )
          .setAttribute(
            'NORMAL',
            accessor(
              doc,
              'VEC3',
              new Float32Array(9).fill(Math.SQRT1_2).map((x, i) => (i % 3 === 2 ? 0 : x)),
            ),
          ),
      (_, node) => node.setScale([1, 2, 1]),
    );
    const asset = await parseModelFile(glb, 'stretched.glb');
    const expected = [2 / Math.sqrt(5), 1 / Math.sqrt(5), 0];
    expectClose(normal(asset, 0, 0), expected);
    expectClose(faceNormal(asset, 0, 0), expected);
  });

  it('computes area-weighted smooth normals where vertices are shared', async () => {
    // Two triangles sharing edge 0-1: a big one facing +Z and a small one facing +X.
    const positions = new Float32Array([0, 0, 0, 0, 1, 0, -4, 0, 0, 0, 0, -0.25]);
    const glb = await single((doc) =>
      doc
        .createPrimitive()
        .setAttribute('POSITION', accessor(doc, 'VEC3', positions))
        .setIndices(accessor(doc, 'SCALAR', new Uint32Array([0, 1, 2, 0, 3, 1]))),
    );
    const asset = await parseModelFile(glb, 'smooth.glb');
    // Areas 2 and 0.125: the shared vertices lean 16:1 towards +Z.
    const len = Math.hypot(4, 0.25);
    expectClose(normal(asset, 0, 0), [0.25 / len, 0, 4 / len]);
    expectClose(normal(asset, 0, 2), [0, 0, 1]);
    expectClose(normal(asset, 0, 3), [1, 0, 0]);
  });

  it('dequantizes KHR_mesh_quantization attributes (normalized integers)', async () => {
    const glb = await single(
      (doc) =>
        doc
          .createPrimitive()
          .setAttribute(
            'POSITION',
            accessor(
              doc,
              'VEC3',
              new Int16Array([0, 0, 0, 32767, 0, 0, 0, 32767, -32767]),
            ).setNormalized(true),
          )
          .setAttribute(
            'NORMAL',
            accessor(doc, 'VEC3', new Int8Array([127, 0, 0, 127, 0, 0, 127, 0, 0])).setNormalized(
              true,
            ),
          )
          .setAttribute(
            'TEXCOORD_0',
            accessor(doc, 'VEC2', new Uint16Array([0, 0, 65535, 0, 0, 65535])).setNormalized(true),
          ),
      (doc, node) => {
        doc.createExtension(KHRMeshQuantization).setRequired(true);
        node.setScale([4, 4, 4]);
      },
    );
    const asset = await parseModelFile(glb, 'quantized.glb');
    expectClose(vertex(asset, 0, 1), [4, 0, 0]);
    expectClose(vertex(asset, 0, 2), [0, 4, -4]);
    expectClose(normal(asset, 0, 0), [1, 0, 0]);
    expectClose(Array.from(asset.meshes[0]!.mesh.uvs), [0, 0, 1, 0, 0, 1]);
  });

  it('draws every EXT_mesh_gpu_instancing instance, inside the node transform', async () => {
    const glb = await single(
      (doc) => quadPrimitive(doc),
      (doc, node) => {
        const translations = accessor(doc, 'VEC3', new Float32Array([0, 0, 0, 5, 0, 0, 0, 0, 7]));
        const instances = doc
          .createExtension(EXTMeshGPUInstancing)
          .setRequired(true)
          .createInstancedMesh()
          .setAttribute('TRANSLATION', translations);
        node.setExtension('EXT_mesh_gpu_instancing', instances).setScale([2, 2, 2]);
      },
    );
    const asset = await parseModelFile(glb, 'instanced.glb');
    expect(asset.meshes).toHaveLength(3);
    expectClose(vertex(asset, 0, 1), [2, 0, 0]);
    expectClose(vertex(asset, 1, 1), [12, 0, 0]);
    expectClose(vertex(asset, 2, 1), [2, 0, 14]);
    expect(asset.triangles).toBe(6);
  });

  it('uses the default scene, or the first when none is marked', async () => {
    const doc = new Document();
    doc.createBuffer();
    const quad = doc.createMesh().addPrimitive(quadPrimitive(doc));
    const first = doc.createScene('first').addChild(doc.createNode('a').setMesh(quad));
    const second = doc
      .createScene('second')
      .addChild(doc.createNode('b').setMesh(quad).setTranslation([0, 0, 9]))
      .addChild(doc.createNode('c').setMesh(quad));
    doc.getRoot().setDefaultScene(second);
    expect((await parseModelFile(await glbOf(doc), 'x.glb')).meshes).toHaveLength(2);
    doc.getRoot().setDefaultScene(null);
    expect((await parseModelFile(await glbOf(doc), 'x.glb')).meshes).toHaveLength(1);
    expect(first.listChildren()).toHaveLength(1);
  });
});
