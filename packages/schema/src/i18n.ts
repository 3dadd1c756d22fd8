// Bilingual text: every user-facing string in a definition or manifest carries zh-CN and en.
import { z } from "zod";

export const Locale = z.enum(["zh-CN", "en"]);
export type Locale = z.infer<typeof Locale>;

export const LocalizedText = z.strictObject({
  "zh-CN": z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Loose variant for optional prose (descriptions): either language may be missing. */
export const PartialLocalizedText = z.strictObject({
  "zh-CN": z.string().optional(),
  en: z.string().optional(),
});
export type PartialLocalizedText = z.infer<typeof PartialLocalizedText>;
