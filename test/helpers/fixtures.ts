/** Valid receipts for the shipped procedures, at a unit that handles each, with the demo staff who work there. */
export const RECEIPTS: Record<string, { unitCode: string; officer: string; data: Record<string, unknown> }> = {
  '1.001193': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      childFullName: 'Nguyễn Minh An',
      childBirthDate: '2018-11-10',
      childGender: 'Nam',
      birthPlace: 'Bệnh viện Phụ sản Hà Nội',
      motherFullName: 'Trần Thị Mai',
    },
  },
  '2.000908': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: { documentType: 'Giấy khai sinh', registeredName: 'Lê Văn Tâm', registerYear: 1990, copies: 2 },
  },
  '2.000528': {
    unitCode: '001',
    officer: 'canbo.badinh',
    data: {
      childFullName: 'Emma Nguyễn',
      childBirthDate: '2018-11-01',
      childGender: 'Nữ',
      birthPlace: 'Bệnh viện Việt Pháp',
      foreignParentNationality: 'Pháp',
    },
  },
  '2.001023': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      childFullName: 'Trần Bảo Ngọc',
      childBirthDate: '2018-11-12',
      childGender: 'Nữ',
      birthPlace: 'Bệnh viện Bạch Mai',
      motherFullName: 'Lê Thị Thu',
      healthCareFacility: 'Trạm y tế phường Phúc Xá',
    },
  },
  '1.013236': {
    unitCode: 'SXD',
    officer: 'canbo.sxd',
    data: {
      projectName: 'Tòa nhà văn phòng Hoàn Kiếm',
      constructionSite: 'Phố Tràng Tiền, Hoàn Kiếm',
      constructionGrade: 'II',
      investorName: 'Công ty CP Đầu tư ABC',
    },
  },
  '1.000894': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      maleFullName: 'Phạm Văn Long',
      maleBirthDate: '1990-05-12',
      maleIdNumber: '001090004321',
      femaleFullName: 'Đỗ Thị Thu Hà',
      femaleBirthDate: '1993-08-20',
      femaleIdNumber: '001193006789',
    },
  },
  '1.000656': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      deceasedFullName: 'Lê Văn Hòa',
      deceasedGender: 'Nam',
      deceasedBirthDate: '1935-02-03',
      deathDate: '2018-11-15',
      deathPlace: 'Bệnh viện Hữu nghị, Hà Nội',
      lastResidence: 'Số 12 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội',
      requesterRelation: 'Con',
    },
  },
  '1.004873': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      fullName: 'Nguyễn Thị Lan Anh',
      birthDate: '1995-03-08',
      idNumber: '001195001122',
      residence: 'Phường Phúc Xá, quận Ba Đình, Hà Nội',
      maritalStatus: 'Chưa đăng ký kết hôn với ai',
      purpose: 'Để đăng ký kết hôn',
      intendedSpouseName: 'Trần Quốc Việt',
      intendedMarriagePlace: 'UBND phường Phúc Xá',
    },
  },
  '2.000815': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      documentName: 'Bằng tốt nghiệp đại học',
      issuedBy: 'Trường Đại học Bách khoa Hà Nội',
      issuerOrigin: 'Cơ quan, tổ chức có thẩm quyền của Việt Nam',
      pages: 1,
      copies: 3,
    },
  },
  '1.000506': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      householdHeadName: 'Hoàng Văn Sơn',
      householdHeadIdNumber: '001075003344',
      address: 'Tổ dân phố số 5, phường Phúc Xá',
      memberCount: 4,
      requestedCategory: 'Hộ cận nghèo',
      reason: 'Chủ hộ bị tai nạn lao động, mất khả năng lao động từ tháng 9/2018',
    },
  },
  '1.001612': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      businessName: 'Hộ kinh doanh Tạp hóa Minh Phương',
      headOfficeAddress: 'Số 45 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội',
      businessLines: 'Bán lẻ lương thực, thực phẩm, đồ uống trong các cửa hàng chuyên doanh',
      capitalVnd: 200000000,
      ownerFullName: 'Trịnh Minh Phương',
      ownerIdNumber: '001184005566',
    },
  },
  '1.013225': {
    unitCode: '00001',
    officer: 'canbo.phucxa',
    data: {
      projectName: 'Nhà ở riêng lẻ hộ ông Nguyễn Văn Bình',
      constructionSite: 'Thửa đất số 102, tờ bản đồ số 7, phường Phúc Xá, quận Ba Đình',
      constructionType: 'Nhà ở riêng lẻ',
      investorName: 'Nguyễn Văn Bình',
      landCertificateNumber: 'BĐ 123456',
      totalFloorAreaM2: 240,
      floors: 4,
    },
  },
  '1.004831': {
    unitCode: '001',
    officer: 'canbo.badinh',
    data: {
      studentFullName: 'Vũ Minh Khôi',
      studentBirthDate: '2005-06-15',
      studentGender: 'Nam',
      grade: 8,
      fromSchool: 'Trường THCS Lê Quý Đôn, thành phố Hải Dương',
      fromProvince: 'Hải Dương',
      guardianFullName: 'Vũ Văn Hải',
      reason: 'Gia đình chuyển đến cư trú tại quận Ba Đình',
    },
  },
  '1.000270': {
    unitCode: 'SGDDT',
    officer: 'canbo.sgddt',
    data: {
      studentFullName: 'Phan Thảo Vy',
      studentBirthDate: '2002-09-01',
      studentGender: 'Nữ',
      grade: 11,
      fromSchool: 'Trường THPT Nguyễn Khuyến, Nam Định',
      fromSchoolType: 'Công lập',
      fromProvince: 'Nam Định',
      guardianFullName: 'Phan Văn Quang',
      reason: 'Cha mẹ chuyển công tác về Hà Nội',
    },
  },
  '2.001583': {
    unitCode: 'STC',
    officer: 'canbo.stc',
    data: {
      companyName: 'Công ty TNHH Phần mềm Sông Hồng',
      headOfficeAddress: 'Số 8 phố Tràng Thi, phường Hàng Trống, quận Hoàn Kiếm, Hà Nội',
      charterCapitalVnd: 2000000000,
      businessLineCodes: ['6201', '6202', '6311'],
      ownerType: 'Cá nhân',
      ownerName: 'Đặng Quang Huy',
      ownerIdentifier: '001088007788',
      legalRepresentativeName: 'Đặng Quang Huy',
    },
  },
};

