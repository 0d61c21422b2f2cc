/**
 * The relevance table: citizen-style queries on the national catalogue (server/fixtures/catalogue-national.json.gz)
 * in three tiers, each with the procedures that answer it (any of them in the top three is a hit). Written the way
 * people type at a kiosk or into a phone, not from the search's code: official names as printed on a form or a
 * poster, then the same needs with spelling mistakes, missing tones, Telex left in and words run together, then
 * citizens' own words. Used by the integration test (which asserts the issue's bar) and the catalogue bench (which
 * runs the same queries through MiniSearch beside the kiosk's search).
 */
export type RelevanceTier = 'official' | 'spelling' | 'ownWords';

export interface RelevanceQuery {
  query: string;
  /** Ids of the procedures that answer it. */
  accept: readonly string[];
}

const birth = 'tthc-1.001193';
const marriage = 'tthc-1.000894';
const death = 'tthc-1.000656';
const permanent = 'tthc-1.004222';
const temporary = 'tthc-1.004194';
const singleStatus = 'tthc-1.004873';
const idCardLost = 'tthc-1.014064';
const idCardChange = 'tthc-1.014063';
const idCardNew = ['tthc-1.014061', 'tthc-1.014062', 'tthc-1.012549'];
const passport = 'tthc-1.001456';
const passportLost = ['tthc-1.001445', 'tthc-1.010385', 'tthc-1.010386'];
const criminalRecord = ['tthc-3.000333', 'tthc-3.000334'];
const drivingLicenceAgain = 'tthc-3.000348';
const landCertificateChange = 'tthc-1.012783';
const landCertificateFirst = ['tthc-1.013978', 'tthc-1.012753'];
const householdBusiness = 'tthc-1.001612';
const certifiedCopy = 'tthc-2.000815';
const signature = 'tthc-2.000884';
const adoption = 'tthc-2.001263';
const guardian = 'tthc-1.004837';
const civilStatusCorrection = 'tthc-1.004859';
const parentage = 'tthc-1.001022';
const birthCopy = 'tthc-2.000635';
const residenceConfirmation = 'tthc-1.010041';
const householdSplit = 'tthc-1.010038';
const removePermanent = 'tthc-1.003197';
const absence = 'tthc-1.003677';
const stay = 'tthc-2.001159';
const plotSplit = 'tthc-1.012784';
const landDispute = 'tthc-1.012812';
const will = 'tthc-2.001019';
const poorHousehold = ['tthc-1.011606', 'tthc-1.011607'];
const privateEnterprise = 'tthc-2.001610';
const cooperative = 'tthc-1.005280';
const buildingPermitSmall = ['tthc-1.013225', 'tthc-1.013229'];
const vehicleFirst = ['tthc-1.013067', 'tthc-1.012575', 'tthc-1.013066'];
const vehicleOwnerChange = 'tthc-1.013076';
const vehicleAgain = ['tthc-1.013082', 'tthc-1.013080'];
const taxFirst = 'tthc-1.008498';
const naturalisation = 'tthc-2.002039';
const groundwater = 'tthc-1.001662';
const birthLate = 'tthc-1.004884';
const marriageAgain = 'tthc-1.004746';
const birthForeign = 'tthc-2.000528';
const marriageForeign = 'tthc-2.000806';
const businessChange = 'tthc-2.000720';
const businessStop = 'tthc-1.001266';
const businessPause = 'tthc-1.001570';
const socialHousing = 'tthc-1.014632';
const fireDesign = 'tthc-3.000489';
const stayExtension = 'tthc-1.002755';

