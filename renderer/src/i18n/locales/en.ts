export default {
  app: {
    title: 'LSTM Studio',
    tagline: 'Forecast your time series with recurrent networks',
    connectedVia: 'Connected through {transport}',
    transport: { ipc: 'the desktop app', websocket: 'the local server' },
    version: 'Version {version}',
  },
  nav: { label: 'Sections', data: 'Data' },
  language: { label: 'Language', en: 'English', fr: 'Français' },
  samples: {
    heading: 'Sample project',
    intro: 'Real public series bundled with the app. Pick one to see it.',
    listLabel: 'Bundled series',
    points: '{count} points',
    source: 'Source: {source}',
    loading: 'Loading the series…',
  },
  chart: { label: 'Chart of {name}', value: 'Value', time: 'Time', step: 'Step', resetZoom: 'Reset zoom' },
  errors: { dismiss: 'Dismiss', title: 'Something went wrong' },
}
