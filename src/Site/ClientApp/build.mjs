// Bundles the back office's editor into ../wwwroot/umbraco/dist (git-ignored); run by the project's build (Site.csproj).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/richtext.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: '../wwwroot/umbraco/dist/richtext.js',
  legalComments: 'linked',
  logLevel: 'warning',
});
