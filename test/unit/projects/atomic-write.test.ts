import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  copyFileAtomic,
  writeFileAtomic,
  writeJsonAtomic,
} from '../../../electron/services/storage/atomic-write'
import { nodeStorageFs } from '../../../electron/services/storage/storage-fs'
import type { StorageFs } from '../../../electron/services/storage/storage-fs'
import { useTempDirs } from './helpers'

const tempDir = useTempDirs()

function failingAt(step: 'open' | 'rename', code = 'EIO'): StorageFs {
  const failure = () => Promise.reject(Object.assign(new Error(`${step} failed`), { code }))
  return { ...nodeStorageFs, [step]: failure }
}

describe('writeFileAtomic', () => {
  it('creates and then replaces a file', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'a.txt')
    await writeFileAtomic(target, 'first')
    await writeFileAtomic(target, new Uint8Array([104, 105]))
    expect(await readFile(target, 'utf8')).toBe('hi')
    expect(await readdir(dir)).toEqual(['a.txt'])
  })

  it('leaves the previous content and no temp file when the rename fails', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'a.json')
    await writeJsonAtomic(target, { version: 'old' })
    await expect(writeJsonAtomic(target, { version: 'new' }, { fs: failingAt('rename') })).rejects.toThrow(
      'rename failed',
    )
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ version: 'old' })
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('leaves the previous content when the temp file cannot be created', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'a.txt')
    await writeFileAtomic(target, 'old')
    await expect(writeFileAtomic(target, 'new', { fs: failingAt('open', 'ENOSPC') })).rejects.toThrow()
    expect(await readFile(target, 'utf8')).toBe('old')
  })

  it('fails without harm when the target is a directory', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'occupied')
    await mkdir(target)
    await writeFile(path.join(target, 'inside.txt'), 'keep')
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow()
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('keep')
    expect(await readdir(dir)).toEqual(['occupied'])
  })

  it('writes pretty JSON ending in a newline', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'a.json')
    await writeJsonAtomic(target, { a: 1 })
    expect(await readFile(target, 'utf8')).toBe('{\n  "a": 1\n}\n')
  })
})

describe('copyFileAtomic', () => {
  it('copies bytes verbatim', async () => {
    const dir = await tempDir()
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62, 0x0d, 0x0a, 0x00, 0xff])
    await writeFile(path.join(dir, 'src.csv'), bytes)
    await copyFileAtomic(path.join(dir, 'src.csv'), path.join(dir, 'dst.csv'))
    expect((await readFile(path.join(dir, 'dst.csv'))).equals(bytes)).toBe(true)
  })

  it('keeps an existing target and removes the temp copy when the rename fails', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'src.csv'), 'new')
    await writeFile(path.join(dir, 'dst.csv'), 'old')
    await expect(
      copyFileAtomic(path.join(dir, 'src.csv'), path.join(dir, 'dst.csv'), { fs: failingAt('rename') }),
    ).rejects.toThrow()
    expect(await readFile(path.join(dir, 'dst.csv'), 'utf8')).toBe('old')
    expect((await readdir(dir)).sort()).toEqual(['dst.csv', 'src.csv'])
  })
})

/** The storage fs, recording each call (and each fsync of a handle) as "op name" with names relative to `dir`. */
function recordingFs(dir: string): { fs: StorageFs; calls: string[] } {
  const calls: string[] = []
  const name = (file: string) =>
    path.relative(dir, file).replace(/^\.tmp-(.+)-\d+-[0-9a-f]+$/, 'temp:$1') || '.'
  const fs: StorageFs = {
    ...nodeStorageFs,
    async open(file, flags, mode) {
      calls.push(`open ${name(file)} ${flags}`)
      const handle = await nodeStorageFs.open(file, flags, mode)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        calls.push(`fsync ${name(file)}`)
        return sync()
      }
      return handle
    },
    async rename(from, to) {
      calls.push(`rename ${name(from)} -> ${name(to)}`)
      return nodeStorageFs.rename(from, to)
    },
    async copyFile(from, to, mode) {
      calls.push(`copy ${name(from)} -> ${name(to)}`)
      return nodeStorageFs.copyFile(from, to, mode)
    },
  }
  return { fs, calls }
}

describe('durability of atomic writes', () => {
  it('fsyncs the data before the rename and the folder after it', async () => {
    const dir = await tempDir()
    const { fs, calls } = recordingFs(dir)
    await writeFileAtomic(path.join(dir, 'a.json'), '{}', { fs })
    expect(calls).toEqual([
      'open temp:a.json wx',
      'fsync temp:a.json',
      'rename temp:a.json -> a.json',
      'open . r',
      'fsync .',
    ])
  })

  it('fsyncs a copied file before the rename and the folder after it', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'src.csv'), 'a,b\n')
    const { fs, calls } = recordingFs(dir)
    await copyFileAtomic(path.join(dir, 'src.csv'), path.join(dir, 'dst.csv'), { fs })
    expect(calls).toEqual([
      'copy src.csv -> temp:dst.csv',
      'open temp:dst.csv r+',
      'fsync temp:dst.csv',
      'rename temp:dst.csv -> dst.csv',
      'open . r',
      'fsync .',
    ])
  })
})
