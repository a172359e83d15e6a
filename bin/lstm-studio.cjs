#!/usr/bin/env node
// Runs the built CLI (out/main/cli.js); in a source checkout that was not built yet, the
// TypeScript entry through tsx. Either runs as its own main module: the CLI starts only when it
// is the program, not when required (so requiring it here would do nothing).
const { existsSync } = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js')
const entry = path.join(__dirname, '..', 'electron', 'cli', 'index.ts')
const args = existsSync(built) ? [built] : ['--import', 'tsx', entry]
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(result.status ?? 1)
