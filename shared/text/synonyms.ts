/**
 * Everyday names citizens use for procedures, mapped to words of the official names. Written as people write
 * them; lookups use their search keys (fold.ts), so a query matches however it is typed.
 */
import { searchKey } from './fold';

const everydayNamesAsWritten: ReadonlyArray<readonly [everyday: string, official: string]> = [
  ['giấy khai sinh', 'khai sinh'],
  ['làm khai sinh', 'đăng ký khai sinh'],
  ['giấy chứng tử', 'khai tử'],
  ['báo tử', 'khai tử'],
  ['sổ đỏ', 'giấy chứng nhận quyền sử dụng đất'],
  ['sổ hồng', 'giấy chứng nhận quyền sở hữu'],
  ['hộ khẩu', 'thường trú'],
  ['nhập khẩu', 'đăng ký thường trú'],
  ['tạm vắng', 'tạm trú'],
  ['CCCD', 'căn cước'],
  ['CMND', 'căn cước'],
  ['chứng minh thư', 'căn cước'],
  ['chứng minh nhân dân', 'căn cước'],
  ['bằng lái', 'giấy phép lái xe'],
  ['bằng lái xe', 'giấy phép lái xe'],
  ['GPLX', 'giấy phép lái xe'],
  ['lý lịch tư pháp', 'phiếu lý lịch tư pháp'],
  ['lý lịch', 'lý lịch tư pháp'],
  ['độc thân', 'xác nhận tình trạng hôn nhân'],
  ['giấy độc thân', 'xác nhận tình trạng hôn nhân'],
  ['công chứng', 'chứng thực'],
  ['sao y', 'chứng thực bản sao'],
  ['biển số', 'biển số xe'],
  ['passport', 'hộ chiếu'],
  ['ma chay', 'mai táng'],
  ['giấy phép kinh doanh', 'đăng ký hộ kinh doanh'],
  ['mở công ty', 'thành lập công ty'],
  ['xin phép xây nhà', 'giấy phép xây dựng'],
  ['xây nhà', 'giấy phép xây dựng'],
];

/** Search key of an everyday name → search key of the official words it stands for. */
export const everydayNames: ReadonlyMap<string, string> = new Map(
  everydayNamesAsWritten.map(([everyday, official]) => [searchKey(everyday), searchKey(official)]),
);
