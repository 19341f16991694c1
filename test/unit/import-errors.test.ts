// Bad input to parseModelFile: every case is an ImportError whose message starts with the file name
// and says what is wrong; nothing else is ever thrown. Ends with a seeded fuzz over mutated files.
import { Document, Primitive, WebIO } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { ImportError, parseModelFile } from '../../src/import/parse-model-file';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One indexed triangle with normals, under one node. */
function triangleDocument(): Document {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const acc = (
    type: 'SCALAR' | 'VEC3',
    array: Float32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>,
  ) => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', acc('VEC3', new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])))
    .setAttribute('NORMAL', acc('VEC3', new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1])))
    .setIndices(acc('SCALAR', new Uint16Array([0, 1, 2])));
  doc
    .createScene()
    .addChild(doc.createNode('tri').setMesh(doc.createMesh('tri').addPrimitive(prim)));
  return doc;
}

const glbOf = (doc: Document) => new WebIO().writeBinary(doc);

/** glTF JSON with its buffer inlined as a base64 data: URI, to edit before encoding. */
async function gltfJson(doc = triangleDocument()): Promise<Json> {
  const { json, resources } = await new WebIO().writeJSON(doc);
  for (const def of json.buffers ?? []) {
    def.uri = `data:application/octet-stream;base64,${Buffer.from(resources[def.uri!]!).toString('base64')}`;
  }
  return json as Json;
}
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const text = (s: string) => new TextEncoder().encode(s);

