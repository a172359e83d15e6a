import path from 'node:path'
import { build } from 'esbuild'

/** Bundles a child script (and the service sources it imports) into plain JavaScript, forked fast. */
export async function bundleChild(script: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.parse(script).name}.cjs`)
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  })
  return outfile
}
