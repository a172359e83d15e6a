import { useApi } from './use-api'

let available: Promise<boolean> | null = null

/** Whether this window has native pickers (the desktop app) — asked once, from app.info. */
export function useNativeDialogs() {
  const api = useApi()
  available ??= api.call('app.info', {}).then(
    (info) => info.nativeDialogs,
    () => false,
  )
  return {
    available: () => available as Promise<boolean>,
    pick: async (kind: 'csvFile' | 'projectFolder') => (await api.call('dialogs.pick', { kind })).path,
  }
}
