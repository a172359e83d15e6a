/** The file-name rules live beside the API contract, so the renderer names its downloads by them too. */
export { isWindowsDeviceName, toSafeFileName } from '../../api/file-names'
