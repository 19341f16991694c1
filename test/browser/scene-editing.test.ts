// Editing in the viewport on WebGPU: the scene objects show the document (moves, hidden and removed
// objects, part copies) with the right instance matrices and counts, picking maps a screen point
// back to its object (hidden and locked ones are not picked), and an edit session driven by pointer
// and key events selects by click and box, outlines the selection, and turns gizmo drags and G/R/S
// modals into one edit command each (Esc restores exactly). Figures for the large dungeon are
// logged, not asserted.
import { afterEach, describe, expect, it } from 'vitest';
import {
  Color,
  Group,
  PerspectiveCamera,
  RenderTarget,
  Scene,
  Vector3,
  type InstancedMesh,
  type WebGPURenderer,
} from 'three/webgpu';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { getObject } from '../../src/core/document';
import { createStudioStore, type StudioStore } from '../../src/state/store';
import { createStudioRenderer } from '../../src/viewport/create-renderer';
import { createEditHandle } from '../../src/viewport/edit-handle-impl';
import { createEditSession } from '../../src/viewport/edit-session';
import { Gizmo } from '../../src/viewport/gizmo';
import { createOrbitControls } from '../../src/viewport/orbit-controls';
import { pickObject } from '../../src/viewport/picking';
import { buildSceneObjects, type SceneObjects } from '../../src/viewport/scene-objects';
import { SelectionOutline } from '../../src/viewport/selection-outline';
import { applyDelta, transformTargets } from '../../src/viewport/transform-targets';
import primitivesSpec from '../../public/examples/primitives.json';
import dungeonLargeSpec from '../../public/examples/dungeon-large.json';
import terrainSpec from '../../public/examples/terrain.json';

const W = 320;
const H = 200;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

let primitives: SceneData | undefined;
async function primitivesScene(): Promise<SceneData> {
  primitives ??= await generateScene(primitivesSpec);
  return primitives;
}

interface Rig {
  renderer: WebGPURenderer;
  scene: Scene;
  camera: PerspectiveCamera;
  canvas: HTMLCanvasElement;
  store: StudioStore;
  objects: SceneObjects;
  data: SceneData;
  id: (batch: number) => string;
  apply(): void;
  render(): void;
  /** Client position of a world point. */
  client(p: ArrayLike<number>): [number, number];
}

async function makeRig(data?: SceneData, forceWebGL = false): Promise<Rig> {
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:0;top:0;width:${W}px;height:${H}px`;
  const canvas = document.createElement('canvas');
  container.append(canvas);
  document.body.append(container);
  const { renderer, report } = await createStudioRenderer({ canvas, forceWebGL });
  expect(report.backend).toBe(forceWebGL ? 'webgl2' : 'webgpu');
  renderer.setPixelRatio(1);
  renderer.setSize(W, H);
  renderer.setClearColor(new Color('#1b1e24'), 1);
  const scene = new Scene();
  const camera = new PerspectiveCamera(42, W / H, 0.1, 200);
  camera.position.set(0, 7, 13);
  camera.lookAt(0, 0.8, 0.8);
  camera.updateMatrixWorld();
  const sceneData = data ?? (await primitivesScene());
  const store = createStudioStore();
  store.getState().generationFinished(sceneData, 'test');
  const objects = buildSceneObjects(sceneData);
  scene.add(objects.group);
  cleanup.push(() => {
    objects.dispose();
    renderer.dispose();
    container.remove();
  });
  const rig: Rig = {
    renderer: renderer as WebGPURenderer,
    scene,
    camera,
    canvas,
    store,
    objects,
    data: sceneData,
    id: (batch) => `${sceneData.batches[batch]!.part}#0`,
    apply() {
      const d = store.getState().doc;
      objects.applyLayer({ index: d.index, layer: d.layer }, d.assets);
    },
    render() {
      objects.update(camera.position.x, camera.position.y, camera.position.z);
      renderer.render(scene, camera);
    },
    client(p) {
      const v = new Vector3(p[12] ?? p[0], p[13] ?? p[1], p[14] ?? p[2]).project(camera);
      const r = canvas.getBoundingClientRect();
      return [r.left + (v.x * 0.5 + 0.5) * r.width, r.top + (0.5 - v.y * 0.5) * r.height];
    },
  };
  rig.apply();
  return rig;
}

