// The system clipboard with fallbacks: navigator.clipboard where the browser allows it, a hidden
// textarea + execCommand("copy") where it does not, and the last copy kept in memory so pasting
// in the same tab always works (e.g. into another definition opened afterwards).
let lastCopied: string | undefined;

export async function writeClipboard(text: string): Promise<void> {
  lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not allowed here (insecure origin, no focus, denied): fall back below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand("copy");
  } finally {
    area.remove();
  }
}

export async function readClipboard(): Promise<string | undefined> {
  try {
    const text = await navigator.clipboard.readText();
    if (text) return text;
  } catch {
    // Reading needs a permission the user may not grant; the in-memory copy still works.
  }
  return lastCopied;
}

/** Records text that went to the clipboard through a copy event (ctrl/cmd+c). */
export function rememberCopied(text: string): void {
  lastCopied = text;
}
