import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The window's webPreferences are written literally in electron/main/window.ts (so the
 * electronegativity scan can read them). This test reads the same literal with the
 * TypeScript parser — the options object itself, not a copy of it — and checks each rule.
 */
function webPreferencesLiteral(): Record<string, string> {
  const file = path.resolve(__dirname, '../../../electron/main/window.ts')
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)
  const found: Record<string, string> = {}
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'webPreferences') {
      const literal = node.initializer
      if (ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (ts.isPropertyAssignment(property))
            found[property.name.getText(source)] = property.initializer.getText(source)
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('the main window configuration', () => {
  const preferences = webPreferencesLiteral()

  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInWorker', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['experimentalFeatures', 'false'],
    ['webviewTag', 'false'],
    ['navigateOnDragDrop', 'false'],
  ])('sets %s to %s', (name, value) => {
    expect(preferences[name]).toBe(value)
  })

  it('disables auxclick and loads only our preload', () => {
    expect(preferences.disableBlinkFeatures).toBe("'Auxclick'")
    expect(preferences.preload).toBe('options.preloadPath')
  })

  it('enables the sandbox for every renderer at startup', () => {
    const main = readFileSync(path.resolve(__dirname, '../../../electron/main/index.ts'), 'utf8')
    expect(main).toMatch(/^app\.enableSandbox\(\)/m)
  })
})
