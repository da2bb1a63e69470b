/**
 * Where the applicant collects the result of a dossier received regardless of administrative boundary: at the desk that
 * received it, at the competent unit, or by public postal service (Decree 118/2025/NĐ-CP lets the applicant choose).
 */
export const RESULT_RETURNS = ['desk', 'competent', 'post'] as const;
export type ResultReturn = (typeof RESULT_RETURNS)[number];

export const RESULT_RETURN_LABELS: Record<ResultReturn, string> = {
  desk: 'Tại nơi tiếp nhận hồ sơ',
  competent: 'Tại đơn vị có thẩm quyền giải quyết',
  post: 'Qua dịch vụ bưu chính công ích',
};
