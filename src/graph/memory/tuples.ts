// The flat int arrays that hold mentions and evidence (fixed-width tuples of
// interned strings and offsets): growing them and dropping one document's tuples.

/**
 * `flat` with room for `more` values after its own: a new array of the exact size
 * when `flat` is empty (most entities and relationships get all theirs at once),
 * else `flat` itself, grown (amortised).
 */
export function grow(flat: number[], more: number): number[] {
  if (flat.length === 0) return new Array<number>(more);
  flat.length += more;
  return flat;
}

export function filterTuples(flat: number[], width: number, doc: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += width)
    if (flat[i] !== doc) for (let j = 0; j < width; j++) out.push(flat[i + j]!);
  return out;
}
