// Consistent hashing: each node owns many points on a 32-bit ring; a key belongs to the first
// point at or after its hash. Growing from N to N+1 nodes moves only about 1/(N+1) of the keys.
const POINTS_PER_NODE = 64;

// FNV-1a over the UTF-8 bytes, then a 32-bit avalanche step (without it, short keys that differ
// in one byte land next to each other on the ring). Stable across runtimes; no crypto needed.
export function hash(text) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function nodeName(i) {
  return `node-${i}`;
}

export class Ring {
  #points = [];

  constructor(count) {
    for (let i = 0; i < count; i++) {
      for (let p = 0; p < POINTS_PER_NODE; p++) this.#points.push([hash(`${nodeName(i)}#${p}`), nodeName(i)]);
    }
    this.#points.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  }

  owner(key) {
    const h = hash(key);
    let lo = 0;
    let hi = this.#points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#points[mid][0] < h) lo = mid + 1;
      else hi = mid;
    }
    return this.#points[lo % this.#points.length][1];
  }
}
