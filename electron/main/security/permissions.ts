import type { Session } from 'electron'

/** Camera, microphone, notifications, geolocation…: a forecasting app needs none, so all are denied. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