/** The batch's single level mesh (primitives have one level). */
function meshOf(objects: SceneObjects, batch: number): InstancedMesh {
  return objects.group.children[batch] as InstancedMesh;
}

function worldOf(rig: Rig, id: string): number[] {
  const d = rig.store.getState().doc;
  return [...getObject({ index: d.index, layer: d.layer }, id)!.world];
}

function pickAtWorld(rig: Rig, p: ArrayLike<number>, pickable?: (id: string) => boolean) {
  const v = new Vector3(p[12]!, p[13]!, p[14]!).project(rig.camera);
  return pickObject(rig.objects, rig.camera, v.x, v.y, pickable ? { pickable } : {});
}

function pointer(
  target: EventTarget,
  type: string,
  [clientX, clientY]: [number, number],
  extra: PointerEventInit = {},
) {
  target.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      clientX,
      clientY,
      pointerId: 1,
      pointerType: 'mouse',
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerup' ? 0 : 1,
      ...extra,
    }),
  );
}

function key(k: string, extra: KeyboardEventInit = {}) {
  document.body.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...extra }),
  );
  document.body.dispatchEvent(
    new KeyboardEvent('keyup', { key: k, bubbles: true, cancelable: true, ...extra }),
  );
}

describe('scene objects show the document', () => {
  it('moves, hides, removes and adds part copies; undo restores the generated matrices', async () => {
    const rig = await makeRig();
    const { objects, store, id } = rig;
    const before = Array.from(meshOf(objects, 1).instanceMatrix.array);
    expect(objects.drawCalls).toBe(6);
    expect(objects.group.children.slice(0, 6).map((m) => (m as InstancedMesh).count)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);

    store.getState().edit({ type: 'translate', ids: [id(1)], delta: [0, 0, 2] });
    store.getState().edit({ type: 'setHidden', ids: [id(2)], hidden: true });
    store.getState().edit({ type: 'remove', ids: [id(3)] });
    const [copy] = store.getState().edit({ type: 'duplicate', ids: [id(4)], offset: [0, 0, -6] });
    rig.apply();

    const box = meshOf(objects, 1).instanceMatrix.array;
    expect(box[12]).toBeCloseTo(before[12]!, 5);
    expect(box[14]).toBeCloseTo(before[14]! + 2, 5);
    expect(meshOf(objects, 2).count).toBe(0);
    expect(meshOf(objects, 3).count).toBe(0);
    expect(objects.shapesOf(id(2))).toEqual([]);
    const copyShapes = objects.shapesOf(copy!);
    expect(copyShapes).toHaveLength(1);
    expect(copyShapes[0]!.geometry).toBe(meshOf(objects, 4).geometry);
    expect(copyShapes[0]!.matrix[14]).toBeCloseTo(3 - 6, 5);
    expect(objects.drawCalls).toBe(7);
    rig.render();

    for (let i = 0; i < 4; i++) store.getState().undo();
    rig.apply();
    expect(Array.from(meshOf(objects, 1).instanceMatrix.array)).toEqual(before);
    expect(meshOf(objects, 2).count).toBe(1);
    expect(meshOf(objects, 3).count).toBe(1);
    expect(objects.shapesOf(copy!)).toEqual([]);
    expect(objects.drawCalls).toBe(6);
  });

  it('keeps instances hidden inside a hidden group and shows them again when it is shown', async () => {
    const rig = await makeRig();
    const { objects, store, id } = rig;
    const [group] = store.getState().edit({ type: 'group', ids: [id(1), id(5)] });
    store.getState().edit({ type: 'setHidden', ids: [group!], hidden: true });
    rig.apply();
    expect([meshOf(objects, 1).count, meshOf(objects, 5).count]).toEqual([0, 0]);
    store.getState().edit({ type: 'setHidden', ids: [group!], hidden: false });
    rig.apply();
    expect([meshOf(objects, 1).count, meshOf(objects, 5).count]).toEqual([1, 1]);
  });
});

