/**
 * Imported first by main.tsx. The hosts' CSP forbids eval, and zod probes `new Function` when it builds its first
 * object schema, at import time of the contract; the probe fails quietly but the page reports a CSP violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
