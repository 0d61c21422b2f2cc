/**
 * electron-builder configuration (`npm run dist:linux`, `npm run dist:win`; README.md, "Building the packages").
 * Packs the electron-vite output only (out/), never the sources, tests, benchmarks or the reference server's
 * sources (demo mode's server is bundled into out/main). Native modules are rebuilt for Electron and
 * better-sqlite3's .node file stays outside the asar, where the OS can load it. Fuses are flipped by afterPack.ts.
 */
import type { Configuration } from 'electron-builder';
import afterPack from './afterPack';

/** The Linux binary's name: the systemd unit, the autostart entry and the docs start it by this name. */
export const EXECUTABLE_NAME = 'hcc-kiosk';

const config: Configuration = {
  appId: 'vn.hcc.kiosk',
  productName: 'HCC Kiosk',
  executableName: EXECUTABLE_NAME,
  copyright: 'Apache-2.0',
  // build/ holds how to package (this file, the fuses hook, the Linux unit); resources/ what the app shows (icons).
  directories: { output: 'release', buildResources: 'build' },
  // Production dependencies come along from node_modules; of better-sqlite3, its SQLite and C++ sources stay out.
  // The national catalogue the demo mode serves (server/catalogueDemo.ts reads it beside out/).
  files: ['out/**/*', 'package.json', 'server/fixtures/catalogue-national.json.gz', '!node_modules/better-sqlite3/{deps,src}/**'],
  asar: true,
  // The OS loads a native addon from a real file, not from inside the asar.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  // better-sqlite3 is a Node-API addon shipped with prebuilt binaries per platform: the same file loads in Node
  // and in Electron, so nothing is rebuilt, and `electron-builder install-app-deps` is not needed. A native module
  // that is not Node-API would need `npmRebuild: true` (tests/main/packaging.test.ts checks the assumption).
  npmRebuild: false,
  afterPack,
  // electron-builder writes latest*.yml and app-update.yml only with a publish entry. The URL here is a
  // placeholder: the updater asks the central server the kiosk is enrolled with (electron/main/updater.ts).
  publish: [{ provider: 'generic', url: 'https://central.invalid/updates/' }],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'resources/icons',
    synopsis: 'Kiosk tra cứu hồ sơ thủ tục hành chính / public service centre kiosk',
    maintainer: 'HCC Kiosk <hcc-kiosk@users.noreply.github.com>',
    files: ['!node_modules/better-sqlite3/prebuilds/{darwin,win32}-*.node'],
  },
  deb: {
    // electron-builder's own list for Electron (a `depends` replaces it), and eSpeak NG: the host's voice where the
    // platform has none, a separate GPL-3.0 program the kiosk runs, never bundled (docs/DEPLOYMENT.md).
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0', 'espeak-ng'],
    // The supervision files ship with the package; a technician enables them for the kiosk's user (docs/DEPLOYMENT.md).
    fpm: [
      'build/linux/hcc-kiosk.service=/usr/lib/systemd/user/hcc-kiosk.service',
      'build/linux/hcc-kiosk-autostart.desktop=/usr/share/hcc-kiosk/hcc-kiosk-autostart.desktop',
    ],
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.png',
    files: ['!node_modules/better-sqlite3/prebuilds/{darwin,linux,linuxmusl}-*.node'],
  },
  nsis: {
    // Per user, without prompts: the kiosk account installs it and updates install without an elevation prompt.
    oneClick: true,
    perMachine: false,
    runAfterFinish: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
};

export default config;