describe('picking', () => {
  it('returns the object under a screen point; hidden ones are not drawn, locked ones seen through', async () => {
    const rig = await makeRig();
    const { objects, store, id } = rig;
    const [copy] = store.getState().edit({ type: 'duplicate', ids: [id(4)], offset: [0, 0, -6] });
    rig.apply();
    rig.render();
    for (const b of [1, 2, 3, 4]) {
      expect(pickAtWorld(rig, worldOf(rig, id(b))), `batch ${b}`).toBe(id(b));
    }
    // The torus lies flat: its centre is a hole; aim at the ring.
    const onRing = worldOf(rig, id(5));
    onRing[12]! += 0.9;
    expect(pickAtWorld(rig, onRing)).toBe(id(5));
    expect(pickAtWorld(rig, worldOf(rig, copy!))).toBe(copy);

    const sphere = worldOf(rig, id(2));
    store.getState().edit({ type: 'setHidden', ids: [id(2)], hidden: true });
    rig.apply();
    // The ray now goes on to the ground plane behind.
    expect(pickAtWorld(rig, sphere)).toBe(id(0));

    store.getState().edit({ type: 'setLocked', ids: [id(5)], locked: true });
    const pickable = (i: string) => {
      const d = store.getState().doc;
      const o = getObject({ index: d.index, layer: d.layer }, i);
      return o !== null && o.visible && !o.locked;
    };
    expect(pickAtWorld(rig, onRing, pickable)).toBe(id(0));
    expect(objects.objectAt(meshOf(objects, 1), 0)).toBe(id(1));
    expect(objects.objectAt(meshOf(objects, 1), 1)).toBeNull();
  });
});

/** Counts accent-orange pixels in a render of the scene. */
async function accentPixels(rig: Rig): Promise<number> {
  const target = new RenderTarget(W, H);
  rig.renderer.setRenderTarget(target);
  rig.render();
  rig.renderer.setRenderTarget(null);
  const px = (await rig.renderer.readRenderTargetPixelsAsync(target, 0, 0, W, H)) as Uint8Array;
  target.dispose();
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i]! > 200 && px[i + 1]! > 40 && px[i + 1]! < 200 && px[i + 2]! < 80) n++;
  }
  return n;
}

describe('selection outline', () => {
  it('draws the selected objects in the accent colour on WebGPU, and nothing when none is', async () => {
    const rig = await makeRig();
    const outline = new SelectionOutline(rig.objects);
    rig.scene.add(outline.group);
    cleanup.push(() => outline.dispose());
    outline.frame(rig.camera, H);
    expect(await accentPixels(rig)).toBe(0);
    outline.setSelection([rig.id(1), rig.id(4)]);
    outline.frame(rig.camera, H);
    const selected = await accentPixels(rig);
    expect(selected).toBeGreaterThan(30);
    // Moving an object (a preview) moves its outline on the next frame.
    const m = worldOf(rig, rig.id(1));
    m[12]! += 1;
    rig.objects.previewWorld([rig.id(1)], [m]);
    outline.frame(rig.camera, H);
    expect(await accentPixels(rig)).toBeGreaterThan(30);
  });
});

describe('on the WebGL2 backend', () => {
  it('the outline and the gizmo render too', async () => {
    const rig = await makeRig(undefined, true);
    const overlay = new Group();
    rig.scene.add(overlay);
    const outline = new SelectionOutline(rig.objects);
    overlay.add(outline.group);
    const gizmo = new Gizmo(rig.camera, overlay);
    cleanup.push(() => {
      gizmo.dispose();
      outline.dispose();
    });
    outline.setSelection([rig.id(1)]);
    outline.frame(rig.camera, H);
    const box = worldOf(rig, rig.id(1));
    gizmo.place([box[12]!, box[13]!, box[14]!], box);
    expect(await accentPixels(rig)).toBeGreaterThan(30);
  });
});

