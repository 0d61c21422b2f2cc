import { describe, expect, it } from 'vitest';
import { RESTART_EXIT_CODE } from '../../electron/core/technician/hostControls';
import { electronHostControls } from '../../electron/main/hostControls';

function fakeApp() {
  const calls: string[] = [];
  return { calls, app: { relaunch: () => void calls.push('relaunch'), exit: (code?: number) => void calls.push(`exit ${code}`) } };
}

describe('technician host controls in Electron', () => {
  it('restarts by scheduling a new instance before exiting when nothing supervises the kiosk', () => {
    const { calls, app } = fakeApp();
    electronHostControls(app, { supervised: false }).restart();
    expect(calls).toEqual(['relaunch', 'exit 0']);
  });

  it('under the systemd unit, restarts by exiting with the code the unit restarts, with no second instance of its own', () => {
    const { calls, app } = fakeApp();
    electronHostControls(app, { supervised: true }).restart();
    expect(calls).toEqual([`exit ${RESTART_EXIT_CODE}`]);
  });

  it('exits to the desktop with 0, which the unit leaves stopped', () => {
    for (const supervised of [false, true]) {
      const { calls, app } = fakeApp();
      electronHostControls(app, { supervised }).exitToDesktop();
      expect(calls).toEqual(['exit 0']);
    }
  });
});