/** Demo staff by `role@unitCode` (the 2018 map's ward and district, today's ward and the city's agencies). */
export const STAFF: Record<string, string> = {
  'officer@00070': 'canbo.hoankiem',
  'leader@00070': 'lanhdao.hoankiem',
  'officer@00640': 'canbo.thanhtri',
  'leader@00640': 'lanhdao.thanhtri',
  'officer@TTPVHCC-CN01': 'canbo.chinhanh1',
  'officer@CATP': 'canbo.congan',
  'officer@BHXHTP': 'canbo.bhxh',
  'leader@BHXHTP': 'lanhdao.bhxh',
  'officer@00001': 'canbo.phucxa',
  'leader@00001': 'lanhdao.phucxa',
  'officer@001': 'canbo.badinh',
  'leader@001': 'lanhdao.badinh',
  'officer@SXD': 'canbo.sxd',
  'leader@SXD': 'lanhdao.sxd',
  'officer@SGDDT': 'canbo.sgddt',
  'leader@SGDDT': 'lanhdao.sgddt',
  'officer@STC': 'canbo.stc',
  'leader@STC': 'lanhdao.stc',
};

export const APPLICANT = { fullName: 'Nguyễn Văn Bình', idNumber: '001090012345', phone: '0912345678' };

export function receiptBody(procedureCode: string) {
  const receipt = RECEIPTS[procedureCode]!;
  return { procedureCode, unitCode: receipt.unitCode, applicant: APPLICANT, data: receipt.data, channel: 'direct' };
}

/** Phường Hoàn Kiếm, a ward of today's map, and its demo staff (a server on real time starts on today's map). */
export const TODAY_WARD = { unitCode: '00070', officer: 'canbo.hoankiem', leader: 'lanhdao.hoankiem' };

/**
 * Where a shipped procedure is received on today's map and by whom: a procedure of the 2018 commune or district desks at
 * today's ward, a department's at the department.
 */
export function todayReceipt(procedureCode: string) {
  const receipt = RECEIPTS[procedureCode]!;
  const atWard = /^\d+$/.test(receipt.unitCode);
  const unitCode = atWard ? TODAY_WARD.unitCode : receipt.unitCode;
  return {
    officer: atWard ? TODAY_WARD.officer : receipt.officer,
    body: { ...receiptBody(procedureCode), unitCode },
  };
}

/** A procedure's receipt at its desk of today's map. */
export function todayReceiptBody(procedureCode: string) {
  return todayReceipt(procedureCode).body;
}
