import { describe, expect, it } from 'vitest';
import { MAX_GAP_QUERY_CHARS, normaliseGapQuery, personalDataIn, searchGapQuery } from '../../shared/catalogue/searchGaps';

describe('personalDataIn: queries that hold a person\'s data are recognised', () => {
  it.each([
    // ID numbers: CCCD (12 digits), CMND (9), however they are grouped
    ['001203004567', 'digits'],
    ['cấp lại căn cước 001203004567', 'digits'],
    ['079 203 004 567', 'digits'],
    ['cmnd 272345678', 'digits'],
    ['272.345.678', 'digits'],
    // phone numbers
    ['0912345678', 'digits'],
    ['0912 345 678', 'digits'],
    ['+84 912 345 678', 'digits'],
    ['gọi 0912-345-678', 'digits'],
    // a date of birth
    ['khai sinh 12/05/1990', 'digits'],
    // dossier codes, structured or another agency's
    ['000.00.06.H56-231027-0361', 'digits'],
    ['H56.22-231-01', 'digits'],
    ['ABC.H5-X7', 'dossierCode'],
    ['03706/2026/07906', 'digits'],
    // emails
    ['nguyenvana@gmail.com', 'email'],
    ['gửi hồ sơ tới an.nguyen@example.vn', 'email'],
    // names with their marks, alone or in a phrase
    ['Nguyễn Văn An', 'name'],
    ['nguyễn văn an', 'name'],
    ['NGUYỄN THỊ MINH KHAI', 'name'],
    ['Trần Thị Bích Ngọc', 'name'],
    ['Lê An', 'name'],
    ['Phạm Minh Tuấn', 'name'],
    ['Đỗ Hùng', 'name'],
    ['Hồ Thị Hương', 'name'],
    ['khai sinh cho Nguyễn Văn Nam', 'name'],
    ['hồ sơ của Bùi Thị Xuân', 'name'],
    ['Phan Thanh', 'name'],
    // names typed without marks, with a middle name
    ['nguyen van an', 'name'],
    ['tran thi bich ngoc', 'name'],
    ['tra cuu ho so le thi hoa', 'name'],
    ['pham minh tuan', 'name'],
  ] as const)('%j → %s', (text, kind) => {
    expect(personalDataIn(text)).toBe(kind);
    expect(searchGapQuery(text)).toBeNull();
  });
});

describe('personalDataIn: everyday queries are kept', () => {
  it.each([
    'làm giấy khai sinh cho con',
    'Đăng ký khai sinh',
    'dang ky khai sinh', // Đặng Kỳ Khải Sinh, typed without marks, is not taken for a name
    'dang ky ket hon',
    'hồ sơ cấp lại căn cước',
    'ho so',
    'lệ phí trước bạ',
    'le phi',
    'lý lịch tư pháp',
    'mất sổ đỏ',
    'xin giấy phép xây dựng nhà ở',
    'mai táng phí',
    'cao đẳng',
    'đăng ký kinh doanh ở Hồ Chí Minh',
    'chuyển hộ khẩu về Thái Bình',
    'tách hộ',
    'nghị định 61',
    'đăng ký xe năm 2025',
    '2 con',
    'trợ cấp thai sản 6 tháng',
    'cấp đổi giấy phép lái xe hạng B2',
    'hà nội',
    'thanh toán trực tuyến',
    'đăng ký lại khai sinh',
  ])('%j', (text) => {
    expect(personalDataIn(text)).toBeNull();
    expect(searchGapQuery(text)).not.toBeNull();
  });
});

describe('normaliseGapQuery', () => {
  it.each([
    ['  Làm   GIẤY khai sinh!! ', 'làm giấy khai sinh'],
    ['khai sinh, kết hôn?', 'khai sinh kết hôn'],
    // decomposed marks (NFD) come out composed, so the same words count as one query
    ['la\u0300m giâ\u0301y', 'làm giấy'],
    ['', ''],
    ['?!', ''],
  ])('%j → %j', (text, normalised) => {
    expect(normaliseGapQuery(text)).toBe(normalised);
  });

  it('cuts a long query at a word, within the limit', () => {
    const long = 'đăng ký khai sinh có yếu tố nước ngoài '.repeat(10);
    const normalised = normaliseGapQuery(long);
    expect(normalised.length).toBeLessThanOrEqual(MAX_GAP_QUERY_CHARS);
    expect(long.startsWith(normalised)).toBe(true);
    expect(normalised.endsWith(' ')).toBe(false);
  });

  it('searchGapQuery gives nothing for a query that is only punctuation', () => {
    expect(searchGapQuery(' ... ')).toBeNull();
  });
});
