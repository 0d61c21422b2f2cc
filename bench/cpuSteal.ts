/**
 * The share of CPU time the hypervisor gave to other machines (Linux's "steal" time, /proc/stat) while a benchmark
 * ran: on the shared VMs these benchmarks run on, a figure taken while it is high says more about the neighbours
 * than about the kiosk, so the benchmarks that time paints print it beside their figures.
 */
import { readFileSync } from 'node:fs';

interface CpuTimes {
  steal: number;
  total: number;
}

function readCpuTimes(): CpuTimes | null {
  try {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks since boot.
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((sum, value) => sum + value, 0) };
  } catch {
    return null;
  }
}

/** Starts counting; the returned function gives the share stolen since, as a line to print, or null off Linux. */
export function startStealCount(): () => string | null {
  const before = readCpuTimes();
  return () => {
    const after = readCpuTimes();
    if (!before || !after || after.total === before.total) return null;
    const share = (100 * (after.steal - before.steal)) / (after.total - before.total);
    return `CPU time taken by the hypervisor for other machines (steal) during the scans: ${share.toFixed(1)} %`;
  };
}
