import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeStorageFs } from '../../../electron/services/storage/storage-fs'
import type { StorageFs } from '../../../electron/services/storage/storage-fs'
import { makeStore, useTempDirs } from './helpers'

const tempDir = useTempDirs()

/** Ids in the project.json of every folder of `parent`, temporary ones included. */
async function idsIn(parent: string): Promise<Record<string, string | null>> {
  const ids: Record<string, string | null> = {}
  for (const name of await readdir(parent)) {
    const text = await readFile(path.join(parent, name, 'project.json'), 'utf8').catch(() => null)
    ids[name] = text === null ? null : (JSON.parse(text) as { id: string }).id
  }
  return ids
}

/** An original project with some data, in a store whose folder copy is `cp`. */
async function original(cp: StorageFs['cp']) {
  const { store, projectsDir } = makeStore(await tempDir(), { fs: { ...nodeStorageFs, cp } })
  const session = await store.create({ name: 'Orig' })
  await writeFile(path.join(session.path, 'data', 'a.csv'), 'x,y\n1,2\n')
  return { store, projectsDir, session, id: session.manifest.id }
}

describe('duplicating a project', () => {
  it('leaves no folder carrying the original id if the app dies in the middle of the copy', async () => {
    let copying: () => void = () => undefined
    const midCopy = new Promise<void>((resolve) => (copying = resolve))
    // Copies for real, then the process "dies": nothing after this point ever runs.
    const dyingCp: StorageFs['cp'] = async (from, to, options) => {
      await nodeStorageFs.cp(from, to, options)
      copying()
      await new Promise<never>(() => undefined)
    }
    const { store, projectsDir, session, id } = await original(dyingCp)
    void store.duplicate(session.path)
    await midCopy
    const ids = await idsIn(projectsDir)
    expect(Object.entries(ids).filter(([, other]) => other === id)).toEqual([['Orig', id]])
    // What a user sees in the projects folder is only the original; the half copy has a temp name.
    expect(Object.keys(ids).filter((name) => !name.startsWith('.tmp-'))).toEqual(['Orig'])
    await session.close()
  })

  it('removes the half copy when the copy fails, and says why', async () => {
    const failingCp: StorageFs['cp'] = async (from, to, options) => {
      await nodeStorageFs.cp(from, to, options)
      throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' })
    }
    const { store, projectsDir, session } = await original(failingCp)
    await expect(store.duplicate(session.path)).rejects.toThrow(/EIO/)
    expect(await readdir(projectsDir)).toEqual(['Orig'])
    await session.close()
  })

  it('puts the complete copy in place under its own id', async () => {
    const { store, projectsDir, session, id } = await original(nodeStorageFs.cp)
    const copy = await store.duplicate(session.path)
    expect(await idsIn(projectsDir)).toEqual({ Orig: id, 'Orig (copy)': copy.id })
    expect(copy.id).not.toBe(id)
    expect(await readFile(path.join(copy.path, 'data', 'a.csv'), 'utf8')).toBe('x,y\n1,2\n')
    await session.close()
  })
})
