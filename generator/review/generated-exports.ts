/**
 * The names a generated package exports, read from its emitted sources. The
 * one place the review knows how exports are written: when emit/ lists its
 * exports itself, this is what changes.
 */
import type { GeneratedFile } from "../emit/package.js";

export function exportedNames(files: GeneratedFile[], slug: string): string[] {
  const names = new Set<string>();
  const sources = files.filter((file) => file.path.startsWith(`${slug}/src/`) && file.path.endsWith(".ts"));
  for (const file of sources)
    for (const match of file.content.matchAll(
      /^export (?:declare )?(?:async )?(?:const|function|type|interface|class) (\w+)/gm,
    ))
      names.add(match[1] as string);
  return [...names];
}
