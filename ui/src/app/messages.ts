import { messages } from '../i18n';

/** Messages of the pieces several pages share (officers' pages, the citizens' portal, the replay). */
export const t = messages({
  choose: ['— Chọn —', '— Choose —'],
  onePerLine: ['mỗi dòng một giá trị', 'one value per line'],
  dateInvalid: [
    'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 19/11/2018.',
    'Not a valid date: type it as dd/mm/yyyy, e.g. 19/11/2018.',
  ],
  finishedAt: ['Giải quyết xong', 'Processed'],
  returnedAt: ['Đã trả kết quả', 'Result returned'],
  onTime: ['Đúng hạn', 'On time'],
  late: ['Trễ hạn', 'Late'],
  unfinished: ['Chưa xong', 'Not finished'],
  chooseFile: ['Chọn tệp…', 'Choose a file…'],
  chooseFiles: ['Chọn tệp…', 'Choose files…'],
  noFileChosen: ['Chưa chọn tệp', 'No file chosen'],
  fileChosen: ['Đã chọn 1 tệp: {names}', '1 file chosen: {names}'],
  filesChosen: ['Đã chọn {n} tệp: {names}', '{n} files chosen: {names}'],
});
