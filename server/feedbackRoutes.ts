/**
 * Routes of the ratings API and the on-time board on the reference central server (shared/api/feedback.ts).
 * Registered by createCentralApp, which hands over its store, clock and auth middleware.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import {
  type FeedbackAccepted,
  FeedbackListQuery,
  FeedbackRequest,
  FeedbackSummaryQuery,
  feedbackPaths,
  hasRequiredReason,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKey,
  OnTimeQuery,
} from '../shared/api/feedback';
import { fail, readBody, readQuery, type RouteDeps } from './httpHelpers';
import { periodContaining } from './feedbackStats';
import { sha256Hex } from './secrets';


/** The replay of a stored key says so, for integrators watching their kiosks' retries. */
const REPLAYED_HEADER = 'Idempotent-Replayed';

export function registerFeedbackRoutes(app: Hono, { store, now, requireKiosk, requireAdmin }: RouteDeps): void {
  app.post(feedbackPaths.feedback, requireKiosk, async (c) => {
    const key = IdempotencyKey.safeParse(c.req.header(IDEMPOTENCY_KEY_HEADER));
    if (!key.success) {
      return fail(c, { status: 400, code: 'BAD_REQUEST', message: `The ${IDEMPOTENCY_KEY_HEADER} header must be 16 to 128 letters, digits, - or _.` });
    }
    const body = await readBody(c, FeedbackRequest);
    if (!body.ok) return fail(c, body.failure);
    const request = body.value;
    // requireKiosk has checked the token: it names the kiosk a rating may claim.
    if (c.get('kioskId') !== request.kioskId) {
      return fail(c, { status: 403, code: 'FORBIDDEN', message: 'kioskId is not the kiosk this token belongs to.' });
    }
    if (!hasRequiredReason(request)) {
      return fail(c, { status: 422, code: 'REASON_REQUIRED', message: 'A "khong_hai_long" rating needs a reason.' });
    }
    const dossier = store.findDossier(request.dossierCode);
    if (!dossier) return fail(c, { status: 404, code: 'DOSSIER_NOT_FOUND', message: 'No dossier has this code.' });
    const requestHash = sha256Hex(JSON.stringify(request));
    const stored = store.feedback.insertOnce({
      id: randomUUID(),
      idempotencyKey: key.data,
      requestHash,
      record: {
        dossierCode: dossier.code,
        agency: dossier.agency,
        kioskId: request.kioskId,
        rating: request.rating,
        reason: request.reason ?? null,
        indicators: request.indicators ?? null,
      },
      receivedAt: now(),
    });
    if ('alreadyRated' in stored) {
      const message = `This kiosk already rated this dossier (${stored.alreadyRated.receivedAt}); the first rating stands.`;
      return fail(c, { status: 409, code: 'ALREADY_RATED', message });
    }
    if (stored.requestHash !== requestHash) {
      return fail(c, { status: 409, code: 'IDEMPOTENCY_KEY_REUSED', message: `This ${IDEMPOTENCY_KEY_HEADER} was sent with another rating.` });
    }
    if (!stored.inserted) c.header(REPLAYED_HEADER, 'true');
    return c.json({ id: stored.record.id, receivedAt: stored.record.receivedAt } satisfies FeedbackAccepted, 201);
  });

  app.get(feedbackPaths.adminFeedback, requireAdmin, (c) => {
    const query = readQuery(c, FeedbackListQuery);
    if (!query.ok) return fail(c, query.failure);
    const { agency, period, limit, offset } = query.value;
    const range = period === undefined ? undefined : periodContaining(period, now());
    const list = store.feedback.list({
      agencyId: agency,
      from: range && new Date(range.from),
      to: range && new Date(range.to),
      limit,
      offset,
    });
    return c.json(list);
  });

  app.get(feedbackPaths.adminFeedbackSummary, requireAdmin, (c) => {
    const query = readQuery(c, FeedbackSummaryQuery);
    if (!query.ok) return fail(c, query.failure);
    return c.json(store.stats.feedbackSummary(query.value.period));
  });

  app.get(feedbackPaths.onTime, requireKiosk, (c) => {
    const query = readQuery(c, OnTimeQuery);
    if (!query.ok) return fail(c, query.failure);
    const at = now();
    return c.json(store.stats.onTimeBoard(periodContaining(query.value.period, at), at));
  });
}
