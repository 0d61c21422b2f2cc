import { afterEach, describe, expect, it } from 'vitest';
import { CentralError, createCentralClient, isCentralUrl, MAX_RESPONSE_BYTES } from '../../electron/core/centralClient';
import { hang, sampleDossier, sendJson, startTestServer, type TestHandler, type TestServer } from './centralClient.testServer';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<CentralError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CentralError);
  return error as CentralError;
}

const fast = { attemptTimeoutMs: 300, deadlineMs: 1000, backoffMs: 20 };

describe('central client: the server\'s part of a call', () => {
  it('adds up the HTTP exchanges of every attempt, each from request sent to reply read', async () => {
    // Each answer comes 40 ms after its request; the first is a 503 that is retried.
    let answered = 0;
    const { baseUrl } = await serve((_request, response) => {
      const busy = answered++ === 0;
      setTimeout(() => (busy ? sendJson(response, 503, { error: { code: 'INTERNAL', message: 'busy' } }) : sendJson(response, 200, sampleDossier)), 40);
    });
    const exchange = { ms: 0 };

    await expect(createCentralClient({ baseUrl, ...fast }).getDossier(sampleDossier.code, exchange)).resolves.toEqual(sampleDossier);

    // Two exchanges of about 40 ms each (timers and performance.now() tick apart by a little); more than one alone.
    expect(exchange.ms).toBeGreaterThan(70);
  });
});

describe('central client: successful calls', () => {
  it('fetches a dossier by its URL-encoded code with the bearer token and JSON accept header', async () => {
    const { baseUrl, requests } = await serve((_request, response) => sendJson(response, 200, sampleDossier));
    const client = createCentralClient({ baseUrl: `${baseUrl}/`, token: 'kiosk-token-0123456789' });

    await expect(client.getDossier(sampleDossier.code)).resolves.toEqual(sampleDossier);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      url: `/api/v1/dossiers/${encodeURIComponent(sampleDossier.code)}`,
      headers: { authorization: 'Bearer kiosk-token-0123456789', accept: 'application/json' },
    });
  });

  it('sends no Authorization header without a token', async () => {
    const { baseUrl, requests } = await serve((_request, response) => sendJson(response, 200, { status: 'ok', version: '1.2.3' }));
    await expect(createCentralClient({ baseUrl }).health()).resolves.toEqual({ status: 'ok', version: '1.2.3' });
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  it('posts an enrolment as JSON and returns the issued token', async () => {
    const issued = { kioskId: 'kiosk-1', token: 'issued-token-0123456789' };
    const { baseUrl, requests } = await serve((_request, response) => sendJson(response, 201, issued));
    const request = { enrollmentCode: 'ABCD-1234', hardwareId: 'hw-1' };

    await expect(createCentralClient({ baseUrl }).enroll(request)).resolves.toEqual(issued);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/api/v1/kiosks/enroll', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual(request);
  });

  it('hands a catalogue page over as its text, unparsed, for the builder thread; errors keep their kinds', async () => {
    const body = '{"changes":[],"cursor":"s9","hasMore":false}';
    const { baseUrl, requests } = await serve((request, response) => {
      if (request.url.includes('since=s99')) return sendJson(response, 400, { error: { code: 'BAD_REQUEST', message: 'reset' } });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(body);
    });
    const client = createCentralClient({ baseUrl, ...fast });

    await expect(client.getCatalogueChangesText('s1', 200)).resolves.toBe(body);
    expect(requests[0]?.url).toBe('/api/v1/catalogue/changes?limit=200&since=s1');
    expect(await failure(client.getCatalogueChangesText('s99', 200))).toMatchObject({ kind: 'rejected', serverCode: 'BAD_REQUEST', status: 400 });
  });
});

