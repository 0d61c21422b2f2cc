/**
 * The page the kiosk shows when it cannot start (not enrolled, enrolment refused, demo failed): a calm message for
 * the citizen in Vietnamese and English, and the reason code and the fix for the technician. No dialog (nobody can
 * dismiss it on a touch kiosk) and no crash (the supervisor would restart into the same failure). The renderer's
 * message catalogues are out of the main process's reach, so its few strings live here.
 */
import type { StartupFailure } from './demo';

/** Why the fallback page is shown: the kiosk could not start, or its screens keep failing (recovery.ts). */
export type FallbackReason = StartupFailure | 'RENDERER_FAILED';

const reasons: Record<FallbackReason, { vi: string; en: string }> = {
  NOT_ENROLLED: {
    vi: 'Kiosk chưa được đăng ký với máy chủ trung tâm.',
    en: 'This kiosk is not enrolled with the central server.',
  },
  ENROLLMENT_REFUSED: {
    vi: 'Máy chủ trung tâm đã từ chối mã đăng ký của kiosk.',
    en: 'The central server refused the kiosk’s enrollment code.',
  },
  HARDWARE_ENROLLED: {
    vi: 'Máy này đã được đăng ký là một kiosk; quản trị viên cần thu hồi kiosk đó hoặc cấp mã đăng ký lại.',
    en: 'This machine is already enrolled as a kiosk; an administrator must revoke it or issue a re-enrolment code.',
  },
  UNAVAILABLE: {
    vi: 'Không kết nối được với máy chủ trung tâm để đăng ký kiosk.',
    en: 'The central server could not be reached to enroll the kiosk.',
  },
  BAD_ARGUMENTS: {
    vi: 'Tham số khởi động của kiosk không hợp lệ.',
    en: 'The kiosk’s start-up arguments are not valid.',
  },
  DEMO_FAILED: {
    vi: 'Không khởi động được chế độ trình diễn.',
    en: 'Demo mode could not start.',
  },
  INTERNAL: {
    vi: 'Kiosk gặp lỗi khi khởi động.',
    en: 'The kiosk hit an error while starting.',
  },
  RENDERER_FAILED: {
    vi: 'Màn hình của kiosk gặp lỗi nhiều lần; kiosk sẽ tự thử lại sau ít phút.',
    en: 'The kiosk’s screen failed several times; it will try again by itself in a few minutes.',
  },
};

const startupHint = '<code>--central &lt;url&gt; --enrollment-code &lt;code&gt;</code> · <code>--demo</code>';
// A failing screen is not fixed by start-up arguments: the technician looks at the log.
const rendererHint = '<code>logs/kiosk.log</code>';

/** A self-contained page (no scripts, nothing fetched) as a data: URL. */
export function fallbackPageUrl(reason: FallbackReason): string {
  const { vi, en } = reasons[reason];
  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>HCC Kiosk</title>
<style>
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; justify-content: center; padding: 0 8vw;
  font-family: system-ui, sans-serif; background: #ffffff; color: #1a1a1a; font-size: 28px; line-height: 1.4; }
h1 { font-size: 44px; margin: 0 0 24px; }
.en { color: #444444; }
.technician { margin-top: 48px; font-size: 20px; color: #555555; }
code { font-size: 20px; }
</style>
</head>
<body>
<h1>Kiosk tạm thời chưa sẵn sàng</h1>
<p>${vi} Vui lòng liên hệ quầy tiếp nhận hoặc cán bộ kỹ thuật của Trung tâm.</p>
<p class="en" lang="en">The kiosk is not available. ${en} Please ask at the counter or contact the centre’s technical staff.</p>
<p class="technician">Mã lỗi / Error code: <code>${reason}</code><br>
Cán bộ kỹ thuật / Technician: ${reason === 'RENDERER_FAILED' ? rendererHint : startupHint}</p>
</body>
</html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
