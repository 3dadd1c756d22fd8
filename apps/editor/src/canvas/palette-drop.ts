// The drag-and-drop contract with the Palette: items carry JSON {type, version} under this type.
export const PALETTE_MIME = "application/x-playbook-node";

export function readPaletteDrop(data: DataTransfer): { type: string; version: number } | null {
  const raw = data.getData(PALETTE_MIME);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { type?: unknown; version?: unknown };
    if (typeof parsed.type === "string" && typeof parsed.version === "number") {
      return { type: parsed.type, version: parsed.version };
    }
  } catch {
    // Not ours; let the drop fall through.
  }
  return null;
}
