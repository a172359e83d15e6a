import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { wasmKernelFiles, wasmKernelsNeedBuild } from '../../../scripts/wasm-kernels.mjs'

/**
 * `npm run bench -- NAME` right after `npm install`: the kernels are not built yet, and the
 * benchmark builds them first. Checked on a copy of the layout with set file times.
 */
let root: string
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lstm-wasm-fresh-'))
  for (const file of ['scripts/build-wasm.mjs', 'worker/engine/wasm/assembly/lstm-cell.ts']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), '')
    setTime(file, 1_000)
  }
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const setTime = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds)
const GENERATED = 'worker/engine/wasm/build/kernels-wasm.ts'

function build(atSeconds: number) {
  mkdirSync(path.dirname(path.join(root, GENERATED)), { recursive: true })
  writeFileSync(path.join(root, GENERATED), '')
  setTime(GENERATED, atSeconds)
}

describe('the WebAssembly kernels a benchmark needs', () => {
  it('are built on a fresh install, where they are missing', () => {
    expect(wasmKernelsNeedBuild(wasmKernelFiles(root))).toBe(true)
  })

  it('are not rebuilt while newer than their sources', () => {
    build(2_000)
    expect(wasmKernelsNeedBuild(wasmKernelFiles(root))).toBe(false)
  })

  it('are rebuilt after a kernel source or the build script changed', () => {
    build(2_000)
    setTime('worker/engine/wasm/assembly/lstm-cell.ts', 3_000)
    expect(wasmKernelsNeedBuild(wasmKernelFiles(root))).toBe(true)
    build(4_000)
    setTime('scripts/build-wasm.mjs', 5_000)
    expect(wasmKernelsNeedBuild(wasmKernelFiles(root))).toBe(true)
  })

  it('name the real generated module and sources of this checkout', () => {
    const files = wasmKernelFiles(path.resolve(__dirname, '../../..'))
    expect(files.generated).toMatch(/worker\/engine\/wasm\/build\/kernels-wasm\.ts$/)
    expect(files.sources.some((file) => file.endsWith('assembly/index.ts'))).toBe(true)
  })
})
