#!/usr/bin/env node
// Runs the built CLI (out/main/cli.js); in a source checkout that was not built yet, the
// TypeScript entry through tsx.
const { existsSync } = require('node:fs')
const path = require('node:path')

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (existsSync(built)) {
  require(built)
} else {
  const { spawnSync } = require('node:child_process')
  const entry = path.join(__dirname, '..', 'electron', 'cli', 'index.ts')
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  process.exit(result.status ?? 1)
}
