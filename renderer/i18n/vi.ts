/**
 * Vietnamese catalogue: the source of every user-facing text and the shape the English one must match.
 * The `satisfies` checks make a status, error code or receipt rejection without a text fail the typecheck.
 */
import type { DossierStatus, ReturnMethod } from '../../shared/api/gateway';
import type { KioskErrorCode } from '../../shared/contract/kiosk';
import type { ReceiptRejection } from '../../shared/receipt/parseReceipt';

export const vi = {
  app: {
    title: 'Trung tâm Phục vụ hành chính công',
    scanAnytime: 'Quý khách có thể quét mã vạch hoặc mã QR trên giấy tiếp nhận hồ sơ vào bất cứ lúc nào.',
  },
  language: {
    switchLabel: 'Chọn ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  nav: {
    home: 'Về trang chủ',
  },
  home: {
    lookup: 'Tra cứu hồ sơ',
    lookupHint: 'Xem tình trạng giải quyết hồ sơ của quý khách',
    procedures: 'Thủ tục hành chính',
    proceduresHint: 'Sắp ra mắt',
  },
  procedures: {
    title: 'Thủ tục hành chính',
    comingSoon:
      'Danh mục thủ tục hành chính sẽ sớm có trên máy này. Trong thời gian chờ, vui lòng hỏi tại quầy tiếp nhận.',
  },
  lookup: {
    title: 'Tra cứu hồ sơ',
    howToScan:
      'Đưa mã vạch hoặc mã QR trên giấy tiếp nhận hồ sơ và hẹn trả kết quả vào ngay dưới đầu đọc mã. Máy sẽ tự tra cứu.',
    orType: 'Nếu không quét được, quý khách có thể nhập mã hồ sơ in trên giấy tiếp nhận.',
    typeCode: 'Nhập mã hồ sơ',
  },
  keypad: {
    title: 'Nhập mã hồ sơ',
    hint: 'Mã hồ sơ in trên giấy tiếp nhận, ví dụ: 000.00.06.H56-231027-0361',
    typed: 'Mã đã nhập',
    nothingTyped: 'Chưa nhập mã',
    backspace: 'Xóa lùi',
    clear: 'Xóa hết',
    submit: 'Tra cứu',
  },
  loading: {
    text: 'Đang tra cứu…',
  },
  status: {
    received: 'Đã tiếp nhận',
    processing: 'Đang xử lý',
    awaiting_supplement: 'Chờ bổ sung hồ sơ',
    awaiting_payment: 'Chờ nộp phí, lệ phí',
    suspended: 'Tạm dừng xử lý',
    result_ready: 'Đã có kết quả',
    returned: 'Đã trả kết quả',
    rejected: 'Không được tiếp nhận',
    withdrawn: 'Đã rút hồ sơ',
  } satisfies Record<DossierStatus, string>,
  dossier: {
    title: 'Tình trạng hồ sơ',
    procedure: 'Thủ tục',
    agency: 'Cơ quan tiếp nhận',
    code: 'Mã hồ sơ',
    applicant: 'Người nộp hồ sơ',
    receivedAt: 'Ngày tiếp nhận',
    dueAt: 'Ngày hẹn trả kết quả',
    finishedAt: 'Ngày hoàn thành',
    status: 'Tình trạng',
    overdue: 'Quá hạn',
    finishedLate: 'Hoàn thành trễ hạn',
    nextStep: 'Việc quý khách cần làm',
    steps: 'Quá trình xử lý',
    noSteps: 'Chưa có bước xử lý nào.',
    stepDone: 'Đã xong',
    stepCurrent: 'Đang thực hiện',
    stepUpcoming: 'Chưa thực hiện',
    stepStarted: 'Bắt đầu: {{date}}',
    stepFinished: 'Hoàn thành: {{date}}',
    result: 'Nhận kết quả',
    pickupLocation: 'Nơi nhận: {{place}}',
  },
  returnMethod: {
    in_person: 'Nhận trực tiếp',
    postal: 'Nhận qua dịch vụ bưu chính công ích',
    online: 'Nhận trực tuyến',
  } satisfies Record<ReturnMethod, string>,
  nextStep: {
    wait: 'Hồ sơ đang được giải quyết. Quý khách chưa cần làm gì thêm; vui lòng quay lại theo ngày hẹn trả kết quả.',
    bringDocumentsTo: 'Vui lòng mang các giấy tờ sau đến {{counter}}:',
    bringDocuments: 'Vui lòng mang các giấy tờ sau đến quầy tiếp nhận:',
    bringDocumentsUnlisted: 'Hồ sơ cần bổ sung giấy tờ. Vui lòng đến quầy tiếp nhận để được hướng dẫn.',
    payFeeAt: 'Vui lòng nộp phí, lệ phí tại {{counter}}.',
    payFee: 'Vui lòng nộp phí, lệ phí tại quầy tiếp nhận.',
    contactCounter: 'Việc xử lý hồ sơ đang tạm dừng. Vui lòng liên hệ quầy tiếp nhận để được hướng dẫn.',
    collectInPerson: 'Kết quả đã sẵn sàng. Vui lòng mang giấy tiếp nhận đến {{place}} để nhận kết quả.',
    collectInPersonAtCounter: 'Kết quả đã sẵn sàng. Vui lòng mang giấy tiếp nhận đến quầy trả kết quả.',
    collectPostal: 'Kết quả sẽ được gửi đến quý khách qua dịch vụ bưu chính công ích.',
    collectOnline: 'Kết quả được trả trực tuyến. Quý khách có thể nhận trên Cổng dịch vụ công.',
    done: 'Hồ sơ đã hoàn thành và kết quả đã được trả cho quý khách.',
    rejected: 'Hồ sơ không được tiếp nhận. Vui lòng liên hệ quầy tiếp nhận để biết lý do và được hướng dẫn.',
    withdrawn: 'Hồ sơ đã được rút theo yêu cầu. Nếu cần, quý khách có thể nộp lại hồ sơ tại quầy tiếp nhận.',
  },
  error: {
    title: 'Không tra cứu được hồ sơ',
    codeRead: 'Mã đã đọc: {{code}}',
    retry: 'Thử lại',
    typeCode: 'Nhập mã hồ sơ',
    codes: {
      INVALID_CODE: 'Không đọc được mã hồ sơ.',
      NOT_FOUND:
        'Không tìm thấy hồ sơ với mã này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận hoặc hỏi tại quầy tiếp nhận.',
      UNAVAILABLE: 'Dịch vụ tra cứu tạm thời không khả dụng. Vui lòng thử lại hoặc liên hệ quầy tiếp nhận.',
      BAD_RESPONSE:
        'Hệ thống tra cứu trả về thông tin không hợp lệ. Vui lòng thử lại sau ít phút hoặc liên hệ quầy tiếp nhận.',
      NOT_ENROLLED: 'Máy tra cứu này chưa được kích hoạt. Vui lòng liên hệ quầy tiếp nhận.',
      BAD_REQUEST: 'Yêu cầu tra cứu không hợp lệ. Vui lòng quét lại giấy tiếp nhận hoặc liên hệ quầy tiếp nhận.',
      INTERNAL: 'Máy tra cứu gặp lỗi. Vui lòng thử lại hoặc liên hệ quầy tiếp nhận.',
    } satisfies Record<KioskErrorCode, string>,
  },
  receiptRejection: {
    EMPTY: 'Chưa có mã hồ sơ. Vui lòng nhập mã in trên giấy tiếp nhận.',
    TOO_SHORT: 'Mã hồ sơ quá ngắn. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
    TOO_LONG: 'Mã hồ sơ quá dài. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
    CONTROL_CHARS: 'Mã quét được có ký tự lạ. Vui lòng quét lại giấy tiếp nhận.',
    MARKUP: 'Mã quét được có ký tự không hợp lệ. Vui lòng quét lại giấy tiếp nhận.',
    BAD_CHARS: 'Mã hồ sơ chỉ gồm chữ cái, chữ số và các dấu chấm (.), gạch ngang (-), gạch chéo (/).',
    URL_WITHOUT_CODE: 'Mã QR này không chứa mã hồ sơ. Vui lòng quét mã vạch hoặc mã QR tra cứu trên giấy tiếp nhận.',
  } satisfies Record<ReceiptRejection, string>,
  /** For a rejection reason this renderer does not know (a newer core). */
  receiptRejectionUnknown: 'Mã quét được không phải là mã hồ sơ. Vui lòng quét lại hoặc nhập mã hồ sơ.',
  idle: {
    countdown: 'Màn hình sẽ trở về trang chủ sau {{seconds}} giây.',
    stay: 'Tiếp tục',
  },
  crash: {
    title: 'Xin lỗi, màn hình gặp sự cố',
    text: 'Vui lòng bấm nút dưới đây để quay về trang chủ và thử lại.',
  },
};

export type Catalogue = typeof vi;
