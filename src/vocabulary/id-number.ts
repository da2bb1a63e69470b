/** A personal identification number: CCCD (12 digits), CMND (9 digits) or a passport (a capital letter and 7–8 digits). */
export const ID_NUMBER_PATTERN = '^([0-9]{9}|[0-9]{12}|[A-Z][0-9]{7,8})$';
