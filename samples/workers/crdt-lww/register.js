// A last-writer-wins register with a version vector: { value, vv: { node: counter }, ts, writer }.
// A version that has seen everything another has (its vv dominates) wins; for concurrent versions
// (neither dominates) the later timestamp wins, then the greater writer name, so every node picks
// the same one whatever order the versions arrive in.

export function compareVectors(a, b) {
  let aAhead = false;
  let bAhead = false;
  for (const node of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[node] ?? 0;
    const y = b[node] ?? 0;
    if (x > y) aAhead = true;
    if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'after';
  if (bAhead) return 'before';
  return 'equal';
}

// Pointwise maximum, keys sorted so equal vectors are equal JSON on every node.
export function mergeVectors(a, b) {
  const out = {};
  for (const node of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out[node] = Math.max(a[node] ?? 0, b[node] ?? 0);
  }
  return out;
}

// The version to keep when `local` (may be null) meets `incoming`, with the vectors merged.
export function merge(local, incoming) {
  if (local === null) return incoming;
  const order = compareVectors(incoming.vv, local.vv);
  let winner;
  if (order === 'after') winner = incoming;
  else if (order === 'before' || order === 'equal') winner = local;
  else winner = later(incoming, local);
  return { ...winner, vv: mergeVectors(local.vv, incoming.vv) };
}

function later(a, b) {
  if (a.ts !== b.ts) return a.ts > b.ts ? a : b;
  return a.writer > b.writer ? a : b;
}
