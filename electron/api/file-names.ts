/**
 * File-name rules that hold on every platform we ship to, so a project made on Linux
 * still opens on Windows.
 */

const deviceNamePattern = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

/** Windows reserves these names in every folder, with or without an extension ("nul.txt"). */
export function isWindowsDeviceName(segment: string): boolean {
  const stem = segment.split('.')[0].trim()
  return deviceNamePattern.test(stem)
}

// Characters Windows refuses in names, plus ASCII control characters.
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[<>:"/\\|?*\u0000-\u001f]/g

/**
 * Turns a user-chosen name into a folder or file name: forbidden characters become "_",
 * trailing dots and spaces go (Windows drops them silently), device names get a suffix.
 */
export function toSafeFileName(name: string, fallback = 'Untitled'): string {
  let safe = name
    .replace(forbiddenCharacters, '_')
    .trim()
    .replace(/[. ]+$/, '')
  if (safe === '' || /^_*$/.test(safe)) safe = fallback
  if (isWindowsDeviceName(safe)) safe = `${safe}_`
  // Keep well under common 255-byte limits, leaving room for suffixes like " (copy 2)".
  return safe.slice(0, 120)
}