describe('edit session', () => {
  async function sessionRig() {
    const rig = await makeRig();
    const overlay = new Group();
    rig.scene.add(overlay);
    const controls = createOrbitControls(rig.camera, rig.canvas);
    const handle = createEditHandle();
    const session = createEditSession({
      store: rig.store,
      objects: rig.objects,
      camera: rig.camera,
      canvas: rig.canvas,
      overlay,
    });
    handle.attach(session);
    // As SceneView does: the document is re-applied whenever it changes.
    const unsubscribe = rig.store.subscribe((s, prev) => {
      if (s.doc.layer !== prev.doc.layer) rig.apply();
    });
    cleanup.push(() => {
      unsubscribe();
      handle.detach(session);
      session.dispose();
      controls.dispose();
    });
    const frame = () => {
      session.frame(rig.camera);
      rig.render();
    };
    frame();
    return { ...rig, handle, session, frame, controls };
  }

  it('click selects, Shift-click adds, a click on empty space clears', async () => {
    const rig = await sessionRig();
    const { store, id } = rig;
    const at = (b: number) => rig.client(worldOf(rig, id(b)));
    pointer(rig.canvas, 'pointerdown', at(1));
    pointer(rig.canvas, 'pointerup', at(1));
    expect(store.getState().doc.selection).toEqual([id(1)]);
    rig.frame();
    pointer(rig.canvas, 'pointerdown', at(4), { shiftKey: true });
    pointer(rig.canvas, 'pointerup', at(4), { shiftKey: true });
    expect(store.getState().doc.selection).toEqual([id(4), id(1)]);
    // A drag (orbit) is not a click.
    const [x, y] = at(5);
    pointer(rig.canvas, 'pointerdown', [x, y]);
    pointer(rig.canvas, 'pointermove', [x + 10, y]);
    pointer(rig.canvas, 'pointerup', [x + 10, y]);
    expect(store.getState().doc.selection).toEqual([id(4), id(1)]);
    const r = rig.canvas.getBoundingClientRect();
    pointer(rig.canvas, 'pointerdown', [r.left + 5, r.top + 5]);
    pointer(rig.canvas, 'pointerup', [r.left + 5, r.top + 5]);
    expect(store.getState().doc.selection).toEqual([]);
  });

  it('Ctrl+drag and B then drag select the objects whose centres are in the box; orbit stays put', async () => {
    const rig = await sessionRig();
    const { store, id } = rig;
    const cameraBefore = rig.camera.position.toArray();
    const [bx, by] = rig.client(worldOf(rig, id(1)));
    // The box and the cone; the ground plane's centre (the origin) is outside the box.
    const [sx, sy] = rig.client(worldOf(rig, id(4)));
    const a: [number, number] = [Math.min(bx, sx) - 12, Math.min(by, sy) - 12];
    const b: [number, number] = [Math.max(bx, sx) + 12, Math.max(by, sy) + 12];
    pointer(rig.canvas, 'pointerdown', a, { ctrlKey: true });
    pointer(rig.canvas, 'pointermove', b, { ctrlKey: true });
    const box = rig.canvas.parentElement!.querySelector<HTMLElement>('.viewport-box-select')!;
    expect(box.style.display).toBe('block');
    pointer(rig.canvas, 'pointerup', b, { ctrlKey: true });
    expect(box.style.display).toBe('none');
    expect([...store.getState().doc.selection].sort()).toEqual([id(1), id(4)].sort());
    rig.controls.update();
    expect(rig.camera.position.toArray()).toEqual(cameraBefore);

    expect(rig.handle.startBoxSelect()).toBe(true);
    expect(rig.handle.busy()).toBe(true);
    const [cx, cy] = rig.client(worldOf(rig, id(3)));
    pointer(rig.canvas, 'pointerdown', [cx - 10, cy - 10]);
    pointer(rig.canvas, 'pointermove', [cx + 10, cy + 10]);
    pointer(rig.canvas, 'pointerup', [cx + 10, cy + 10], { shiftKey: true });
    expect(store.getState().doc.selection).toHaveLength(3);
    expect(store.getState().doc.selection).toContain(id(3));
    expect(rig.handle.busy()).toBe(false);
  });

  it('G X 2 Enter moves by 2 m along X as one translate command; keys do not leak', async () => {
    const rig = await sessionRig();
    const { store, id } = rig;
    store.getState().select([id(1)]);
    rig.frame();
    const start = worldOf(rig, id(1));
    const leaked: string[] = [];
    const listener = (e: KeyboardEvent) => leaked.push(e.key);
    window.addEventListener('keydown', listener);
    cleanup.push(() => window.removeEventListener('keydown', listener));
    pointer(window, 'pointermove', rig.client(start));
    const entries = store.getState().doc.history.past.length;

    expect(rig.handle.startModal('translate')).toBe(true);
    expect(rig.handle.busy()).toBe(true);
    key('x');
    key('2');
    const hint = rig.canvas.parentElement!.querySelector<HTMLElement>('.viewport-hint')!;
    expect(hint.textContent).toBe('Move X [2] m — Enter to confirm, Esc to cancel');
    // The preview is drawn, the document is untouched until Enter.
    expect(meshOf(rig.objects, 1).instanceMatrix.array[12]).toBeCloseTo(start[12]! + 2, 5);
    expect(worldOf(rig, id(1))).toEqual(start);
    key('Enter');
    expect(leaked).toEqual([]);
    expect(rig.handle.busy()).toBe(false);
    expect(hint.style.display).toBe('none');
    const past = store.getState().doc.history.past;
    expect(past.length).toBe(entries + 1);
    expect(past.at(-1)!.command).toEqual({ type: 'translate', ids: [id(1)], delta: [2, 0, 0] });
    const moved = worldOf(rig, id(1));
    expect(moved[12]).toBeCloseTo(start[12]! + 2, 12);
  });

  it('Esc cancels a modal rotate and restores the exact matrices; S 2 Enter scales about the pivot', async () => {
    const rig = await sessionRig();
    const { store, id } = rig;
    store.getState().select([id(1), id(4)]);
    rig.frame();
    const instancesBefore = Array.from(meshOf(rig.objects, 1).instanceMatrix.array);
    const layerBefore = store.getState().doc.layer;
    const r = rig.canvas.getBoundingClientRect();
    pointer(window, 'pointermove', [r.left + 40, r.top + 40]);
    expect(rig.handle.startModal('rotate')).toBe(true);
    pointer(window, 'pointermove', [r.left + 200, r.top + 150]);
    expect(Array.from(meshOf(rig.objects, 1).instanceMatrix.array)).not.toEqual(instancesBefore);
    key('Escape');
    expect(Array.from(meshOf(rig.objects, 1).instanceMatrix.array)).toEqual(instancesBefore);
    expect(store.getState().doc.layer).toBe(layerBefore);

    const box = worldOf(rig, id(1));
    const cone = worldOf(rig, id(4));
    expect(rig.handle.startModal('scale')).toBe(true);
    key('2');
    key('Enter');
    const command = store.getState().doc.history.past.at(-1)!.command;
    expect(command.type).toBe('setWorld');
    // Two objects: the pivot is their midpoint; each position doubles its distance from it.
    const mid = [0, 1, 2].map((k) => (box[12 + k]! + cone[12 + k]!) / 2);
    const scaled = worldOf(rig, id(1));
    for (let k = 0; k < 3; k++) {
      expect(scaled[12 + k]).toBeCloseTo(mid[k]! + 2 * (box[12 + k]! - mid[k]!), 9);
    }
    expect(scaled[0]).toBeCloseTo(box[0]! * 2, 9);
  });

  it('a drag on the gizmo previews without touching the store, then commits one command', async () => {
    const rig = await sessionRig();
    const { store, id } = rig;
    store.getState().select([id(2)]);
    rig.frame();
    rig.frame();
    const start = worldOf(rig, id(2));
    const cameraBefore = rig.camera.position.toArray();
    // TransformControls sizes its handles by distance: the X arrow's picker spans 0..0.6 handle
    // units along +X, one unit being distance * 1.9 * tan(fov / 2) / 4 metres.
    const pivot = new Vector3(start[12], start[13], start[14]);
    const unit =
      (pivot.distanceTo(rig.camera.position) * 1.9 * Math.tan((Math.PI * rig.camera.fov) / 360)) /
      4;
    const onArrow = pivot.clone().add(new Vector3(0.35 * unit, 0, 0));
    const from = rig.client([onArrow.x, onArrow.y, onArrow.z]);
    const canvasSaw: string[] = [];
    const spy = (e: Event) => canvasSaw.push(e.type);
    rig.canvas.addEventListener('pointerdown', spy);
    cleanup.push(() => rig.canvas.removeEventListener('pointerdown', spy));

    pointer(rig.canvas, 'pointermove', from, { buttons: 0 });
    pointer(rig.canvas, 'pointerdown', from);
    expect(rig.handle.busy()).toBe(true);
    pointer(rig.canvas, 'pointermove', [from[0] + 40, from[1]]);
    // Previewed: the instance moved along +X, the document did not.
    expect(meshOf(rig.objects, 2).instanceMatrix.array[12]).toBeGreaterThan(start[12]! + 0.2);
    expect(worldOf(rig, id(2))).toEqual(start);
    pointer(rig.canvas, 'pointerup', [from[0] + 40, from[1]]);
    expect(rig.handle.busy()).toBe(false);
    expect(canvasSaw).toEqual([]);
    const command = store.getState().doc.history.past.at(-1)!.command;
    expect(command.type).toBe('translate');
    const moved = worldOf(rig, id(2));
    expect(moved[12]).toBeGreaterThan(start[12]! + 0.2);
    expect(moved[13]).toBeCloseTo(start[13]!, 9);
    expect(moved[14]).toBeCloseTo(start[14]!, 9);
    rig.controls.update();
    expect(rig.camera.position.toArray()).toEqual(cameraBefore);
    // The selection stays selected after the drag (no click selection on release).
    expect(store.getState().doc.selection).toEqual([id(2)]);

    // A second drag, abandoned with Esc: the preview is undone and nothing is recorded.
    rig.frame();
    const entries = store.getState().doc.history.past.length;
    const instance = Array.from(meshOf(rig.objects, 2).instanceMatrix.array);
    const onMoved = new Vector3(moved[12], moved[13], moved[14]).add(
      new Vector3(0.35 * unit, 0, 0),
    );
    const again = rig.client([onMoved.x, onMoved.y, onMoved.z]);
    pointer(rig.canvas, 'pointermove', again, { buttons: 0 });
    pointer(rig.canvas, 'pointerdown', again);
    pointer(rig.canvas, 'pointermove', [again[0] + 30, again[1]]);
    expect(Array.from(meshOf(rig.objects, 2).instanceMatrix.array)).not.toEqual(instance);
    key('Escape');
    expect(rig.handle.busy()).toBe(false);
    expect(Array.from(meshOf(rig.objects, 2).instanceMatrix.array)).toEqual(instance);
    pointer(rig.canvas, 'pointerup', [again[0] + 30, again[1]]);
    expect(store.getState().doc.history.past.length).toBe(entries);
    expect(worldOf(rig, id(2))).toEqual(moved);
  });
});

