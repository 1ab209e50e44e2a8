/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** The candidate closest to `input`, if it is a plausible typo or shortening of it. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  // Edit distance costs the product of the lengths: a typo is short, a pasted paragraph is not one.
  if (input.length > 64) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const score = distance(needle, lower);
    const plausible = score <= Math.max(2, Math.floor(needle.length / 3)) || sharedPrefix(needle, lower) >= 5;
    if (plausible && score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}
