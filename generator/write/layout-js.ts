import type { GeneratedFile } from "../emit/package.js";

/** The leading doc comment (the banner naming the spec): esbuild keeps no comments, so it is given back as its banner. */
const BANNER = /^\/\*\*[\s\S]*?\*\/\n/;

type Esbuild = typeof import("esbuild");

/**
 * Lays out the statements of the files an emitter marks `layout: "js"` with
 * esbuild's service. It is started when this is made (before the specs load):
 * its process takes a tenth of a second or more to start, which the
 * synchronous API spent on the main thread while nothing else could run.
 */
export class JsLayout {
  private readonly esbuild: Promise<Esbuild> = import("esbuild").then(async (esbuild) => {
    await esbuild.transform("", { loader: "js" });
    return esbuild;
  });

  /** The files, those marked laid out (and no longer marked), in the same order. */
  async layout(files: GeneratedFile[]): Promise<GeneratedFile[]> {
    if (!files.some((file) => file.layout === "js")) return files;
    const { transform } = await this.esbuild;
    return Promise.all(
      files.map(async ({ layout, ...file }) => {
        if (layout !== "js") return file;
        const banner = BANNER.exec(file.content)?.[0] ?? "";
        const { code } = await transform(file.content.slice(banner.length), {
          loader: "js",
          format: "esm",
          charset: "utf8",
          // esbuild writes the banner, then a line break, then the code.
          ...(banner ? { banner: banner.slice(0, -1) } : {}),
        });
        return { ...file, content: code };
      }),
    );
  }
}
