/** Technician calls as the panels use them: the value, or a thrown failure; a lost session sends back to the PIN. */
import type { TechnicianErrorCode, TechnicianResult } from '../../shared/contract/technician';

export class TechnicianFailure extends Error {
  override readonly name = 'TechnicianFailure';
  constructor(
    readonly code: TechnicianErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function valueOrThrow<T>(call: Promise<TechnicianResult<T>>, onSessionLost: () => void): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  if (result.error.code === 'SESSION_REQUIRED') onSessionLost();
  throw new TechnicianFailure(result.error.code, result.error.message);
}
