// "did you mean": the known name closest to one that is not known, for every
// message about a misspelled name (a spec's extension or key, a command, a
// flag, a slug).
import { distance } from "fastest-levenshtein";

/** Spelling differences that are no typo: case, and `-` against `_` or nothing. */
const loose = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/** Whether `a` is `b` with two neighbouring characters swapped (`feild`, `field`): one slip of the fingers. */
function transposed(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const at = [...a].findIndex((char, index) => char !== b[index]);
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/**
 * The known name a typo of `name` most likely is: the same but for case and
 * separators, or within a few edits (one per three characters, at least one),
 * else undefined. Ties go to the first in `known`.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    if (loose(candidate) === loose(name)) return candidate;
    const edits = transposed(loose(name), loose(candidate)) ? 1 : distance(loose(name), loose(candidate));
    if (edits <= Math.max(1, Math.floor(loose(candidate).length / 3)) && edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}

/** ` (did you mean \`x\`?)`, or nothing when no known name is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const match = closestName(name, known);
  return match === undefined ? "" : ` (did you mean \`${match}\`?)`;
}