describe('central client: error kinds', () => {
  it('maps 404 DOSSIER_NOT_FOUND to not_found without retrying', async () => {
    const { baseUrl, requests } = await serve((_request, response) =>
      sendJson(response, 404, { error: { code: 'DOSSIER_NOT_FOUND', message: 'no such dossier' } }),
    );
    const error = await failure(createCentralClient({ baseUrl, ...fast }).getDossier('X-1'));
    expect(error).toMatchObject({ kind: 'not_found', serverCode: 'DOSSIER_NOT_FOUND', status: 404 });
    expect(requests).toHaveLength(1);
  });

  it.each([401, 403])('maps %i to unauthorized', async (status) => {
    const { baseUrl } = await serve((_request, response) => sendJson(response, status, { error: { code: 'UNAUTHORIZED', message: 'no' } }));
    const error = await failure(createCentralClient({ baseUrl, ...fast }).getDossier('X-1'));
    expect(error).toMatchObject({ kind: 'unauthorized', serverCode: 'UNAUTHORIZED', status });
  });

  it('maps other 4xx, including a 404 without the dossier code, to rejected', async () => {
    const { baseUrl } = await serve((request, response) =>
      request.url.startsWith('/api/v1/dossiers/')
        ? sendJson(response, 400, { error: { code: 'BAD_REQUEST', message: 'bad code' } })
        : sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'no route' } }),
    );
    const client = createCentralClient({ baseUrl, ...fast });
    expect(await failure(client.getDossier('X-1'))).toMatchObject({ kind: 'rejected', serverCode: 'BAD_REQUEST', status: 400 });
    expect(await failure(client.health())).toMatchObject({ kind: 'rejected', serverCode: 'NOT_FOUND', status: 404 });
  });

  it('maps a body that is not JSON to bad_response', async () => {
    const { baseUrl } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html>captive portal</html>');
    });
    const error = await failure(createCentralClient({ baseUrl, ...fast }).getDossier('X-1'));
    expect(error.kind).toBe('bad_response');
  });

  it('maps JSON that fails the schema to bad_response', async () => {
    const { baseUrl } = await serve((_request, response) => sendJson(response, 200, { ...sampleDossier, status: 'lost' }));
    const error = await failure(createCentralClient({ baseUrl, ...fast }).getDossier('X-1'));
    expect(error.kind).toBe('bad_response');
  });

  it('refuses a body above the size cap as bad_response', async () => {
    const { baseUrl } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      // Chunked, so the cap has to be enforced while reading rather than from Content-Length.
      response.write('"');
      response.write('x'.repeat(MAX_RESPONSE_BYTES));
      response.end('"');
    });
    const error = await failure(createCentralClient({ baseUrl, ...fast }).getDossier('X-1'));
    expect(error.kind).toBe('bad_response');
  });

  it('does not follow redirects, which could carry the token to another host', async () => {
    const { baseUrl, requests } = await serve((_request, response) => {
      response.writeHead(302, { Location: '/elsewhere' });
      response.end();
    });
    const error = await failure(createCentralClient({ baseUrl, token: 'kiosk-token-0123456789', ...fast }).getDossier('X-1'));
    expect(error.kind).toBe('bad_response');
    expect(requests.map((request) => request.url)).not.toContain('/elsewhere');
  });

  it('maps a refused connection to unavailable', async () => {
    const { baseUrl } = await serve(hang);
    await server?.close();
    server = undefined;
    const error = await failure(createCentralClient({ baseUrl, ...fast }).health());
    expect(error.kind).toBe('unavailable');
  });

  it('never puts the request URL, which holds the dossier code, in the error message', async () => {
    const { baseUrl } = await serve((_request, response) => sendJson(response, 500, { error: { code: 'INTERNAL', message: 'boom' } }));
    const error = await failure(createCentralClient({ baseUrl, ...fast, retries: 0 }).getDossier('000.00.06.H56-231027-0361'));
    expect(error.message).not.toContain('H56');
    expect(error.message).not.toContain(baseUrl);
  });
});

