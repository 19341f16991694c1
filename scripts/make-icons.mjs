// Draws the studio's app icons (public/icons/*.png): a shaded isometric cube on a dark rounded
// square. Plain Node, no dependencies (zlib for the PNG encoding). Not run at build: run
// `node scripts/make-icons.mjs` after changing the drawing and commit the PNGs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '..', 'public', 'icons');

// PNG ----------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA8 pixels (row-major, straight alpha) → PNG bytes. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Drawing (in unit coordinates, 0..1 across the icon) ---------------------------------------------

const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return (
    x >= inset &&
    x <= 1 - inset &&
    y >= inset &&
    y <= 1 - inset &&
    dx * dx + dy * dy <= radius * radius
  );
}

function cubeFaces(cx, cy, s) {
  const w = s * Math.cos(Math.PI / 6);
  const T = [cx, cy - s];
  const UR = [cx + w, cy - s / 2];
  const LR = [cx + w, cy + s / 2];
  const B = [cx, cy + s];
  const LL = [cx - w, cy + s / 2];
  const UL = [cx - w, cy - s / 2];
  const C = [cx, cy];
  return [
    { pts: [T, UR, C, UL], top: hex('#b8f5bf'), bottom: hex('#8ae396') },
    { pts: [UL, C, B, LL], top: hex('#5fc76f'), bottom: hex('#3f9d50') },
    { pts: [C, UR, LR, B], top: hex('#3a8a48'), bottom: hex('#25603a') },
  ].map((f) => ({ ...f, y0: cy - s, y1: cy + s }));
}

/**
 * One sample of the icon: [r, g, b, a] in 0..255. `fullBleed` fills the whole square (maskable and
 * Apple icons, which the platform masks itself); otherwise a rounded square on transparency.
 */
function sample(x, y, { fullBleed, cubeSize }) {
  const bgTop = hex('#2a303b');
  const bgBottom = hex('#14161a');
  const inside = fullBleed || inRoundedSquare(x, y, 0.04, 0.2);
  if (!inside) return [0, 0, 0, 0];
  let colour = mix(bgTop, bgBottom, y);
  // A soft floor glow under the cube.
  const gx = (x - 0.5) / 0.34;
  const gy = (y - 0.5 - cubeSize * 0.95) / 0.09;
  const glow = Math.max(0, 1 - gx * gx - gy * gy);
  colour = mix(colour, hex('#3f7fef'), glow * 0.35);
  for (const face of cubeFaces(0.5, 0.5, cubeSize)) {
    if (inPolygon(x, y, face.pts)) {
      colour = mix(face.top, face.bottom, (y - face.y0) / (face.y1 - face.y0));
      break;
    }
  }
  return [...colour, 255];
}

function render(size, options) {
  const ss = 4; // 4×4 supersampling for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = sample(
            (px + (sx + 0.5) / ss) / size,
            (py + (sy + 0.5) / ss) / size,
            options,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return encodePng(size, size, rgba);
}

const ICONS = [
  { file: 'icon-192.png', size: 192, fullBleed: false, cubeSize: 0.3 },
  { file: 'icon-512.png', size: 512, fullBleed: false, cubeSize: 0.3 },
  // Maskable: opaque to the edges, the cube inside the 80 % safe circle.
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true, cubeSize: 0.24 },
  // iOS rounds the corners itself and shows transparency as black.
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, cubeSize: 0.28 },
];

mkdirSync(OUT, { recursive: true });
for (const icon of ICONS) {
  const png = render(icon.size, icon);
  writeFileSync(path.join(OUT, icon.file), png);
  console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
}
