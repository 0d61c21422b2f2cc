/** A real HTTP server on a free loopback port, standing in for the central server in unit tests. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dossier } from '../../shared/api/gateway';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type TestHandler = (request: RecordedRequest, response: ServerResponse) => void;

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Never answers: the client's timeout has to end the call. */
export const hang: TestHandler = () => {};

export const sampleDossier: Dossier = {
  code: '000.00.06.H56-231027-0361',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  agency: { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa' },
  applicantName: 'Nguyễn Văn An',
  receivedAt: '2023-10-27T08:15:00+07:00',
  dueAt: '2023-11-03T17:00:00+07:00',
  finishedAt: null,
  status: 'processing',
  statusLabel: 'Đang xử lý',
  steps: [{ name: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', startedAt: '2023-10-27T08:15:00+07:00', finishedAt: '2023-10-27T09:00:00+07:00' }],
  result: { pickupLocation: 'Quầy số 3', returnMethod: 'in_person' },
  supplement: null,
};
