#!/usr/bin/env node
// Draws the toolbar icons (base, article recognised, already saved) at 16/32/48/128 px as PNG.
// No image library: shapes are rasterised with 4x4 supersampling and written with node:zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const STATES = {
  '': null,
  'article-': [22, 163, 74],   // green dot: recognised provincial article
  'saved-': [37, 99, 235],     // blue check: already in the archive
};

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1); the last shape that covers a point wins.
function colourAt(x, y, marker) {
  const inRoundRect = (x0, y0, x1, y1, r) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  let c = null;
  if (inRoundRect(0.02, 0.02, 0.98, 0.98, 0.2)) c = [185, 28, 28];              // red tile (the flag's red)
  if (inRoundRect(0.2, 0.16, 0.8, 0.84, 0.06)) c = [255, 255, 255];             // page
  if (x > 0.28 && x < 0.72 && y > 0.24 && y < 0.36) c = [185, 28, 28];          // headline bar
  for (const ly of [0.45, 0.56, 0.67]) if (x > 0.28 && x < 0.72 && y > ly && y < ly + 0.05) c = [120, 120, 120];
  if (marker) {
    const d = Math.hypot(x - 0.76, y - 0.76);
    if (d <= 0.25) c = [255, 255, 255];
    if (d <= 0.2) c = marker;
  }
  return c;
}

mkdirSync('icons', { recursive: true });
for (const [prefix, marker] of Object.entries(STATES)) {
  for (const size of SIZES) {
    const buf = Buffer.alloc(size * size * 4);
    const ss = 4;
    for (let py = 0; py < size; py++) for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
        const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, marker);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
      }
      const o = (py * size + px) * 4;
      if (a) { buf[o] = r / a; buf[o + 1] = g / a; buf[o + 2] = b / a; buf[o + 3] = (255 * a) / (ss * ss); }
    }
    writeFileSync(`icons/icon-${prefix}${size}.png`, png(size, buf));
  }
}
console.log('icons written');