async function importError(
  bytes: Uint8Array,
  name = 'bad.glb',
  options?: Parameters<typeof parseModelFile>[2],
): Promise<string> {
  try {
    await parseModelFile(bytes, name, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const { message } = error as ImportError;
    expect(message.startsWith(`${name}: `), message).toBe(true);
    return message;
  }
  throw new Error(`expected ${name} to be refused`);
}

/** A copy of the GLB with the u32 at `offset` replaced. */
function patchU32(glb: Uint8Array, offset: number, value: number): Uint8Array {
  const out = glb.slice();
  new DataView(out.buffer).setUint32(offset, value, true);
  return out;
}

describe('parseModelFile refuses bad files with a clear ImportError', async () => {
  const glb = await glbOf(triangleDocument());

  it('accepts the unmodified fixtures (so the cases below fail for their own reason)', async () => {
    expect((await parseModelFile(glb, 'ok.glb')).triangles).toBe(1);
    expect((await parseModelFile(encode(await gltfJson()), 'ok.gltf')).triangles).toBe(1);
  });

  it('an empty file', async () => {
    expect(await importError(new Uint8Array(0), 'empty.glb')).toBe(
      'empty.glb: the file is empty (0 bytes)',
    );
  });

  it('a file over maxBytes, saying the size and the limit', async () => {
    const message = await importError(glb, 'big.glb', { maxBytes: 100 });
    expect(message).toContain(`${glb.byteLength.toLocaleString('en-US')} bytes`);
    expect(message).toContain('over the limit of 100 bytes');
    const huge = await importError(new Uint8Array(3 * 1024 * 1024), 'huge.glb', {
      maxBytes: 2 * 1024 * 1024,
    });
    expect(huge).toBe(
      'huge.glb: the file is 3,145,728 bytes (3.0 MiB), over the limit of 2,097,152 bytes (2.0 MiB)',
    );
  });

  it('random bytes', async () => {
    const rng = new Prng(7);
    const bytes = Uint8Array.from({ length: 4096 }, () => rng.nextU32() & 0xff);
    bytes[0] = 0x00;
    expect(await importError(bytes, 'noise.bin')).toBe(
      "noise.bin: not a glTF file (no 'glTF' header and not JSON)",
    );
    expect(await importError(text('solid cube\nfacet normal 0 0 1'), 'cube.stl')).toContain(
      'not a glTF file',
    );
  });

  it('a truncated GLB (header length mismatch)', async () => {
    const message = await importError(glb.slice(0, glb.byteLength - 10), 'cut.glb');
    expect(message).toContain('truncated GLB');
    expect(message).toContain(
      `header says ${glb.byteLength} bytes but the file has ${glb.byteLength - 10}`,
    );
    expect(await importError(glb.slice(0, 9), 'stub.glb')).toContain(
      'shorter than the 12-byte header',
    );
    const padded = new Uint8Array(glb.byteLength + 4);
    padded.set(glb);
    expect(await importError(padded, 'padded.glb')).toContain('header length mismatch');
  });

  it('a GLB chunk that runs beyond the end of the file', async () => {
    const json = await importError(patchU32(glb, 12, 1_000_000), 'chunk.glb');
    expect(json).toMatch(/chunk 0 \(1000000 bytes at byte 20\) runs beyond the end/);
    const jsonLength = new DataView(glb.buffer).getUint32(12, true);
    const bin = await importError(patchU32(glb, 20 + jsonLength, 1_000_000), 'chunk.glb');
    expect(bin).toMatch(/truncated GLB: chunk 1 .* runs beyond the end/);
  });

  it('a GLB of another container version, or whose first chunk is not JSON', async () => {
    expect(await importError(patchU32(glb, 4, 1), 'v1.glb')).toContain('GLB container version 1');
    expect(await importError(patchU32(glb, 16, 0x004e4942), 'order.glb')).toContain(
      'first chunk is not JSON',
    );
  });

  it('invalid JSON', async () => {
    const message = await importError(text('{"asset": {"version": "2.0"'), 'broken.gltf');
    expect(message).toMatch(/^broken\.gltf: invalid JSON \(.+\)$/);
    expect(await importError(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'latin.gltf')).toContain(
      'not valid UTF-8',
    );
  });

  it('JSON that is not glTF (no asset.version)', async () => {
    for (const json of [{ hello: 1 }, [1, 2], { asset: {} }, { asset: { version: 2 } }]) {
      expect(await importError(encode(json), 'data.json')).toBe(
        'data.json: not a glTF file: the JSON has no asset.version',
      );
    }
  });

  it('a glTF version that is not 2.x', async () => {
    const json = await gltfJson();
    json.asset.version = '1.0';
    expect(await importError(encode(json), 'old.gltf')).toBe(
      'old.gltf: glTF version "1.0" is not supported (only 2.x)',
    );
  });

  it('external URIs, naming the missing file', async () => {
    const json = await gltfJson();
    json.buffers[0].uri = 'chair.bin';
    const message = await importError(encode(json), 'chair.gltf');
    expect(message).toContain('"chair.bin"');
    expect(message).toContain('buffers[0].uri');
    expect(message).toContain('only .glb or .gltf with embedded data');

    const withImage = await gltfJson();
    withImage.images = [{ uri: 'textures/wood.png' }];
    expect(await importError(encode(withImage), 'chair.gltf')).toContain(
      'images[0].uri refers to the external file "textures/wood.png"',
    );

    const remote = await gltfJson();
    remote.buffers[0].uri = 'https://example.com/chair.bin';
    expect(await importError(encode(remote), 'chair.gltf')).toContain(
      'https://example.com/chair.bin',
    );
  });

  it('NaN or infinite positions', async () => {
    const doc = triangleDocument();
    const positions = doc.getRoot().listAccessors()[0]!;
    positions.setArray(new Float32Array([0, 0, 0, NaN, 0, 0, 0, 1, 0]));
    const message = await importError(await glbOf(doc), 'nan.glb');
    expect(message).toContain(
      'meshes[0].primitives[0] (nodes[0]): vertex 1 has a position that is not finite',
    );
    expect(message).toContain('NaN');
    positions.setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, Infinity, 0]));
    expect(await importError(await glbOf(doc), 'inf.glb')).toContain('not finite (Infinity');
    // Finite in the file, infinite once the node's scale is applied.
    positions.setArray(new Float32Array([0, 0, 0, 3e38, 0, 0, 0, 1, 0]));
    doc.getRoot().listNodes()[0]!.setScale([1e3, 1, 1]);
    expect(await importError(await glbOf(doc), 'overflow.glb')).toContain('not finite');
  });

  it('indices out of range', async () => {
    const doc = triangleDocument();
    doc
      .getRoot()
      .listAccessors()[2]!
      .setArray(new Uint16Array([0, 1, 99]));
    expect(await importError(await glbOf(doc), 'idx.glb')).toContain(
      'index 99 is out of range (the primitive has 3 vertices)',
    );
  });

  it('more triangles (or vertices) than maxTriangles allows, before decoding', async () => {
    expect(await importError(glb, 'dense.glb', { maxTriangles: 0 })).toBe(
      'dense.glb: 1 triangles is over the limit of 0',
    );
    // An instanced node multiplies its mesh: counted from the JSON alone.
    const json = await gltfJson();
    json.nodes = Array.from({ length: 2000 }, () => ({ mesh: 0 }));
    json.scenes[0].nodes = json.nodes.map((_: unknown, i: number) => i);
    expect(await importError(encode(json), 'many.gltf', { maxTriangles: 1500 })).toContain(
      '2,000 triangles is over the limit of 1,500',
    );
  });

  it('a required extension that cannot be decoded, named', async () => {
    for (const name of ['KHR_draco_mesh_compression', 'EXT_meshopt_compression']) {
      const json = await gltfJson();
      json.extensionsUsed = [name];
      json.extensionsRequired = [name];
      const message = await importError(encode(json), 'packed.gltf');
      expect(message).toContain(`requires the extension ${name}`);
      expect(message).toContain('cannot decode');
    }
    const json = await gltfJson();
    json.extensionsRequired = ['EXT_made_up'];
    expect(await importError(encode(json), 'odd.gltf')).toBe(
      'odd.gltf: requires the extension EXT_made_up, which the studio does not support',
    );
  });

  it('accessors, views and buffers that claim more data than there is', async () => {
    const count = await gltfJson();
    count.accessors[0].count = 1_000_000;
    // gltf-transform interleaves POSITION and NORMAL: a 24-byte stride.
    expect(await importError(encode(count), 'count.gltf')).toContain(
      'accessors[0]: 1000000 elements need 23999988 bytes but bufferViews[0] has 72 (count larger than its buffer)',
    );
    const view = await gltfJson();
    view.bufferViews[0].byteOffset = 1000;
    expect(await importError(encode(view), 'view.gltf')).toContain(
      'lie beyond the end of buffers[0]',
    );
    const buffer = await gltfJson();
    buffer.buffers[0].byteLength = 10_000;
    expect(await importError(encode(buffer), 'buffer.gltf')).toContain(
      'buffers[0]: byteLength says 10000 bytes but only',
    );
    const zeroFilled = await gltfJson();
    zeroFilled.accessors.push({ componentType: 5126, type: 'MAT4', count: 50_000_000 });
    expect(await importError(encode(zeroFilled), 'sparse.gltf')).toContain('once decoded');
  });

  it('dangling indices and malformed fields, named by JSON path', async () => {
    const cases: [string, (json: Json) => void, string][] = [
      [
        'mesh',
        (j) => (j.nodes[0].mesh = 4),
        'nodes[0].mesh: expected an index into meshes (0..0), got 4',
      ],
      [
        'attr',
        (j) => (j.meshes[0].primitives[0].attributes.POSITION = -1),
        'attributes.POSITION: expected an index into accessors',
      ],
      [
        'type',
        (j) => (j.accessors[0].type = 'VEC9'),
        'accessors[0].type: expected SCALAR, VEC2..4 or MAT2..4, got "VEC9"',
      ],
      ['comp', (j) => (j.accessors[0].componentType = 1234), 'unknown component type 1234'],
      [
        'mode',
        (j) => (j.meshes[0].primitives[0].mode = 9),
        'mode: expected an integer in 0..6, got 9',
      ],
      [
        'position',
        (j) => (j.accessors[0].type = 'VEC2'),
        'POSITION: expected a VEC3 accessor, got VEC2',
      ],
      ['scene', (j) => (j.scene = 3), 'scene: expected an index into scenes (0..0), got 3'],
      [
        'matrix',
        (j) => (j.nodes[0].matrix = [1, 2]),
        'nodes[0].matrix: expected 16 finite numbers',
      ],
      ['list', (j) => (j.accessors = 'many'), 'accessors: expected an array, got "many"'],
      [
        'base64',
        (j) => (j.buffers[0].uri = 'data:application/octet-stream;base64,@@@@'),
        'not valid base64',
      ],
      ['nouri', (j) => delete j.buffers[0].uri, 'buffers[0] has no uri and no data'],
    ];
    for (const [label, edit, expected] of cases) {
      const json = await gltfJson();
      edit(json);
      expect(await importError(encode(json), `${label}.gltf`)).toContain(expected);
    }
  });

  it('node cycles and shared children', async () => {
    const cycle = await gltfJson();
    cycle.nodes = [{ children: [1] }, { children: [0], mesh: 0 }];
    cycle.scenes = [{ nodes: [] }];
    expect(await importError(encode(cycle), 'loop.gltf')).toContain(
      'is its own ancestor (a cycle)',
    );
    const shared = await gltfJson();
    shared.nodes = [{ children: [2] }, { children: [2] }, { mesh: 0 }];
    shared.scenes = [{ nodes: [0, 1] }];
    expect(await importError(encode(shared), 'shared.gltf')).toContain(
      'nodes[2] has more than one parent',
    );
  });

  it('a file with no triangle meshes', async () => {
    const doc = new Document();
    const buffer = doc.createBuffer();
    const line = doc
      .createPrimitive()
      .setMode(Primitive.Mode.LINES!)
      .setAttribute(
        'POSITION',
        doc.createAccessor().setType('VEC3').setArray(new Float32Array(6)).setBuffer(buffer),
      );
    doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh().addPrimitive(line)));
    expect(await importError(await glbOf(doc), 'wire.glb')).toContain(
      'wire.glb: has no triangle meshes',
    );
    const empty = await gltfJson();
    empty.scenes = [{ nodes: [] }];
    expect(await importError(encode(empty), 'empty-scene.gltf')).toContain(
      'has no triangle meshes',
    );
  });

  it("wraps glTF-Transform's own errors as ImportError with the file name", async () => {
    const json = await gltfJson();
    json.materials = [{ pbrMetallicRoughness: { baseColorTexture: { index: 7 } } }];
    json.meshes[0].primitives[0].material = 0;
    const message = await importError(encode(json), 'texture.gltf');
    expect(message).toMatch(/^texture\.gltf: could not read the glTF data \(.+\)$/);
  });

  it('reads a 20,000-deep node chain without overflowing the stack', async () => {
    const json = await gltfJson();
    const depth = 20_000;
    json.nodes = Array.from({ length: depth }, (_, i) =>
      i < depth - 1 ? { children: [i + 1], translation: [0, 0.001, 0] } : { mesh: 0 },
    );
    json.scenes = [{ nodes: [0] }];
    const asset = await parseModelFile(encode(json), 'chain.gltf');
    expect(asset.bounds[1]).toBeCloseTo((depth - 1) * 0.001, 3);
  });
});