function allIds(rig: Rig): string[] {
  const ids: string[] = [];
  rig.objects.forEachCentre((id) => ids.push(id));
  return ids;
}

describe('figures (logged, not asserted)', () => {
  it('applyLayer and picking on the large dungeon and the terrain', async () => {
    const t0 = performance.now();
    const dungeon = await generateScene(dungeonLargeSpec);
    const generateMs = performance.now() - t0;
    const rig = await makeRig(dungeon);
    const { objects, store } = rig;
    // Median of a few runs; a callback that returns a number reports its own (inner) time.
    const time = (f: () => number | void, runs = 5) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        const inner = f();
        samples.push(typeof inner === 'number' ? inner : performance.now() - s);
      }
      samples.sort((a, b) => a - b);
      return Number(samples[samples.length >> 1]!.toFixed(3));
    };
    const instances = dungeon.batches.reduce((n, b) => n + b.transforms.length / 16, 0);
    const d = () => store.getState().doc;
    const build = time(() => buildSceneObjects(dungeon).dispose(), 3);
    // A full apply (first layer or a fresh scene objects).
    const full = time(() => {
      const o = buildSceneObjects(dungeon);
      const s = performance.now();
      o.applyLayer({ index: d().index, layer: d().layer }, d().assets);
      o.dispose();
      return performance.now() - s;
    }, 3);
    const moveOne = time(() => {
      store.getState().edit({ type: 'translate', ids: ['dungeon:floor#10'], delta: [0, 0.1, 0] });
      rig.apply();
    });
    const moveProp = time(() => {
      store.getState().edit({ type: 'translate', ids: ['prop:barrel#3'], delta: [0.1, 0, 0] });
      rig.apply();
    });
    const ids500 = Array.from({ length: 500 }, (_, i) => `dungeon:wall#${i}`);
    let hideCommandMs = 0;
    const hide500 = time(() => {
      const s = performance.now();
      store.getState().edit({ type: 'setHidden', ids: ids500, hidden: true });
      hideCommandMs = performance.now() - s;
      const a = performance.now();
      rig.apply();
      const applied = performance.now() - a;
      store.getState().edit({ type: 'setHidden', ids: ids500, hidden: false });
      rig.apply();
      return applied;
    }, 3);
    const applyOnly = time(() => {
      store.getState().edit({ type: 'translate', ids: ['dungeon:wall#7'], delta: [0, 0, 0.1] });
      const s = performance.now();
      rig.apply();
      return performance.now() - s;
    });
    // Everything selected: outline rebuild, a preview frame of all objects, and the edits.
    const all = allIds(rig);
    const outline = new SelectionOutline(objects);
    rig.scene.add(outline.group);
    cleanup.push(() => outline.dispose());
    const outlineAll = time(() => {
      outline.setSelection(all);
      outline.frame(rig.camera, H);
    }, 3);
    const view = () => ({ index: d().index, layer: d().layer });
    const targets = transformTargets(view(), all)!;
    const previewAll = time(() => {
      const delta = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0.01, 0, 1];
      objects.previewWorld(targets.moved, applyDelta(delta, targets.movedStarts));
      outline.frame(rig.camera, H);
    }, 3);
    // The translate command is quadratic in the objects it moves (each record write copies the
    // records object), so a 1,000-object command is timed and the 17.5k-record layer is built here.
    const ids1000 = all.slice(0, 1000);
    const s1000 = performance.now();
    store.getState().edit({ type: 'translate', ids: ids1000, delta: [0, 0.01, 0] });
    const translate1000CommandMs = performance.now() - s1000;
    rig.apply();
    const records: Record<string, { matrix: number[] }> = {};
    for (const id of all) records[id] = { matrix: worldOf(rig, id) };
    store.setState({ doc: { ...d(), layer: { ...d().layer, records } } });
    const moveAllApply = time(() => {
      const a = performance.now();
      rig.apply();
      return performance.now() - a;
    }, 1);
    const applyAfterOneMoveWithAllRecords = time(() => {
      store.getState().edit({ type: 'translate', ids: ['dungeon:wall#8'], delta: [0, 0, 0.1] });
      const s = performance.now();
      rig.apply();
      return performance.now() - s;
    });
    const preview = time(() => {
      const m = worldOf(rig, 'dungeon:floor#11');
      rig.objects.previewWorld(['dungeon:floor#11'], [m]);
    });
    rig.render();
    const pickCentre = time(() => {
      pickObject(objects, rig.camera, 0, 0);
    });
    const [cx, cy, cz] = [0, 1, 2].map((k) => (dungeon.bounds[k]! + dungeon.bounds[k + 3]!) / 2);
    rig.camera.position.set(cx! + 20, cy! + 40, cz! + 20);
    rig.camera.lookAt(cx!, cy!, cz!);
    rig.camera.updateMatrixWorld();
    rig.render();
    const pickTop = time(() => {
      pickObject(objects, rig.camera, 0, 0);
    });
    const picked = pickObject(objects, rig.camera, 0, 0);

    const terrainStart = performance.now();
    const terrain = await generateScene(terrainSpec);
    const terrainMs = performance.now() - terrainStart;
    const trig = await makeRig(terrain);
    const [tx, , tz] = [0, 1, 2].map((k) => (terrain.bounds[k]! + terrain.bounds[k + 3]!) / 2);
    trig.camera.position.set(tx! + 60, terrain.bounds[4] + 80, tz! + 60);
    trig.camera.lookAt(tx!, terrain.bounds[1], tz!);
    trig.camera.updateMatrixWorld();
    trig.render();
    const pickTerrain = time(() => {
      pickObject(trig.objects, trig.camera, 0, 0);
    }, 3);
    const terrainHit = pickObject(trig.objects, trig.camera, 0, 0);
    const triangles = terrain.meshes.reduce((n, m) => n + m.indices.length / 3, 0);
    console.log(
      JSON.stringify({
        dungeon: {
          instances,
          generateMs: Math.round(generateMs),
          buildObjectsMs: build,
          applyLayerFullMs: full,
          editPlusApplyMs: {
            moveFloorTile: moveOne,
            moveBarrel: moveProp,
            hide500WallsCommand: Number(hideCommandMs.toFixed(1)),
          },
          applyLayerAfterHiding500Ms: hide500,
          applyLayerAfterOneMoveMs: applyOnly,
          previewOneMs: preview,
          selectAll: {
            outlineRebuildMs: outlineAll,
            previewFrameMs: previewAll,
            translate1000CommandMs: Number(translate1000CommandMs.toFixed(1)),
            applyLayerAllRecordsMs: moveAllApply,
            thenApplyAfterOneMoveMs: applyAfterOneMoveWithAllRecords,
          },
          pickMs: { centre: pickCentre, topDown: pickTop },
          picked,
        },
        terrain: {
          triangles,
          generateMs: Math.round(terrainMs),
          pickMs: pickTerrain,
          picked: terrainHit,
        },
      }),
    );
    expect(instances).toBeGreaterThan(17000);
  });
});
