/** Valid receipts for the shipped procedures, at a unit that handles each, with the demo staff who work there. */
export const RECEIPTS: Record<string, { unitCode: string; officer: string; data: Record<string, unknown> }> = {
  '1.001193': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: { childFullName: 'Nguyễn Minh An', childBirthDate: '2018-11-10', childGender: 'Nam', birthPlace: 'Bệnh viện Phụ sản Hà Nội', motherFullName: 'Trần Thị Mai' },
  },
  '2.000908': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: { documentType: 'Giấy khai sinh', registeredName: 'Lê Văn Tâm', registerYear: 1990, copies: 2 },
  },
  '2.000528': {
    unitCode: '001',
    officer: 'canbo.badinh',
    data: { childFullName: 'Emma Nguyễn', childBirthDate: '2018-11-01', childGender: 'Nữ', birthPlace: 'Bệnh viện Việt Pháp', foreignParentNationality: 'Pháp' },
  },
  '2.001023': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: { childFullName: 'Trần Bảo Ngọc', childBirthDate: '2018-11-12', childGender: 'Nữ', birthPlace: 'Bệnh viện Bạch Mai', motherFullName: 'Lê Thị Thu', healthCareFacility: 'Trạm y tế phường Phúc Xá' },
  },
  '1.013236': {
    unitCode: 'SXD',
    officer: 'canbo.sxd',
    data: { projectName: 'Tòa nhà văn phòng Hoàn Kiếm', constructionSite: 'Phố Tràng Tiền, Hoàn Kiếm', constructionGrade: 'II', investorName: 'Công ty CP Đầu tư ABC' },
  },
};

/** Demo staff by `role@unitCode`. */
export const STAFF: Record<string, string> = {
  'officer@00001': 'canbo.phucxa',
  'leader@00001': 'lanhdao.phucxa',
  'officer@001': 'canbo.badinh',
  'leader@001': 'lanhdao.badinh',
  'officer@SXD': 'canbo.sxd',
  'leader@SXD': 'lanhdao.sxd',
};

export const APPLICANT = { fullName: 'Nguyễn Văn Bình', idNumber: '001090012345', phone: '0912345678' };

export function receiptBody(procedureCode: string) {
  const receipt = RECEIPTS[procedureCode]!;
  return { procedureCode, unitCode: receipt.unitCode, applicant: APPLICANT, data: receipt.data, channel: 'direct' };
}
