// How FEEL compares variable names. Single-word names (金额, order_total) are matched exactly;
// multi-word names (`order total`, `a+b`) ignore spacing around operator characters, as the
// interpreter does when it resolves them.

const SINGLE_WORD = /^[\p{L}_][\p{L}\p{N}_]*$/u;

export function isSingleWord(name: string): boolean {
  return SINGLE_WORD.test(name);
}

export function normalizeName(name: string): string {
  if (isSingleWord(name)) return name;
  return name
    .replace(/\s*([./\-'+]|\*\*?)\s*/g, " $1 ")
    .replace(/\s+/g, " ")
    .trim();
}
