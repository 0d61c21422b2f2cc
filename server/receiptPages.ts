/**
 * The reference server's HTML pages. /receipts prints the demo dossiers' receipts in the layout of the national
 * form (Mẫu 01, Thông tư 01/2018/TT-VPCP): a Code 128 barcode of the bare code, which the kiosk's wedge scanner
 * reads, and a QR code of the public lookup URL, which its camera reads. /tra-cuu is that URL's page.
 * Everything is inline (SVG barcodes from bwip-js, one stylesheet allowed by its hash): the pages load nothing.
 */
import { createHash } from 'node:crypto';
import bwipjs from 'bwip-js/node';
import { html, raw } from 'hono/html';
import type { Dossier, ReturnMethod } from '../shared/api/gateway';
import { LOOKUP_CODE_PARAM, pagePaths } from '../shared/api/openapi';
import { timeliness } from '../shared/dossier/statusRules';
import { statusLabelVi } from './statusLabels';
import { inVietnam, pad2 } from './vietnamTime';

const stylesheet = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #e8e8e8; color: #000; font: 13pt/1.45 'Times New Roman', 'DejaVu Serif', serif; }
.intro, .lookup { max-width: 180mm; margin: 8mm auto; padding: 6mm 8mm; background: #fff; font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; }
.receipt { width: 190mm; min-height: 270mm; margin: 0 auto 10mm; padding: 12mm; background: #fff; break-after: page; }
.receipt:last-child { break-after: auto; }
.heads { display: flex; gap: 6mm; text-align: center; font-size: 12pt; }
.heads > div { flex: 1; }
.heads > .nation { flex: 1.4; }
.heads strong { display: block; }
.motto { font-weight: bold; text-decoration: underline; }
.codes { display: flex; justify-content: space-between; align-items: center; margin: 6mm 0 2mm; }
.barcode svg { display: block; width: 85mm; height: 20mm; }
.barcode p { margin: 1mm 0 0; font-weight: bold; }
.qr { width: 62mm; text-align: center; font-size: 9pt; }
.qr svg { display: block; width: 27mm; height: 27mm; margin: 0 auto 1mm; }
.url { word-break: break-all; }
h1 { margin: 5mm 0 1mm; text-align: center; font-size: 15pt; }
.place { margin: 0 0 5mm; text-align: center; font-style: italic; }
dl { display: grid; grid-template-columns: 62mm 1fr; gap: 1.5mm 3mm; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.lookup dl { grid-template-columns: minmax(8em, auto) 1fr; }
.note { margin-top: 5mm; font-style: italic; }
.signatures { display: flex; justify-content: space-around; margin-top: 10mm; text-align: center; font-weight: bold; }
.signatures span { display: block; font-weight: normal; font-style: italic; }
.demo { margin-top: 25mm; text-align: center; font-size: 9pt; color: #555; }
.late { color: #a00; font-weight: bold; }
@media print { body { background: none; } .intro { display: none; } .receipt { width: auto; min-height: 0; margin: 0; padding: 0; } }
`;

/** The pages' Content-Security-Policy: nothing may load, only the one stylesheet above may apply. */
export const pageContentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(stylesheet).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where a receipt's QR code points: the server's public lookup page for the code. */
function lookupUrl(origin: string, code: string): string {
  return `${origin}${pagePaths.lookup}?${LOOKUP_CODE_PARAM}=${encodeURIComponent(code)}`;
}

export function renderReceiptsPage(dossiers: readonly Dossier[], origin: string): string {
  return page(
    'Giấy tiếp nhận hồ sơ mẫu',
    html`<section class="intro">
        <p>
          <strong>Giấy tiếp nhận hồ sơ mẫu để thử kiosk tra cứu.</strong> In trên khổ A4 (mỗi hồ sơ một trang), rồi
          quét mã vạch hoặc mã QR tại kiosk. Dữ liệu minh họa, tên người nộp là tên giả.
        </p>
        <p lang="en">Sample receipts for trying the kiosk: print on A4 (one page each) and scan the barcode or the QR code. Demo data; applicants are fictional.</p>
      </section>
      ${dossiers.length === 0 ? html`<p class="intro">Chưa có hồ sơ mẫu. / No demo dossiers.</p>` : ''}
      ${dossiers.map((d) => receipt(d, origin))}`,
  );
}

function receipt(d: Dossier, origin: string) {
  const url = lookupUrl(origin, d.code);
  const received = inVietnam(new Date(d.receivedAt));
  return html`<article class="receipt">
    <header class="heads">
      <div><strong>${d.agency.name.toUpperCase()}</strong>Bộ phận tiếp nhận và trả kết quả</div>
      <div class="nation"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><span class="motto">Độc lập - Tự do - Hạnh phúc</span></div>
    </header>
    <div class="codes">
      <div class="barcode">${raw(barcodeSvg('code128', d.code))}<p>Mã hồ sơ: ${d.code}</p></div>
      <div class="qr">${raw(barcodeSvg('qrcode', url))}Quét mã QR để tra cứu tiến độ<br /><span class="url">${url}</span></div>
    </div>
    <h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>
    <p class="place">ngày ${pad2(received.day)} tháng ${pad2(received.month)} năm ${received.year}</p>
    <dl>
      <dt>Mã hồ sơ:</dt><dd>${d.code}</dd>
      <dt>Cơ quan tiếp nhận:</dt><dd>${d.agency.name}</dd>
      <dt>Tiếp nhận hồ sơ của:</dt><dd>Ông/Bà ${d.applicantName}</dd>
      <dt>Nội dung yêu cầu giải quyết:</dt><dd>${d.procedure.name} (mã thủ tục ${d.procedure.code})</dd>
      <dt>Số lượng hồ sơ:</dt><dd>01 (bộ)</dd>
      <dt>Thời gian nhận hồ sơ:</dt><dd>${dateTimeVi(d.receivedAt)}</dd>
      <dt>Thời gian trả kết quả:</dt><dd>${dateTimeVi(d.dueAt)}</dd>
      <dt>Hình thức nhận kết quả:</dt><dd>${returnMethodVi[d.result.returnMethod]}</dd>
      <dt>Nơi nhận kết quả:</dt><dd>${d.result.pickupLocation}</dd>
    </dl>
    <p class="note">Khi đến nhận kết quả, ông/bà mang theo giấy tiếp nhận này. Tra cứu tình trạng hồ sơ tại kiosk bằng mã vạch hoặc mã QR ở trên.</p>
    <div class="signatures">
      <div>NGƯỜI NỘP HỒ SƠ<span>(Ký và ghi rõ họ tên)</span></div>
      <div>NGƯỜI TIẾP NHẬN HỒ SƠ<span>(Ký và ghi rõ họ tên)</span></div>
    </div>
    <p class="demo">Hồ sơ mẫu phục vụ thử nghiệm, không có giá trị pháp lý. / Demo receipt, not a legal document.</p>
  </article>`;
}

export type LookupPage = { status: 200 | 400 | 404; body: string };

/**
 * The public page a receipt's QR code opens. Anyone with the code can open it, so it names no applicant, not even
 * masked (a masked name still tells a guessed code's holder's family name).
 */
export function renderLookupPage(dossier: Dossier | undefined, codeGiven: boolean, now: Date): LookupPage {
  if (!codeGiven) {
    return { status: 400, body: lookupMessage('Thiếu mã hồ sơ trong đường dẫn.', 'The link has no dossier code.') };
  }
  if (!dossier) {
    return { status: 404, body: lookupMessage('Không tìm thấy hồ sơ có mã này.', 'No dossier has this code.') };
  }
  const late = timeliness(dossier, now);
  return {
    status: 200,
    body: page(
      `Tra cứu hồ sơ ${dossier.code}`,
      html`<section class="lookup">
        <h1>Tra cứu tiến độ hồ sơ</h1>
        <dl>
          <dt>Mã hồ sơ</dt><dd>${dossier.code}</dd>
          <dt>Thủ tục</dt><dd>${dossier.procedure.name}</dd>
          <dt>Cơ quan tiếp nhận</dt><dd>${dossier.agency.name}</dd>
          <dt>Ngày tiếp nhận</dt><dd>${dateTimeVi(dossier.receivedAt)}</dd>
          <dt>Ngày hẹn trả</dt><dd>${dateTimeVi(dossier.dueAt)}</dd>
          <dt>Tình trạng</dt>
          <dd>
            ${dossier.statusLabel ?? statusLabelVi[dossier.status]}
            ${late === 'overdue' ? html`<span class="late">(quá hạn)</span>` : ''}
            ${late === 'finished_late' ? html`<span class="late">(hoàn thành trễ hạn)</span>` : ''}
          </dd>
          <dt>Nơi nhận kết quả</dt><dd>${dossier.result.pickupLocation}</dd>
        </dl>
      </section>`,
    ),
  };
}

/** Past the page's rate limit (server/lookupLimits.ts). */
export function renderRateLimitedPage(retryAfterSeconds: number): string {
  return lookupMessage(
    `Có quá nhiều lượt tra cứu. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    `Too many lookups. Please try again in ${retryAfterSeconds} seconds.`,
  );
}

function lookupMessage(vi: string, en: string): string {
  return page('Tra cứu hồ sơ', html`<section class="lookup"><h1>Tra cứu hồ sơ</h1><p>${vi}</p><p lang="en">${en}</p></section>`);
}

function page(title: string, content: unknown): string {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <style>${raw(stylesheet)}</style>
      </head>
      <body>
        ${content}
      </body>
    </html>`.toString();
}

const returnMethodVi: Record<ReturnMethod, string> = {
  in_person: 'Nhận trực tiếp',
  postal: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
};

/** "08 giờ 30 phút, ngày 02/03/2026", in Vietnam time as printed on receipts. */
function dateTimeVi(iso: string): string {
  const t = inVietnam(new Date(iso));
  return `${pad2(t.hour)} giờ ${pad2(t.minute)} phút, ngày ${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
}

/**
 * Inline SVG of a barcode. The SVG namespace attribute is dropped: HTML does not need it, and the page then holds
 * no URL besides the lookup links.
 */
function barcodeSvg(symbology: 'code128' | 'qrcode', text: string): string {
  const options =
    symbology === 'code128'
      ? { bcid: symbology, text, height: 12, includetext: false }
      : { bcid: symbology, text, eclevel: 'M' };
  return bwipjs.toSVG(options).replace(' xmlns="http://www.w3.org/2000/svg"', '');
}
