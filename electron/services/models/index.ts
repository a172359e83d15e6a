/** File IO of the native model format and CSV → series loading for training and forecasting. */
export { loadForecastModel, type ForecastModel } from './exported-model'
export { detectModelFolder, type ModelFolderKind } from './model-kind'
export { loadModelFolder, saveModelFolder, type LoadedModel, type ModelExtras } from './model-folder'
export { loadSeries, seriesFromDataset, type SeriesColumns, type SeriesLoadCode } from './load-series'
