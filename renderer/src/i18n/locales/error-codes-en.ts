/**
 * Every error code the services can answer, in words (English). The facts (path, file, line,
 * column…) come with the error as data and are shown after these words (see errors.detail).
 * No `@`, `|`, `{` or `}`: vue-i18n reads them as syntax.
 */
export const errorCodesEn = {
  // The request itself
  INVALID_ARGUMENTS: 'The request was refused: one of its settings is not valid.',
  INVALID_ARGUMENT: 'One of the settings is not valid here.',
  INVALID_SETTINGS: 'These settings cannot train a network on this data; change them on the Model screen.',
  UNKNOWN_REQUEST: 'The app asked for something this version does not know; reload the page.',
  MALFORMED_MESSAGE: 'A message between the window and the app was damaged; reload the page.',
  INTERNAL: 'Something went wrong inside the app. Try again; if it happens again, restart the app.',
  NOT_AVAILABLE:
    'This is not available here (the browser has no native file picker): type the path or upload the file.',
  SHUTTING_DOWN: 'The app is closing: nothing new starts now.',
  // Files and paths (also the system's own codes, never shown raw)
  ENOENT: 'There is no file or folder at this path.',
  ENOTDIR: 'Part of this path is a file, not a folder.',
  EISDIR: 'This path is a folder where a file was expected.',
  EACCES: 'The app is not allowed to open this file or folder.',
  EPERM: 'The system does not allow this operation on this file or folder.',
  EEXIST: 'Something with this name already exists.',
  ENOSPC: 'The disk is full: free some space and try again.',
  EDQUOT: 'Your disk quota is used up: free some space and try again.',
  EROFS: 'This disk is read-only: choose a folder you can write to.',
  ENOTEMPTY: 'This folder is not empty.',
  EBUSY: 'This file is in use by another program: close it there and try again.',
  EMFILE: 'Too many files are open at once: wait a moment and try again.',
  PATH_OUTSIDE_PROJECT: 'This path cannot be used: it leads outside the project folder.',
  READ_FAILED: 'The file cannot be read (it is missing, or the app is not allowed to open it).',
  // Projects
  PROJECT_NOT_FOUND: 'There is no LSTM Studio project in this folder.',
  PROJECT_DAMAGED: 'The project file is damaged and cannot be read.',
  PROJECT_TOO_NEW: 'This project was made by a newer LSTM Studio: update the app to open it.',
  PROJECT_LOCKED: 'This project is open for editing elsewhere: close it there, or open it read-only.',
  PROJECT_READ_ONLY: 'This project is open read-only, so it cannot be changed.',
  PROJECT_EXISTS: 'A folder with this name already exists: choose another name or place.',
  PROJECT_CLOSED: 'This project has been closed: open it again to continue.',
  PROJECT_NOT_OPEN: 'This project is not open any more: open it again from the projects list.',
  RECORD_NOT_FOUND: 'This item is no longer in the project.',
  NOT_FOUND: 'This item is no longer in the project (it may have been deleted).',
  DUPLICATE_RECORD: 'The project already has an item with this id.',
  DATASET_IN_USE: 'Models were trained on this dataset: delete them first.',
  CACHE_MISSING: 'This dataset has no parsed copy: import its file again.',
  CACHE_DAMAGED: 'The parsed copy of this dataset is damaged; it is rebuilt from the data file.',
  // CSV import
  EMPTY_FILE: 'The file is empty.',
  NOT_TEXT: 'This is not a text file (it holds binary data): choose a CSV file.',
  NO_DATA_ROWS: 'The file has a header but no rows of data.',
  TOO_FEW_ROWS: 'The file has too few rows to make a series.',
  NO_NUMERIC_COLUMN: 'The file has no column of numbers to forecast.',
  RAGGED_ROW: 'A row has a different number of cells than the header.',
  BAD_NUMBER: 'A cell that should hold a number does not.',
  NUMBER_OUT_OF_RANGE: 'A number is too large to be read.',
  BAD_TIMESTAMP: 'A date or time cannot be read, or is missing.',
  BAD_QUOTES: 'A quoted cell is not closed properly.',
  BAD_OPTION: 'An import setting does not fit this file (a column it names does not exist).',
  DUPLICATE_TIMESTAMPS: 'Several rows share the same date: choose how to handle them.',
  CSV_NEEDS_DECISION: 'The file needs a decision before it can be read (date order or duplicate dates).',
  COLUMN_NOT_FOUND: 'A column the model needs is not in this data.',
  COLUMN_NOT_NUMERIC: 'A column the model needs does not hold numbers.',
  CANCELLED: 'The import was cancelled.',
  IMPORT_RUNNING: 'This import is already running.',
  // Uploads from a browser
  UPLOAD_TOO_LARGE: 'The file turned out larger than announced; the upload was abandoned.',
  UPLOAD_OUT_OF_ORDER: 'Parts of the file arrived out of order; send it again.',
  UPLOAD_NOT_FOUND: 'This upload is not in progress any more; send the file again.',
  UPLOAD_INCOMPLETE: 'Not all of the file arrived; send it again.',
  TOO_MANY_UPLOADS: 'Too many files are being sent at once: wait for one to finish.',
  // Training
  ALREADY_RUNNING: 'This run is already training.',
  NOT_RUNNING: 'This training is not running.',
  NON_FINITE: 'Training diverged (the loss became infinite): lower the learning rate or scale the data.',
  // Models and exports
  MODEL_NO_SOURCE: 'This model does not say which dataset it was trained on, so it cannot forecast here.',
  MODEL_DAMAGED: 'The model’s files are damaged.',
  MODEL_MISSING_FILE: 'A file of the model is missing.',
  MODEL_FOREIGN: 'This folder does not hold an LSTM Studio model.',
  MODEL_TOO_NEW: 'This model was saved by a newer LSTM Studio: update the app to use it.',
  MODEL_NOT_PANEL: 'This folder does not hold a panel model.',
  MODEL_CORRUPT: 'The model’s files are damaged.',
  PANEL_UNKNOWN_ATTRIBUTE:
    'This column is not a static attribute of the panel (a column constant within each series): choose one the panel import found.',
  PANEL_ATTRIBUTE_MISSING:
    'The model reads a static attribute this panel does not have as a column constant within each series.',
  PANEL_UNKNOWN_COVARIATE:
    'This column is not a covariate of the panel (a numeric column that changes within its series): choose one the panel import found.',
  PANEL_FUTURE_MISSING:
    'A known-future input needs its values for the whole horizon after each series’ last value: add those rows to the file, with their dates, the planned values and an empty value.',
  PANEL_NO_SEASON:
    'Calendar inputs need a seasonal panel (quarters, months, weeks, days, hours…); this panel has no season.',
  NOT_A_PANEL_MODEL: 'This model is not a panel model of this project.',
  ALREADY_EXISTS: 'There is already a run with this id in this project.',
  EXPORT_SAME_FOLDER: 'The export folder is the model’s own folder: choose another one.',
  EXPORT_NOT_A_FOLDER: 'The export destination exists and is not a folder.',
  EXPORT_FOLDER_NOT_EMPTY: 'The export folder already holds files.',
  EXPORT_NO_NETWORK:
    'This model is a statistical forecast (ETS) with no network to export in this format: export it in LSTM Studio’s own format, or export its forecast as CSV.',
  EXPORT_UNSUPPORTED: 'This model cannot be exported in this format.',
  EXPORT_NOT_FOUND: 'This export is no longer in the project: export the model again.',
  DOWNLOAD_INCOMPLETE: 'The download stopped before the end: export and download again.',
}
