/** Learning-rate schedules as small stateful objects, stepped once per epoch. */
export type ScheduleConfig =
  | { kind: 'constant' }
  | { kind: 'step'; stepSize: number; gamma: number }
  /** Cosine annealing from the base lr to minLr over `T` epochs, then held at minLr. */
  | { kind: 'cosine'; T: number; minLr?: number }
  /** ReduceLROnPlateau (mode min, relative threshold, no cooldown). */
  | { kind: 'plateau'; patience: number; factor: number; minLr?: number; threshold?: number }

export interface LrSchedule {
  /** Learning rate to use for the current epoch. */
  readonly lr: number
  /** Ends an epoch; `metric` (e.g. validation loss) is required by 'plateau'. Returns the next lr. */
  step(metric?: number): number
}

export function createSchedule(config: ScheduleConfig, baseLr: number): LrSchedule {
  if (!(baseLr > 0)) throw new Error(`Schedule base lr must be positive, got ${String(baseLr)}`)
  switch (config.kind) {
    case 'constant':
      return epochSchedule(() => baseLr)
    case 'step':
      assertPositive(config.stepSize, 'step schedule stepSize')
      return epochSchedule((epoch) => baseLr * config.gamma ** Math.floor(epoch / config.stepSize))
    case 'cosine':
      return cosineSchedule(config.T, config.minLr ?? 0, baseLr)
    case 'plateau':
      return plateauSchedule(config, baseLr)
    default:
      throw new Error(`Unknown schedule "${String((config as { kind?: unknown }).kind)}"`)
  }
}

function epochSchedule(lrAt: (epoch: number) => number): LrSchedule {
  let epoch = 0
  return {
    get lr() {
      return lrAt(epoch)
    },
    step() {
      epoch++
      return lrAt(epoch)
    },
  }
}

function cosineSchedule(T: number, minLr: number, baseLr: number): LrSchedule {
  assertPositive(T, 'cosine schedule T')
  return epochSchedule((epoch) => {
    const progress = Math.min(epoch, T) / T
    return minLr + ((baseLr - minLr) * (1 + Math.cos(Math.PI * progress))) / 2
  })
}

function plateauSchedule(config: Extract<ScheduleConfig, { kind: 'plateau' }>, baseLr: number): LrSchedule {
  const threshold = config.threshold ?? 1e-4
  const minLr = config.minLr ?? 0
  if (!(config.factor > 0 && config.factor < 1))
    throw new Error(`plateau factor must be in (0, 1), got ${config.factor}`)
  let lr = baseLr
  let best = Infinity
  let badEpochs = 0
  return {
    get lr() {
      return lr
    },
    step(metric?: number) {
      if (metric === undefined || Number.isNaN(metric))
        throw new Error('plateau schedule needs a metric each epoch')
      if (metric < best * (1 - threshold)) {
        best = metric
        badEpochs = 0
      } else if (++badEpochs > config.patience) {
        lr = Math.max(lr * config.factor, minLr)
        badEpochs = 0
      }
      return lr
    },
  }
}

function assertPositive(value: number, what: string): void {
  if (!(value > 0)) throw new Error(`${what} must be positive, got ${String(value)}`)
}
