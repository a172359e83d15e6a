import packageJson from '../package.json'
import type { AppIdentity } from './services/app/app-info'

export function appIdentity(electronVersion: string | null): AppIdentity {
  return { name: packageJson.productName, version: packageJson.version, electronVersion }
}
