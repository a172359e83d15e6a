import packageJson from '../../package.json'

/**
 * `lstm-studio`: the headless side of the app. Each subcommand is a module of its own
 * that returns an exit status; this file only routes.
 */
export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

type Command = { summary: string; run: (argv: string[], io: CliIo) => Promise<number> }

const commands: Record<string, Command> = {
  inspect: {
    summary:
      'inspect FILE [--json]                       format, columns, rows, frequency and missing values of a CSV',
    run: async (argv, io) => (await import('./inspect')).runInspect(argv, io),
  },
  train: {
    summary:
      'train DATA.csv --target COL [--config FILE] --out DIR   train (Auto unless the config says otherwise)',
    run: async (argv, io) => (await import('./train')).runTrain(argv, io),
  },
  export: {
    summary:
      'export MODEL_DIR --format onnx|tfjs|native --out DIR [--force]   the model for onnxruntime, TensorFlow.js or LSTM Studio',
    run: async (argv, io) => (await import('./export')).runExport(argv, io),
  },
  forecast: {
    summary: 'forecast MODEL_DIR DATA.csv --horizon H --out forecast.csv   forecast with 80/95% intervals',
    run: async (argv, io) => (await import('./forecast')).runForecast(argv, io),
  },
}

export function usage(): string {
  const lines = Object.values(commands).map((command) => `  lstm-studio ${command.summary}`)
  return [
    `${packageJson.productName} ${packageJson.version} — forecast time series with recurrent networks`,
    '',
    'Usage:',
    ...lines,
    '  lstm-studio --help | --version',
    '',
    'Exit status: 0 success, 1 usage error, 2 the input was refused (the message says why).',
    '',
  ].join('\n')
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(usage())
    return first === undefined ? 1 : 0
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${packageJson.version}\n`)
    return 0
  }
  const command = commands[first]
  if (!command) {
    io.stderr.write(`lstm-studio: unknown command "${first}"\n\n${usage()}`)
    return 1
  }
  return command.run(rest, io)
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      process.stderr.write(`lstm-studio: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}
