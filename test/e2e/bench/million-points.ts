/**
 * Responsiveness benchmark (not a test): imports a 1,000,000-row series through the UI, then
 * zooms and pans its chart, recording long tasks (> 50 ms on the page's main thread) while
 * loading and while interacting. LTTB decimation is what should keep the interaction fluid.
 *
 *   npx electron-vite build && npx tsx test/e2e/bench/million-points.ts [rows]
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { openBenchPage, summarise } from './bench-page'

const rows = Number(process.argv[2] ?? 1_000_000)

function writeSeries(file: string): void {
  const lines = ['time,value']
  const start = Date.UTC(2020, 0, 1)
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + i * 60_000).toISOString().slice(0, 19)
    lines.push(`${t},${(Math.sin(i / 1440) * 50 + Math.sin(i / 60) * 5 + 100).toFixed(3)}`)
  }
  writeFileSync(file, lines.join('\n') + '\n')
}

async function main(): Promise<void> {
  const bench = await openBenchPage()
  const { page } = bench
  try {
    const csv = path.join(bench.dataDir, 'million.csv')
    writeSeries(csv)
    await bench.takeLongTasks()
    const started = Date.now()
    await page.getByTestId('nav-data').click()
    await page.getByTestId('open-import').click()
    await page.getByTestId('import-path').fill(csv)
    await page.getByTestId('import-inspect').click()
    await page.getByTestId('import-run').click()
    await page.getByTestId('dataset-million').waitFor({ timeout: 120_000 })
    await page.getByTestId('series-length').waitFor()
    const loadSeconds = (Date.now() - started) / 1000
    const loading = await bench.takeLongTasks()
    const box = (await page.getByTestId('series-chart').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const interactionStart = Date.now()
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 10 })
    await page.mouse.up()
    await page.waitForTimeout(500)
    const interacting = await bench.takeLongTasks()
    console.log(
      JSON.stringify({
        bench: 'chart',
        rows,
        importAndDrawSeconds: loadSeconds,
        loading: summarise(loading),
        interaction: { ...summarise(interacting), seconds: (Date.now() - interactionStart) / 1000 },
      }),
    )
  } finally {
    await bench.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