export const relevanceQueries: Record<RelevanceTier, readonly RelevanceQuery[]> = {
  official: [
    { query: 'Đăng ký khai sinh', accept: [birth] },
    { query: 'đăng ký kết hôn', accept: [marriage] },
    { query: 'Đăng ký khai tử', accept: [death] },
    { query: 'đăng ký thường trú', accept: [permanent] },
    { query: 'Đăng ký tạm trú', accept: [temporary] },
    { query: 'cấp giấy xác nhận tình trạng hôn nhân', accept: [singleStatus] },
    { query: 'Cấp lại thẻ căn cước', accept: [idCardLost] },
    { query: 'cấp đổi thẻ căn cước', accept: [idCardChange] },
    { query: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', accept: idCardNew },
    { query: 'cấp hộ chiếu phổ thông ở trong nước', accept: [passport] },
    { query: 'Trình báo mất hộ chiếu phổ thông', accept: passportLost },
    { query: 'cấp phiếu lý lịch tư pháp', accept: criminalRecord },
    { query: 'Cấp lại giấy phép lái xe', accept: [drivingLicenceAgain] },
    { query: 'cấp đổi giấy chứng nhận quyền sử dụng đất', accept: [landCertificateChange] },
    { query: 'Đăng ký thành lập hộ kinh doanh', accept: [householdBusiness] },
    { query: 'chứng thực bản sao từ bản chính', accept: [certifiedCopy] },
    { query: 'Chứng thực chữ ký', accept: [signature] },
    { query: 'đăng ký việc nuôi con nuôi trong nước', accept: [adoption] },
    { query: 'Đăng ký giám hộ', accept: [guardian] },
    { query: 'thay đổi, cải chính, bổ sung thông tin hộ tịch', accept: [civilStatusCorrection] },
    { query: 'Đăng ký nhận cha, mẹ, con', accept: [parentage] },
    { query: 'cấp bản sao trích lục hộ tịch', accept: [birthCopy] },
    { query: 'Xác nhận thông tin về cư trú', accept: [residenceConfirmation] },
    { query: 'tách hộ', accept: [householdSplit] },
    { query: 'Xóa đăng ký thường trú', accept: [removePermanent] },
    { query: 'khai báo tạm vắng', accept: [absence] },
    { query: 'Thông báo lưu trú', accept: [stay] },
    { query: 'tách thửa hoặc hợp thửa đất', accept: [plotSplit] },
    { query: 'Hòa giải tranh chấp đất đai', accept: [landDispute] },
    { query: 'chứng thực di chúc', accept: [will] },
    { query: 'Công nhận hộ nghèo, hộ cận nghèo', accept: poorHousehold },
    { query: 'Đăng ký thành lập doanh nghiệp tư nhân', accept: [privateEnterprise] },
    { query: 'đăng ký thành lập hợp tác xã', accept: [cooperative] },
    { query: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV', accept: buildingPermitSmall },
    { query: 'đăng ký lại khai sinh', accept: [birthLate] },
    { query: 'Đăng ký lại kết hôn', accept: [marriageAgain] },
    { query: 'đăng ký khai sinh có yếu tố nước ngoài', accept: [birthForeign] },
    { query: 'Nhập quốc tịch Việt Nam ở trong nước', accept: [naturalisation] },
    { query: 'đăng ký khai thác nước dưới đất', accept: [groundwater] },
    { query: 'Đăng ký thuế lần đầu đối với người nộp thuế là cá nhân', accept: [taxFirst] },
    { query: 'Chấm dứt hoạt động hộ kinh doanh', accept: [businessStop] },
    { query: 'đăng ký thay đổi nội dung đăng ký hộ kinh doanh', accept: [businessChange] },
    { query: 'gia hạn tạm trú', accept: [stayExtension] },
  ],
  spelling: [
    { query: 'dang ky khai sinh', accept: [birth] },
    { query: 'dang ky ket hon', accept: [marriage] },
    { query: 'dang ki khai tu', accept: [death] },
    { query: 'đăng kí thường chú', accept: [permanent] },
    { query: 'dang ky tam tru', accept: [temporary] },
    { query: 'đăng ký tạm chú', accept: [temporary] },
    { query: 'giay phep lai xe', accept: [drivingLicenceAgain] },
    { query: 'cap lai the can cuoc', accept: [idCardLost] },
    { query: 'cấp lại thẻ căn cươc', accept: [idCardLost] },
    { query: 'cap doi the can cuoc', accept: [idCardChange] },
    { query: 'ho chieu pho thong', accept: [passport, ...passportLost] },
    { query: 'ly lich tu phap', accept: criminalRecord },
    { query: 'lí lịch tư pháp', accept: criminalRecord },
    { query: 'xac nhan tinh trang hon nhan', accept: [singleStatus] },
    { query: 'xác nhận tình trạng hôn nhâ', accept: [singleStatus] },
    { query: 'chung thuc ban sao', accept: [certifiedCopy, 'tthc-2.000942'] },
    { query: 'chứng thực bản sau', accept: [certifiedCopy, 'tthc-2.000942'] },
    { query: 'dangky khaisinh', accept: [birth] },
    { query: 'ddawng kys khai sinh', accept: [birth] },
    { query: 'dang ky ket hôn', accept: [marriage] },
    { query: 'đang ky kêt hôn', accept: [marriage] },
    { query: 'khai sin', accept: [birth] },
    { query: 'dang ky ho kinh doanh', accept: [householdBusiness] },
    { query: 'đăng ký hộ kinh doan', accept: [householdBusiness] },
    { query: 'nhan con nuoi', accept: [adoption] },
    { query: 'dang ky giam ho', accept: [guardian] },
    { query: 'cai chinh ho tich', accept: [civilStatusCorrection] },
    { query: 'xác nhận thông tin về cư chú', accept: [residenceConfirmation] },
    { query: 'xoa dang ky thuong tru', accept: [removePermanent] },
    { query: 'tach thua dat', accept: [plotSplit] },
    { query: 'hoa giai tranh chap dat dai', accept: [landDispute] },
    { query: 'chung thuc di chuc', accept: [will] },
    { query: 'ho ngheo', accept: poorHousehold },
    { query: 'dang ky xe lan dau', accept: vehicleFirst },
    { query: 'khai bao tam vang', accept: [absence] },
    { query: 'giấy phép lái sẽ', accept: [drivingLicenceAgain] },
    { query: 'cấp lại giấy phép lái xe bị mấc', accept: [drivingLicenceAgain] },
    { query: 'thong bao luu tru', accept: [stay] },
    { query: 'nhâp quôc tich', accept: [naturalisation] },
    { query: 'dang ky thue lan dau', accept: [taxFirst] },
  ],
  ownWords: [
    { query: 'làm giấy khai sinh cho con', accept: [birth] },
    { query: 'xin cấp lại căn cước bị mất', accept: [idCardLost] },
    { query: 'làm lại cccd bị mất', accept: [idCardLost] },
    { query: 'đổi căn cước công dân', accept: [idCardChange] },
    { query: 'làm căn cước cho con dưới 14 tuổi', accept: ['tthc-1.014062', 'tthc-1.012549'] },
    { query: 'mất chứng minh nhân dân', accept: [idCardLost] },
    { query: 'cap doi so do', accept: [landCertificateChange] },
    { query: 'làm sổ đỏ lần đầu', accept: landCertificateFirst },
    { query: 'nhập hộ khẩu cho con', accept: [permanent] },
    { query: 'cắt hộ khẩu', accept: [removePermanent] },
    { query: 'tách hộ khẩu', accept: [householdSplit] },
    { query: 'đăng ký hộ khẩu ở đâu', accept: [permanent] },
    { query: 'xin giấy xác nhận độc thân', accept: [singleStatus] },
    { query: 'giấy độc thân để lấy chồng', accept: [singleStatus] },
    { query: 'làm giấy chứng tử cho bố', accept: [death] },
    { query: 'báo tử', accept: [death] },
    { query: 'thủ tục đăng ký cưới', accept: [marriage] },
    { query: 'lấy chồng nước ngoài', accept: [marriageForeign] },
    { query: 'làm hộ chiếu', accept: [passport] },
    { query: 'làm passport ở đâu', accept: [passport] },
    { query: 'mất hộ chiếu', accept: passportLost },
    { query: 'xin lý lịch tư pháp', accept: criminalRecord },
    { query: 'bằng lái xe bị mất', accept: [drivingLicenceAgain] },
    { query: 'làm lại bằng lái', accept: [drivingLicenceAgain] },
    { query: 'công chứng giấy tờ', accept: [certifiedCopy] },
    { query: 'sao y bản chính', accept: [certifiedCopy] },
    { query: 'xin giấy phép kinh doanh mở quán', accept: [householdBusiness] },
    { query: 'đóng cửa hộ kinh doanh', accept: [businessStop, businessPause] },
    { query: 'xin phép xây nhà', accept: buildingPermitSmall },
    { query: 'sang tên xe máy', accept: [vehicleOwnerChange] },
    { query: 'mất giấy đăng ký xe', accept: vehicleAgain },
    { query: 'nhận con nuôi', accept: [adoption] },
    { query: 'sửa tên trong giấy khai sinh', accept: [civilStatusCorrection] },
    { query: 'xin giấy xác nhận cư trú', accept: [residenceConfirmation] },
    { query: 'mua nhà ở xã hội', accept: [socialHousing] },
    { query: 'xin bản sao giấy khai sinh', accept: [birthCopy] },
    { query: 'mở công ty tư nhân', accept: [privateEnterprise] },
    { query: 'khai sinh cho con lai nước ngoài', accept: [birthForeign] },
    { query: 'tranh chấp đất với hàng xóm', accept: [landDispute] },
    { query: 'lập di chúc', accept: [will] },
    { query: 'tôi muốn làm mã số thuế cá nhân', accept: [taxFirst] },
    { query: 'thẩm duyệt pccc', accept: [fireDesign, 'tthc-3.000492'] },
  ],
};
