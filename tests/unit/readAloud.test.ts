// Voice guidance reads numbers, dates, times, amounts, codes and abbreviations as a person would: a table of cases
// per language, the texts as the kiosk's screens and the central server's data write them.
import { describe, expect, it } from 'vitest';
import { englishCardinal, readAloud, vietnameseCardinal } from '../../shared/speech/readAloud';

describe('Vietnamese numbers', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [25, 'hai mươi lăm'],
    [100, 'một trăm'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1000, 'một nghìn'],
    [2005, 'hai nghìn không trăm linh năm'],
    [2026, 'hai nghìn không trăm hai mươi sáu'],
    [150_000, 'một trăm năm mươi nghìn'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [1_000_500, 'một triệu năm trăm'],
    [2_000_000_000, 'hai tỷ'],
  ])('%i is "%s"', (n, words) => {
    expect(vietnameseCardinal(n)).toBe(words);
  });
});

describe('English numbers', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [40, 'forty'],
    [99, 'ninety-nine'],
    [105, 'one hundred five'],
    [2026, 'two thousand twenty-six'],
    [150_000, 'one hundred fifty thousand'],
    [1_050_000, 'one million fifty thousand'],
  ])('%i is "%s"', (n, words) => {
    expect(englishCardinal(n)).toBe(words);
  });
});

describe('reading Vietnamese text aloud', () => {
  it.each([
    ['a date', '25/12/2026', 'ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu'],
    ['a date after "ngày", which is said once', 'Hẹn trả ngày 01/04/2026.', 'Hẹn trả ngày một tháng tư năm hai nghìn không trăm hai mươi sáu.'],
    ['the status screen’s due date and time', 'Ngày hẹn trả kết quả: 14:30 25/12/2026.', 'Ngày hẹn trả kết quả: mười bốn giờ ba mươi phút ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu.'],
    ['a time on the hour', '08:00', 'tám giờ'],
    ['a time written with h', 'từ 7h30 đến 17h', 'từ bảy giờ ba mươi phút đến mười bảy giờ'],
    ['opening hours with a dash', '07:30 - 11:30', 'bảy giờ ba mươi phút, mười một giờ ba mươi phút'],
    ['a dossier code, group by group', '000.22.30.H56-260106-0015', 'không không không, hai hai, ba không, hát năm sáu, hai sáu không một không sáu, không không một năm'],
    ['abbreviations as letters', 'Bản sao CCCD, GPLX; UBND phường; HĐND', 'Bản sao xê xê xê đê, giê pê e lờ ích xì; u bê en đê phường; hát đê en đê'],
    ['words written in capitals, which stay words', 'TRA CỨU HỒ SƠ', 'TRA CỨU HỒ SƠ'],
    ['an abbreviation said as words', 'TP.HCM, TP. Thủ Đức, mã QR', 'Thành phố Hồ Chí Minh, thành phố Thủ Đức, mã kiu a'],
    ['an amount in đồng', 'Lệ phí: 150.000 đồng', 'Lệ phí: một trăm năm mươi nghìn đồng'],
    ['amounts with đ, ₫ and VNĐ', '50.000đ, 1.200.000 ₫, 2.000.000 VNĐ', 'năm mươi nghìn đồng, một triệu hai trăm nghìn đồng, hai triệu đồng'],
    ['an amount as the kiosk formats it (a no-break space before ₫)', 'Số tiền: 150.000\u00a0₫', 'Số tiền: một trăm năm mươi nghìn đồng'],
    ['a grouped number', '1.601 thủ tục', 'một nghìn sáu trăm linh một thủ tục'],
    ['a decimal and a percentage', '4,5 ngày; 98,5%', 'bốn phẩy năm ngày; chín mươi tám phẩy năm phần trăm'],
    ['ordinals', 'thứ 1, thứ 2, Thứ 4', 'thứ nhất, thứ hai, Thứ tư'],
    ['a position', 'câu 3/9', 'câu ba trên chín'],
    ['a mobile number, in the groups it is written in', 'Gọi 0912 345 678', 'Gọi không chín một hai, ba bốn năm, sáu bảy tám'],
    ['a landline with dots and a hotline', '024.3825.6789 hoặc 1900 1234', 'không hai bốn, ba tám hai năm, sáu bảy tám chín hoặc một chín không không, một hai ba bốn'],
    ['an international number', '+84 912345678', 'cộng tám bốn, chín một hai ba bốn năm sáu bảy tám'],
    ['a long unseparated number, digit by digit', 'Số biên nhận 20260106', 'Số biên nhận hai không hai sáu không một không sáu'],
    ['a number with a leading zero, digit by digit', 'phòng 007', 'phòng không không bảy'],
    ['a form’s letter and digit code', 'Mẫu TK1-TS', 'Mẫu tê ca một, tê ét xì'],
    ['a date that is no date', '45/13/2026', 'bốn mươi lăm mười ba hai nghìn không trăm hai mươi sáu'],
    ['text with nothing to read out', 'Quý khách vui lòng chờ.', 'Quý khách vui lòng chờ.'],
  ])('%s', (_case, text, spoken) => {
    expect(readAloud(text, 'vi')).toBe(spoken);
  });
});

describe('reading English text aloud', () => {
  it.each([
    ['the status screen’s due date and time', 'Result due: 25/12/2026, 14:30.', 'Result due: the twenty-fifth of December twenty twenty-six, two thirty p m.'],
    ['years of this decade and the last century', '01/01/2005 and 31/12/1999', 'the first of January two thousand five and the thirty-first of December nineteen ninety-nine'],
    ['morning times', '08:05 and 00:00', 'eight oh five a m and twelve a m'],
    ['a dossier code, group by group', '000.22.30.H56-260106-0015', 'zero zero zero, two two, three zero, aitch five six, two six zero one zero six, zero zero one five'],
    ['abbreviations as letters', 'Bring your CCCD to the UBND.', 'Bring your see see see dee to the you bee en dee.'],
    ['an amount', 'Fee: 150,000 VND', 'Fee: one hundred fifty thousand dong'],
    ['an amount as the kiosk formats it (the code first, a no-break space)', 'Amount: VND\u00a0150,000', 'Amount: one hundred fifty thousand dong'],
    ['a decimal and a percentage', '2.5 days, 98.5%', 'two point five days, ninety-eight point five percent'],
    ['ordinals', '1st, 2nd, 3rd, 11th, 22nd', 'first, second, third, eleventh, twenty-second'],
    ['a position', 'question 3/9', 'question three of nine'],
    ['a phone number', 'Call 0912 345 678', 'Call zero nine one two, three four five, six seven eight'],
  ])('%s', (_case, text, spoken) => {
    expect(readAloud(text, 'en')).toBe(spoken);
  });
});
