// Rows of `variable := FEEL expression` assignments (setVariables and similar configs): pure edits
// so the editor's undo history sees one new array per change, and rows keep their order.

export interface MappingRow {
  variable: string;
  expression: string;
}

/** Rows from whatever the config holds; entries that are not rows are dropped. */
export function toRows(value: unknown): MappingRow[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): MappingRow[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const { variable, expression } = entry as Record<string, unknown>;
    return [
      {
        variable: typeof variable === "string" ? variable : "",
        expression: typeof expression === "string" ? expression : "",
      },
    ];
  });
}

/** Appends a row; the variable is the first declared one not assigned yet, if any. */
export function addRow(rows: readonly MappingRow[], declared: readonly string[]): MappingRow[] {
  const used = new Set(rows.map((row) => row.variable));
  const variable = declared.find((name) => !used.has(name)) ?? "";
  return [...rows, { variable, expression: "" }];
}

export function removeRow(rows: readonly MappingRow[], index: number): MappingRow[] {
  return rows.filter((_, i) => i !== index);
}

export function updateRow(
  rows: readonly MappingRow[],
  index: number,
  patch: Partial<MappingRow>,
): MappingRow[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

/** Moves a row by `offset` places (−1 up, +1 down); a move past either end changes nothing. */
export function moveRow(rows: readonly MappingRow[], index: number, offset: number): MappingRow[] {
  const target = index + offset;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}

/** Variables assigned more than once: the later row wins at run time, usually a slip. */
export function repeatedVariables(rows: readonly MappingRow[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { variable } of rows) {
    if (variable === "") continue;
    if (seen.has(variable)) repeated.add(variable);
    seen.add(variable);
  }
  return repeated;
}
