// Runs @doyensec/electronegativity over electron/ and renderer/ for our Electron version
// and fails on any finding above LOW severity (the tool itself always exits 0).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const cli = path.join(
  path.dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist',
  'index.js',
)
const workDir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'))

const reviewed = JSON.parse(
  readFileSync(path.join(root, 'electron/main/security/electronegativity-reviewed.json'), 'utf8'),
).reviewed

// One scan over both folders together, so that global checks (navigation limits, permission
// handler) see the main process's code while judging the renderer.
let blocking
try {
  const scanned = path.join(workDir, 'app')
  for (const folder of ['electron', 'renderer']) {
    cpSync(path.join(root, folder), path.join(scanned, folder), { recursive: true })
  }
  const report = path.join(workDir, 'report.csv')
  const run = spawnSync(
    process.execPath,
    [cli, '-i', scanned, '-e', electronVersion, '-o', report, '-r', '-v', 'false', '-p', 'typescript'],
    { cwd: root, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`electronegativity failed:\n${run.stderr}`)
  blocking = findingsAboveLow(readFileSync(report, 'utf8')).filter(
    (finding) =>
      !reviewed.some((entry) => entry.check === finding.check && finding.file.endsWith(entry.file)),
  )
} finally {
  rmSync(workDir, { recursive: true, force: true })
}

if (blocking.length > 0) {
  console.error(`Electronegativity: ${blocking.length} finding(s) above LOW severity:`)
  for (const finding of blocking)
    console.error(`  ${finding.severity} ${finding.check} in ${finding.file} ${finding.location}`)
  process.exit(1)
}
console.log(
  `Electronegativity (Electron ${electronVersion}): no findings above LOW in electron/ and renderer/`,
)

function findingsAboveLow(csv) {
  const [header, ...rows] = csv.trim().split(/\r?\n/)
  if (!header) return []
  const columns = splitCsvLine(header).map((name) => name.trim())
  const severity = columns.indexOf('severity')
  const issue = columns.indexOf('issue')
  const file = columns.indexOf('filename')
  const line = columns.indexOf('location')
  if (severity < 0) throw new Error(`Unexpected electronegativity report header: ${header}`)
  return rows
    .map((row) => splitCsvLine(row).map((cell) => cell.trim()))
    .filter((cells) => !['LOW', 'INFORMATIONAL'].includes(cells[severity]?.toUpperCase() ?? ''))
    .map((cells) => ({
      severity: cells[severity],
      check: cells[issue],
      file: cells[file],
      location: cells[line] ?? '',
    }))
}

function splitCsvLine(line) {
  const cells = []
  let current = ''
  let quoted = false
  for (const char of line) {
    if (char === '"') quoted = !quoted
    else if (char === ',' && !quoted) {
      cells.push(current)
      current = ''
    } else current += char
  }
  cells.push(current)
  return cells
}
