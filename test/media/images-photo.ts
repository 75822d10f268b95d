/**
 * A photo-like test image made with sharp: smooth gradients, soft shapes and sensor-like grain,
 * so encoders work as hard as on a real photo (a flat colour compresses to nothing and times nothing).
 */
import sharp from 'sharp';

/** A JPEG (quality 85, as cameras and phones save) of `width` × `height` px; `seed` varies the picture. */
export async function photoJpeg(width: number, height: number, seed = 1): Promise<Buffer> {
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  let state = seed * 2654435761 >>> 0;
  // A small xorshift: the same seed gives the same bytes on every machine, so cache keys in tests are stable.
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const blobs = Array.from({ length: 24 }, () => ({ x: random() * width, y: random() * height, r: (0.05 + random() * 0.2) * width, c: [random(), random(), random()].map((v) => v * 255) }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sky = y / height;
      let rgb = [90 + 120 * sky + 30 * Math.sin(x / 37), 110 + 80 * (1 - sky) + 25 * Math.cos(y / 53), 160 - 90 * sky + 20 * Math.sin((x + y) / 71)];
      for (const blob of blobs) {
        const d = Math.hypot(x - blob.x, y - blob.y) / blob.r;
        if (d < 1) {
          const w = (1 - d) * (1 - d) * 0.8;
          rgb = rgb.map((v, i) => v * (1 - w) + blob.c[i]! * w);
        }
      }
      const grain = (random() - 0.5) * 36;
      const offset = (y * width + x) * channels;
      for (let i = 0; i < channels; i++) pixels[offset + i] = Math.max(0, Math.min(255, Math.round(rgb[i]! + grain)));
    }
  }
  return sharp(pixels, { raw: { width, height, channels } }).jpeg({ quality: 85 }).toBuffer();
}
