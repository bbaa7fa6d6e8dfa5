// Builds the dashboard into dist/ (committed, embedded by dashboard.go).
// The output depends only on the sources and the pinned esbuild, so CI
// rebuilds it and checks that git sees no difference.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const out = new URL("./dist/", import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: out + "app.js",
  legalComments: "none",
  logLevel: "warning",
});
for (const f of ["index.html", "style.css"]) copyFileSync("src/" + f, out + f);