describe('central client: retries and deadline', () => {
  it('retries a 5xx GET and returns the answer once the server recovers', async () => {
    const { baseUrl, requests } = await serve((_request, response) =>
      requests.length < 2 ? sendJson(response, 503, { error: { code: 'INTERNAL', message: 'busy' } }) : sendJson(response, 200, sampleDossier),
    );
    await expect(createCentralClient({ baseUrl, ...fast }).getDossier(sampleDossier.code)).resolves.toEqual(sampleDossier);
    expect(requests).toHaveLength(2);
  });

  it('gives up on a GET that keeps failing with 5xx after the configured retries, as unavailable', async () => {
    const { baseUrl, requests } = await serve((_request, response) => sendJson(response, 502, { error: { code: 'INTERNAL', message: 'down' } }));
    const error = await failure(createCentralClient({ baseUrl, ...fast, retries: 2 }).getDossier('X-1'));
    expect(error).toMatchObject({ kind: 'unavailable', status: 502 });
    expect(requests).toHaveLength(3);
  });

  it('does not retry a 4xx', async () => {
    const { baseUrl, requests } = await serve((_request, response) => sendJson(response, 400, { error: { code: 'BAD_REQUEST', message: 'no' } }));
    await failure(createCentralClient({ baseUrl, ...fast }).getDossier('X-1'));
    expect(requests).toHaveLength(1);
  });

  it('never retries a POST, even when the server answers 5xx', async () => {
    const { baseUrl, requests } = await serve((_request, response) => sendJson(response, 503, { error: { code: 'INTERNAL', message: 'busy' } }));
    const error = await failure(createCentralClient({ baseUrl, ...fast, retries: 3 }).enroll({ enrollmentCode: 'ABCD-1234', hardwareId: 'hw-1' }));
    expect(error.kind).toBe('unavailable');
    expect(requests).toHaveLength(1);
  });

  it('never retries a POST that timed out', async () => {
    const { baseUrl, requests } = await serve(hang);
    const error = await failure(
      createCentralClient({ baseUrl, attemptTimeoutMs: 100, deadlineMs: 1000, retries: 3 }).enroll({ enrollmentCode: 'ABCD-1234', hardwareId: 'hw-1' }),
    );
    expect(error.kind).toBe('unavailable');
    expect(requests).toHaveLength(1);
  });

  it('turns a server that never answers into unavailable once the attempts time out', async () => {
    const { baseUrl, requests } = await serve(hang);
    const error = await failure(createCentralClient({ baseUrl, attemptTimeoutMs: 100, deadlineMs: 2000, retries: 1, backoffMs: 10 }).getDossier('X-1'));
    expect(error.kind).toBe('unavailable');
    expect(requests).toHaveLength(2);
  });

  it('stops retrying at the deadline, well before the retries would run out', async () => {
    const { baseUrl, requests } = await serve(hang);
    const options = { attemptTimeoutMs: 300, deadlineMs: 700, retries: 10, backoffMs: 20 };
    const startedAt = Date.now();

    const error = await failure(createCentralClient({ baseUrl, ...options }).getDossier('X-1'));

    expect(error.kind).toBe('unavailable');
    // Without the deadline, 11 attempts of 300 ms would take over 3 s.
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(Date.now() - startedAt).toBeLessThan(options.attemptTimeoutMs * (options.retries + 1));
  });
});

describe('isCentralUrl', () => {
  it.each(['http://127.0.0.1:8080', 'https://hcc.example.vn/gateway/'])('accepts %s', (url) => {
    expect(isCentralUrl(url)).toBe(true);
  });
  it.each(['ftp://example.vn', 'not a url', 'http://user:pass@example.vn', 'http://example.vn/?a=1', 'http://example.vn/#x'])(
    'refuses %s',
    (url) => {
      expect(isCentralUrl(url)).toBe(false);
    },
  );
});
