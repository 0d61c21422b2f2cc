/**
 * Getting the kiosk's logs to a technician: a copy onto a mounted USB drive, or the last lines on screen. Lines
 * are copied as written, and the logger never writes a citizen's data in clear (electron/core/logger.ts).
 */
import { copyFile, mkdir, open, readdir, stat, statfs } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { LogExport, UsbTarget } from '../../../shared/contract/technician';
import { logFilesIn } from '../logger';

/**
 * Where desktop Linux mounts removable media for the logged-in user (udisks2: /media/<user>/<label> on Debian and
 * Ubuntu, /run/media/<user>/<label> on Fedora and others). Windows kiosks export to a drive through the desktop.
 */
export function defaultMediaRoots(): string[] {
  if (process.platform !== 'linux') return [];
  const user = userInfo().username;
  return [join('/media', user), join('/run/media', user)];
}

/** Mounted drives under the media roots: a folder is a mount point when it is on another device than its parent. */
export async function listUsbTargets(roots: readonly string[]): Promise<UsbTarget[]> {
  const targets: UsbTarget[] = [];
  for (const root of roots) {
    let names: string[];
    let rootDevice: number;
    try {
      names = await readdir(root);
      rootDevice = (await stat(root)).dev;
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = join(root, name);
      try {
        const info = await stat(path);
        if (!info.isDirectory() || info.dev === rootDevice) continue;
        const space = await statfs(path);
        targets.push({ path, label: name, freeBytes: space.bavail * space.bsize });
      } catch {
        // Unmounted while we looked, or not ours to read: not a target.
      }
    }
  }
  return targets;
}

/** Copies the log files into a new folder on the drive; `stamp` names the folder (kiosk id and time). */
export async function exportLogsTo(target: string, logDir: string, stamp: string): Promise<LogExport> {
  const directory = join(target, `hcc-kiosk-logs-${stamp.replace(/[^A-Za-z0-9_-]/g, '-')}`);
  await mkdir(directory, { recursive: true });
  const files: string[] = [];
  for (const file of logFilesIn(logDir)) {
    const copy = join(directory, basename(file));
    await copyFile(file, copy);
    await flushToDisk(copy);
    files.push(basename(file));
  }
  // On the drive before the technician is told so: the next thing they do is pull it out.
  await flushToDisk(directory);
  return { directory, files };
}

async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Only the tail of a file is read: a log file may be megabytes, the screen shows a few hundred lines. */
const TAIL_READ_BYTES = 256 * 1024;

/** The last `count` lines of the log, across the rotated files, oldest first. */
export async function tailLog(logDir: string, count: number): Promise<string[]> {
  const lines: string[] = [];
  for (const file of logFilesIn(logDir).reverse()) {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, TAIL_READ_BYTES);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      // A read that starts mid-file starts mid-line: drop that partial first line.
      const fileLines = text.split('\n').slice(size > length ? 1 : 0).filter((line) => line !== '');
      lines.unshift(...fileLines.slice(-(count - lines.length)));
    } finally {
      await handle.close();
    }
    if (lines.length >= count) break;
  }
  return lines;
}
