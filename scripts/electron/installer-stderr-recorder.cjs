// Preloaded into Electron's installer (`node --require this install.js`). It keeps the end of
// what the installer writes to stderr and, when the installer fails, leaves it in the file
// named by LSTM_STUDIO_INSTALLER_STDERR, so `npm start` can quote the installer's own error.
// Recording inside the installer (rather than piping its stderr) keeps stderr the terminal
// itself, which the download's progress bar needs (it draws only on a TTY).
const { writeFileSync } = require('node:fs')

const target = process.env.LSTM_STUDIO_INSTALLER_STDERR
const KEEP = 16 * 1024

if (target) {
  let stderr = ''
  let fetchFailure = null
  const record = (text) => (stderr = (stderr + text).slice(-KEEP))
  const write = process.stderr.write
  process.stderr.write = function (chunk, ...rest) {
    record(String(chunk))
    return write.call(this, chunk, ...rest)
  }
  // Node prints an uncaught exception without going through process.stderr.write.
  process.on('uncaughtExceptionMonitor', (error) => record(`${error?.stack ?? error}\n`))
  // The installer prints `TypeError: fetch failed` without its cause (host not found,
  // connection refused, certificate…), which is what the user needs to know: keep it.
  const fetch = globalThis.fetch
  if (fetch) {
    // Not an async wrapper, so the installer's stack traces show no frame of ours.
    globalThis.fetch = (...args) =>
      fetch(...args).catch((error) => {
        if (error?.cause) fetchFailure = String(error.cause.message ?? error.cause)
        throw error
      })
  }
  process.on('exit', (code) => {
    if (code !== 0) writeFileSync(target, JSON.stringify({ stderr, fetchFailure }))
  })
}
