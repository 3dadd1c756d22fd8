// Typed bilingual message tables: the English table fixes the keys, the Chinese one must have
// exactly the same shape, so a string missing in one language is a type error, not a blank.

export type MessageTree = { readonly [key: string]: string | MessageTree };

/** The same keys as `T`, any string values. */
export type SameKeys<T extends MessageTree> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends MessageTree
      ? SameKeys<T[K]>
      : never;
};

export interface Bilingual<T extends MessageTree> {
  en: T;
  "zh-CN": SameKeys<T>;
}

export function defineMessages<T extends MessageTree>(en: T, zh: SameKeys<T>): Bilingual<T> {
  return { en, "zh-CN": zh };
}
