/**
 * The floor the engine is measured against: inflate document.xml (same inflater and CRC check the engine uses)
 * and walk every tag once, honouring quoted attribute values, without recording anything.
 */
export function scanTags(bytes: Uint8Array): number {
  let count = 0;
  let i = 0;
  const n = bytes.length;
  for (;;) {
    const lt = bytes.indexOf(60, i);
    if (lt < 0) return count;
    let p = lt + 1;
    while (p < n) {
      const c = bytes[p];
      if (c === 62) break;
      if (c === 34 || c === 39) p = bytes.indexOf(c, p + 1) + 1;
      else p++;
    }
    count++;
    i = p + 1;
  }
}
