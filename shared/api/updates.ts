/**
 * Where the central server serves the kiosk's update files (electron-updater's generic provider: latest.yml,
 * latest-linux.yml, the installers and their blockmaps), relative to the central server's base URL. Outside
 * /api/v1: they are plain files, published by copying electron-builder's release/ output into the directory.
 */
export const UPDATES_PATH = 'updates/';
