/**
 * electron-builder's afterPack hook: flips the Electron fuses of the packed executable before it is signed and
 * wrapped into an installer (style practice 11). Whatever a local user can do to the kiosk's environment, the
 * shipped binary will not run as plain Node, read NODE_OPTIONS, open an inspector port, or load an app other than
 * the one in its integrity-checked app.asar.
 */
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, type FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export const kioskFuses: FuseV1Config = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would turn the kiosk into a Node shell
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS=--require ... injects code
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect opens a debugger port
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true, // a modified app.asar is refused (Windows; macOS)
  [FuseV1Options.OnlyLoadAppFromAsar]: true, // no app/ folder beside app.asar is loaded instead
  [FuseV1Options.EnableCookieEncryption]: true, // the OS key store, as safeStorage uses for the kiosk token
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // the renderer is served from app://, never file://
};

/** What the hook needs of electron-builder's AfterPackContext (its Linux packager has the executable name). */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The packed Electron executable: named after executableName on Linux, after productFilename on Windows. */
export function packedExecutablePath({ appOutDir, electronPlatformName, packager }: PackedApp): string {
  if (electronPlatformName === 'linux' && packager.executableName !== undefined) return join(appOutDir, packager.executableName);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  // The kiosk ships for Linux and Windows only (electron-builder.config.ts).
  throw new Error(`afterPack: no Electron executable known for platform "${electronPlatformName}"`);
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  await flipFuses(packedExecutablePath(context), kioskFuses);
}
