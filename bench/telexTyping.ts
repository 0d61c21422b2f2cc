/**
 * On-screen keyboard composition: the cost of one key press in Telex and VNI (renderer/input/telex.ts) while a
 * citizen types a search, measured on a text near the 200-character search limit, where each key re-reads the most.
 * Baseline: the same keys in ABC mode (plain append), in the same run. Target: well inside one 60 Hz frame per key.
 */
import { typeKey, typeKeys, type InputMode } from '../renderer/input/telex';
import { ms, percentile, verdictLine } from './stats';

const TELEX = 'thur tucj ddawng kys khai sinh cho trer em duwowis saus tuooir taij uyr ban nhaan daan xax nguwowif nuwowcs ngoaif ';
const VNI = 'thu3 tu5c d9a8ng ky1 khai sinh cho tre3 em du7o71i sa1u tuo6i3 tai5 u3y ban nha6n da6n xa4 ngu7o7i2 nu7o71c ngoa2i ';
const ROUNDS = 200;
const TARGET_MS = 1;

function perKeyTimes(keys: string, mode: InputMode): number[] {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let text = '';
    for (const key of keys) {
      const start = performance.now();
      text = typeKey(text, key, mode);
      times.push(performance.now() - start);
    }
  }
  return times;
}

export async function benchTelexTyping(): Promise<string[]> {
  const telexKeys = TELEX.repeat(2).slice(0, 200);
  const vniKeys = VNI.repeat(2).slice(0, 200);
  const plain = perKeyTimes(telexKeys, 'plain');
  const telex = perKeyTimes(telexKeys, 'telex');
  const vni = perKeyTimes(vniKeys, 'vni');
  const line = (name: string, times: number[]) =>
    `${name}: p50 ${(percentile(times, 50) * 1000).toFixed(1)} µs, p99 ${(percentile(times, 99) * 1000).toFixed(1)} µs per key`;
  return [
    `typed: ${ROUNDS} × 200 keys per mode; sample composes to "${typeKeys(TELEX, 'telex').trim()}"`,
    line('baseline ABC (plain append)', plain),
    line('Telex', telex),
    line('VNI', vni),
    verdictLine({ name: 'Telex key, p99', value: percentile(telex, 99), target: TARGET_MS }),
    verdictLine({ name: 'VNI key, p99', value: percentile(vni, 99), target: TARGET_MS }),
    `(${ms(TARGET_MS)} is 1/16 of a 60 Hz frame)`,
  ];
}

