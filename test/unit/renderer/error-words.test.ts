import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { toErrorPayload } from '../../../electron/api/errors'
import en from '../../../renderer/src/i18n/locales/en'
import fr from '../../../renderer/src/i18n/locales/fr'
import { noticeText } from '../../../renderer/src/shell/notice-text'

const ROOT = path.resolve(__dirname, '../../..')

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) return sources(full)
    return name.endsWith('.ts') ? [full] : []
  })
}

/** Every code the services and the engine raise on purpose, read off their throw sites and code unions. */
function thrownCodes(): Set<string> {
  const codes = new Set<string>()
  const throwSite = /(?:Error|Refusal)(?:<[^>]*>)?\(\s*'([A-Z][A-Z_]+)'/g
  const codeUnion = /type \w*Code\w* =([^\n]*(?:\n\s*\|[^\n]*)*)/g
  const fixed = /readonly code = '([A-Z][A-Z_]+)'/g
  for (const folder of ['electron/services', 'electron/api', 'worker']) {
    for (const file of sources(path.join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(throwSite)) codes.add(match[1]!)
      for (const match of text.matchAll(fixed)) codes.add(match[1]!)
      for (const union of text.matchAll(codeUnion))
        for (const literal of union[1]!.matchAll(/'([A-Z][A-Z_]+)'/g)) codes.add(literal[1]!)
    }
  }
  return codes
}

const i18n = (locale: 'en' | 'fr') =>
  createI18n({ legacy: false, locale, messages: { en, fr } }).global as unknown as {
    t: (key: string, named?: Record<string, unknown>) => string
    te: (key: string) => boolean
  }

describe('error messages shown to the user', () => {
  it('exist in English and French for every code the services raise', () => {
    const codes = [...thrownCodes()]
    expect(codes.length).toBeGreaterThan(40)
    const missing = codes.filter((code) => !(code in en.errors.code) || !(code in fr.errors.code))
    expect(missing).toEqual([])
  })

  it('say a system error in words, with its path as data, never as ENOENT or EISDIR', () => {
    const system = Object.assign(new Error("ENOENT: no such file or directory, open '/data/sales.csv'"), {
      code: 'ENOENT',
      syscall: 'open',
      path: '/data/sales.csv',
    })
    const payload = toErrorPayload(system)
    expect(payload.details).toEqual({ path: '/data/sales.csv' })
    const notice = {
      id: 1,
      level: 'error' as const,
      message: payload.message,
      code: payload.code,
      details: payload.details,
    }
    const { t, te } = i18n('fr')
    const said = noticeText(notice, t, te)
    expect(said.text).toBe('Il n’y a ni fichier ni dossier à cet emplacement.')
    expect(said.details).toEqual(['/data/sales.csv'])
    expect(`${said.text} ${said.details.join(' ')}`).not.toMatch(/ENOENT|EISDIR|no such file/)
  })

  it('keep a CSV refusal’s file, line and column as data, labelled in the language', () => {
    const notice = {
      id: 1,
      level: 'error' as const,
      message: 'sales.csv, line 12: "7,0x" in column sales is not a number',
      code: 'BAD_NUMBER',
      details: { file: 'sales.csv', line: '12', column: 'sales', cell: '"7,0x"' },
    }
    const { t, te } = i18n('fr')
    expect(noticeText(notice, t, te)).toEqual({
      text: 'Une cellule qui devrait contenir un nombre n’en contient pas.',
      details: ['fichier sales.csv', 'ligne 12', 'colonne sales', 'cellule "7,0x"'],
    })
  })
})
