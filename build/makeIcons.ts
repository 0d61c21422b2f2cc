/**
 * One-off: draws the app icon set committed in resources/ (`npx tsx build/makeIcons.ts`). Run again only to change
 * the icon. A kiosk screen with a receipt QR code on it, drawn from shapes so that no font is needed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

const resourcesDir = new URL('../resources/', import.meta.url).pathname;

function drawIcon(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const u = size / 32; // the drawing is on a 32-unit grid
  const rounded = (x: number, y: number, w: number, h: number, r: number, colour: string) => {
    g.fillStyle = colour;
    g.beginPath();
    g.roundRect(x * u, y * u, w * u, h * u, r * u);
    g.fill();
  };
  rounded(1, 1, 30, 30, 6, '#0b4f8a'); // background
  rounded(6, 4, 20, 17, 2, '#ffffff'); // screen
  rounded(14, 21, 4, 4, 0, '#d9e6f2'); // stand
  rounded(9, 25, 14, 3, 1.5, '#d9e6f2'); // base
  // A QR code's three finder patterns and a few modules on the screen.
  const finder = (x: number, y: number) => {
    rounded(x, y, 5, 5, 0.6, '#0b4f8a');
    rounded(x + 1, y + 1, 3, 3, 0.3, '#ffffff');
    rounded(x + 1.75, y + 1.75, 1.5, 1.5, 0.2, '#0b4f8a');
  };
  finder(8, 6);
  finder(19, 6);
  finder(8, 14);
  for (const [x, y] of [[15, 7], [15, 10], [17, 12], [19, 14], [21, 16], [16, 16], [23, 14], [19, 17]] as const) {
    rounded(x, y, 1.5, 1.5, 0.2, '#da251d');
  }
  return canvas.toBuffer('image/png');
}

mkdirSync(join(resourcesDir, 'icons'), { recursive: true });
writeFileSync(join(resourcesDir, 'icon.png'), drawIcon(512));
for (const size of [512, 256, 128, 64, 32]) writeFileSync(join(resourcesDir, 'icons', `${size}x${size}.png`), drawIcon(size));