describe('parseModelFile fuzz: mutated files give an asset or an ImportError, never anything else', () => {
  it('survives 600 seeded mutations of a GLB and of .gltf JSON text', async () => {
    const rng = new Prng(2024);
    const glb = await glbOf(triangleDocument());
    const jsonText = new TextEncoder().encode(JSON.stringify(await gltfJson()));
    const jsonLength = new DataView(glb.buffer).getUint32(12, true);
    const tally = { loaded: 0, refused: 0 };
    for (let i = 0; i < 600; i++) {
      const source = i % 2 === 0 ? glb : jsonText;
      const bytes = source.slice();
      const edits = 1 + rng.int(0, 3);
      for (let e = 0; e < edits; e++) {
        // Half the GLB edits land in the JSON chunk, where a byte changes the most.
        const inJson = source === glb && rng.chance(0.5);
        const at = inJson ? 20 + rng.int(0, jsonLength - 1) : rng.int(0, bytes.length - 1);
        const choice = rng.int(0, 2);
        if (choice === 0) bytes[at] = rng.nextU32() & 0xff;
        else if (choice === 1) bytes[at] = '0123456789{}[],:"-.e'.charCodeAt(rng.int(0, 19));
        else bytes[at] = bytes[at]! ^ (1 << rng.int(0, 7));
      }
      const cut = rng.chance(0.1) ? bytes.subarray(0, rng.int(0, bytes.length)) : bytes;
      try {
        await parseModelFile(cut, `mutant-${i}.glb`);
        tally.loaded++;
      } catch (error) {
        expect(error, `mutant ${i}: ${error}`).toBeInstanceOf(ImportError);
        tally.refused++;
      }
    }
    console.info(
      `import fuzz: 600 mutants, ${tally.loaded} loaded, ${tally.refused} refused, 0 crashes`,
    );
    expect(tally.loaded + tally.refused).toBe(600);
  });
});
