// Page objects for the studio's editing UI: the menu bar, the viewport (clicks at an object, G/R/S
// keys, the gizmo), the outliner, the inspector and the history, driven the way a user would, with
// window.studio only to look (ids, positions, hashes) and to find where things are on screen.
import { expect, type Locator, type Page } from '@playwright/test';

/** The primitives example's box: a solid object every editing test can grab. */
export const BOX = 'prim:box:1.5x1.5x1.5|default:box#0';

type Point = { x: number; y: number };

export class MenuBarPage {
  constructor(readonly page: Page) {}

  async choose(menu: string, item: string | RegExp): Promise<void> {
    const bar = this.page.getByRole('menubar', { name: 'Studio menu' });
    await bar.getByRole('menuitem', { name: menu, exact: true }).click();
    await bar.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }).click();
  }
}

export class ViewportPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.locator('canvas').first();
  }

  /** Page coordinates of an object's origin on the canvas. */
  async pointOf(id: string): Promise<{ x: number; y: number }> {
    const box = (await this.canvas().boundingBox())!;
    const at = await this.page.evaluate((i) => window.studio!.debug.screenPosition(i), id);
    if (!at) throw new Error(`${id} is not on screen`);
    return { x: box.x + at.x, y: box.y + at.y };
  }

  /**
   * Where to grab the gizmo's X arrow of the selected object `id`: 48 px from its origin along the
   * screen direction of world +X; `dir` is that unit direction, for dragging along the arrow.
   */
  async gizmoArrowX(id: string): Promise<{ grab: Point; dir: Point }> {
    const o = await this.pointOf(id);
    const box = (await this.canvas().boundingBox())!;
    const [x, y, z] = await this.page.evaluate((i) => window.studio!.object(i)!.position, id);
    const ax = (await this.page.evaluate((p) => window.studio!.debug.screenPoint(p), [
      x + 0.5,
      y,
      z,
    ] as [number, number, number]))!;
    const dx = box.x + ax.x - o.x;
    const dy = box.y + ax.y - o.y;
    const len = Math.hypot(dx, dy);
    const dir = { x: dx / len, y: dy / len };
    return { grab: { x: o.x + dir.x * 48, y: o.y + dir.y * 48 }, dir };
  }

  async clickObject(id: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
    const p = await this.pointOf(id);
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.mouse.click(p.x, p.y);
    for (const m of modifiers) await this.page.keyboard.up(m);
  }

  async clickEmpty(): Promise<void> {
    const box = (await this.canvas().boundingBox())!;
    await this.page.mouse.click(box.x + 12, box.y + box.height - 12);
  }

  /** A Blender-style modal transform from the keyboard: 'g', axis 'x', value '2', Enter. */
  async modal(key: 'g' | 'r' | 's', axis: 'x' | 'y' | 'z' | null, value: string): Promise<void> {
    await this.canvas().hover();
    await this.page.keyboard.press(key);
    if (axis) await this.page.keyboard.press(axis);
    await this.page.keyboard.type(value);
    await this.page.keyboard.press('Enter');
  }

  /** Drags with the left button from one page point to another in steps. */
  async drag(
    from: { x: number; y: number },
    to: { x: number; y: number },
    steps = 12,
  ): Promise<void> {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps });
    await this.page.mouse.up();
  }
}

export class OutlinerPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('outliner');
  }

  tree(): Locator {
    return this.root().getByRole('tree', { name: 'Scene objects' });
  }

  row(name: string | RegExp): Locator {
    return this.tree().getByRole('treeitem', { name, exact: typeof name === 'string' });
  }

  async expectSelected(name: string): Promise<void> {
    await expect(this.row(name)).toHaveAttribute('aria-selected', 'true');
  }

  async rename(from: string, to: string): Promise<void> {
    await this.row(from).dblclick();
    const input = this.root().getByRole('textbox', { name: `Rename ${from}` });
    await input.fill(to);
    await input.press('Enter');
  }
}

export class InspectorPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('inspector');
  }

  field(group: 'Position' | 'Rotation' | 'Scale', axis: 'X' | 'Y' | 'Z'): Locator {
    return this.root().getByRole('textbox', { name: `${group} ${axis}` });
  }

  async setField(group: 'Position' | 'Rotation' | 'Scale', axis: 'X' | 'Y' | 'Z', value: string) {
    const f = this.field(group, axis);
    await f.click();
    await f.fill(value);
    await f.press('Enter');
  }
}

export class HistoryPage {
  constructor(readonly page: Page) {}

  list(): Locator {
    return this.page.getByTestId('history').getByRole('list', { name: 'Undo history' });
  }
}
