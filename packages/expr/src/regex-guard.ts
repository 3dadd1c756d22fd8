// Screens FEEL regular expressions (matches, replace, split) before they are compiled. A JS
// RegExp cannot be interrupted once running, so patterns that backtrack exponentially are
// refused up front instead of being counted.

const QUANTIFIER_START = new Set(["*", "+", "?", "{"]);

/**
 * Whether `pattern` has a repeated group that itself contains a repetition — `(a+)+`,
 * `(\w*)*`, `(?:a|b+){2,}` — the classic shape of catastrophic backtracking.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  // For each open group: whether a quantifier occurred inside it.
  const groups: boolean[] = [];
  let lastGroupHadQuantifier = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\") {
      i++;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") {
      inClass = true;
      lastGroupHadQuantifier = false;
    } else if (char === "(") {
      groups.push(false);
    } else if (char === ")") {
      lastGroupHadQuantifier = groups.pop() ?? false;
      // A quantifier right after the group repeats it: nested repetition if it had one inside.
      if (isRepeat(pattern, i + 1) && lastGroupHadQuantifier) return true;
      if (isRepeat(pattern, i + 1) || lastGroupHadQuantifier) markQuantified(groups);
      continue;
    } else if (isRepeat(pattern, i)) {
      markQuantified(groups);
    }
    lastGroupHadQuantifier = false;
  }
  return false;
}

/** `?` alone repeats at most once and cannot blow up; `*`, `+` and `{n,}`/`{n,m}` can. */
function isRepeat(pattern: string, at: number): boolean {
  const char = pattern[at];
  if (char === undefined || !QUANTIFIER_START.has(char) || char === "?") return false;
  if (char !== "{") return true;
  return (
    /^\{\d+(,\d*)?\}/.test(pattern.slice(at)) &&
    !/^\{(\d+)\}|^\{[01],[01]?\}/.test(pattern.slice(at))
  );
}

function markQuantified(groups: boolean[]): void {
  if (groups.length > 0) groups[groups.length - 1] = true;
}
