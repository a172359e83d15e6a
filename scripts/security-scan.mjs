// Runs @doyensec/electronegativity over electron/ and renderer/ for our Electron version
// and fails on any finding above LOW severity (the tool itself always exits 0).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const cli = path.join(
  path.dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist',
  'index.js',
)

const reviewed = JSON.parse(
  readFileSync(path.join(root, 'electron/main/security/electronegativity-reviewed.json'), 'utf8'),
).reviewed

// One scan over both folders together, so that global checks (navigation limits, permission
// handler) see the main process's code while judging the renderer.
function scanOnce() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'))
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
    return readFileSync(report, 'utf8')
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

// The tool now and then writes a row out of step (a severity column holding a line:column), seen
// once in CI-like runs: such a report is read again from a fresh scan rather than trusted.
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
let findings = null
for (let attempt = 1; attempt <= 3 && findings === null; attempt++) {
  const rows = reportRows(scanOnce())
  const malformed = rows.filter((row) => !SEVERITIES.includes(row.severity.toUpperCase()))
  if (malformed.length === 0) findings = rows
  else
    console.error(
      `Electronegativity wrote ${malformed.length} malformed row(s); scanning again (${attempt}/3).`,
    )
}
if (findings === null) {
  console.error('Electronegativity: three scans in a row wrote malformed reports.')
  process.exit(1)
}
const blocking = findings
  .filter((row) => !['LOW', 'INFORMATIONAL'].includes(row.severity.toUpperCase()))
  .filter(
    (finding) =>
      !reviewed.some((entry) => entry.check === finding.check && finding.file.endsWith(entry.file)),
  )

if (blocking.length > 0) {
  console.error(`Electronegativity: ${blocking.length} finding(s) above LOW severity:`)
  for (const finding of blocking)
    console.error(`  ${finding.severity} ${finding.check} in ${finding.file} ${finding.location}`)
  process.exit(1)
}
console.log(
  `Electronegativity (Electron ${electronVersion}): no findings above LOW in electron/ and renderer/`,
)

// The report's cells may be quoted and hold commas or line breaks: parse it as CSV, not by lines.
function reportRows(csv) {
  const parsed = Papa.parse(csv.trim(), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  })
  if (!parsed.meta.fields?.includes('severity'))
    throw new Error(`Unexpected electronegativity report header: ${parsed.meta.fields?.join(', ')}`)
  return parsed.data
    .map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value ?? '').trim()])),
    )
    .map((row) => ({
      severity: row.severity,
      check: row.issue,
      file: row.filename,
      location: row.location ?? '',
    }))
}
