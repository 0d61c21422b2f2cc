// The reference server's HTML pages: printable demo receipts and the public lookup page their QR codes open.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, Dossier } from '../../shared/api/gateway';
import { maskPersonName } from '../../shared/privacy/maskName';
import { parseReceipt } from '../../shared/receipt/parseReceipt';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, demoDossiers, type RunningCentralServer, startCentralServer } from '../../server/centralServer';

let server: RunningCentralServer;
beforeAll(async () => {
  server = await startCentralServer({ demo: true });
});
afterAll(() => server.close());

/** Enrolled once: the same hardware id again would be a takeover, which the server refuses. */
let kioskToken: Promise<string> | undefined;

async function demoDossier(code: string): Promise<Dossier> {
  kioskToken ??= fetch(server.url + apiPaths.enroll, {
    method: 'POST',
    body: JSON.stringify({ enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'hw-pages' }),
  }).then(async (enrolled) => ((await enrolled.json()) as { token: string }).token);
  const token = await kioskToken;
  const response = await fetch(server.url + apiPaths.dossier(code), { headers: { authorization: `Bearer ${token}` } });
  return Dossier.parse(await response.json());
}

/** The receipt blocks of the page, in order. */
const receiptBlocks = (page: string) => page.match(/<article class="receipt">[\s\S]*?<\/article>/g) ?? [];

describe('/receipts', () => {
  let response: Response;
  let page: string;
  beforeAll(async () => {
    response = await fetch(`${server.url}/receipts`);
    page = await response.text();
  });

  it('is a Vietnamese HTML page with one receipt per demo dossier, each with the national form\'s header', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page).toContain('<html lang="vi">');
    const blocks = receiptBlocks(page);
    expect(blocks).toHaveLength(demoDossiers.length);
    blocks.forEach((block, i) => {
      expect(block).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(block).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(block).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(block).toContain(`Mã hồ sơ: ${demoDossiers[i]!.code}`);
    });
  });

  it('prints the procedure, the dates and the pickup place of each dossier', async () => {
    const code = demoDossierCode('awaiting_supplement');
    const dossier = await demoDossier(code);
    const block = receiptBlocks(page).find((b) => b.includes(`Mã hồ sơ: ${code}`))!;
    expect(block).toContain(dossier.procedure.name);
    expect(block).toContain(dossier.applicantName);
    expect(block).toContain(dossier.result.pickupLocation);
    // Receipts print Vietnam time: "<hh> giờ <mm> phút, ngày dd/MM/yyyy".
    expect(block).toMatch(/Thời gian nhận hồ sơ:<\/dt><dd>\d\d giờ \d\d phút, ngày \d\d\/\d\d\/\d{4}/);
    expect(block).toMatch(/Thời gian trả kết quả:<\/dt><dd>\d\d giờ \d\d phút, ngày \d\d\/\d\d\/\d{4}/);
  });

  it('draws a barcode and a QR code per receipt as inline SVG, each different', () => {
    const blocks = receiptBlocks(page);
    const svgs = blocks.map((block) => block.match(/<svg[\s\S]*?<\/svg>/g) ?? []);
    for (const pair of svgs) expect(pair).toHaveLength(2);
    expect(new Set(svgs.flat()).size).toBe(2 * demoDossiers.length);
  });

  it('loads nothing: the only URLs are the lookup links, and a strict CSP allows just its own stylesheet', () => {
    const urls = page.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    const lookupLinks = demoDossiers.map(({ code }) => `${server.url}/tra-cuu?mahs=${encodeURIComponent(code)}`);
    expect(urls.sort()).toEqual([...lookupLinks].sort());
    expect(page).not.toMatch(/\s(src|href|srcset|xlink:href)=/i);

    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    expect(policy).not.toContain('unsafe');
  });

  it('gives QR links a kiosk reads back as the dossier code', () => {
    const urls = page.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    const codes = urls.map((url) => parseReceipt(url)).map((parsed) => (parsed.ok ? parsed.code : parsed.reason));
    expect(codes.sort()).toEqual(demoDossiers.map(({ code }) => code).sort());
  });

  it('has no receipts page outside demo mode', async () => {
    const empty = await startCentralServer({});
    try {
      const response = await fetch(`${empty.url}/receipts`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<html');
    } finally {
      await empty.close();
    }
  });
});

describe('/tra-cuu', () => {
  it('shows the dossier\'s status without the applicant\'s name, not even masked', async () => {
    const code = demoDossierCode('overdue');
    const dossier = await demoDossier(code);
    const response = await fetch(`${server.url}/tra-cuu?mahs=${encodeURIComponent(code.toLowerCase())}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(code);
    expect(page).toContain(dossier.procedure.name);
    expect(page).toContain(dossier.statusLabel!);
    expect(page).toContain('quá hạn');
    expect(page).not.toContain(dossier.applicantName);
    expect(page).not.toContain(maskPersonName(dossier.applicantName));
    expect(page).not.toContain('Chủ hồ sơ');
  });

  it('finds a code with slashes from the receipt\'s link', async () => {
    const code = demoDossierCode('other_agency');
    const response = await fetch(`${server.url}/tra-cuu?mahs=${encodeURIComponent(code)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(code);
  });

  it('answers 404 for an unknown code and 400 without one, in Vietnamese and English', async () => {
    const unknown = await fetch(`${server.url}/tra-cuu?mahs=000.00.06.H56-260302-9999`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Không tìm thấy hồ sơ');
    const missing = await fetch(`${server.url}/tra-cuu`);
    expect(missing.status).toBe(400);
    const text = await missing.text();
    expect(text).toContain('Thiếu mã hồ sơ');
    expect(text).toContain('no dossier code');
  });
});
