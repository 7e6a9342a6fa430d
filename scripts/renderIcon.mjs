// Renders assets/icon.svg to assets/icon.png (1024×1024), the source electron-builder derives
// every platform's icon from. Run after editing the SVG: `node scripts/renderIcon.mjs`.
import sharp from 'sharp';
import console from 'node:console';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
await sharp(join(assets, 'icon.svg'), { density: 72 }).resize(1024, 1024).png({ compressionLevel: 9 }).toFile(join(assets, 'icon.png'));
console.log('wrote assets/icon.png');
