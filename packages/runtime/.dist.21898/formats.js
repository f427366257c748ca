const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HYPHEN = 45;
const COLON = 58;
const DOT = 46;
const WHITESPACE = /^\s$/;
function twoDigits(text, index) {
  const tens = text.charCodeAt(index) - 48;
  const ones = text.charCodeAt(index + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
const isLeapYear = (year) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
function dateAtStart(text) {
  const century = twoDigits(text, 0);
  const years = twoDigits(text, 2);
  if (century < 0 || years < 0 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return false;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(century * 100 + years) ? 29 : DAYS_IN_MONTH[month]);
}
function isDate(text) {
  return text.length === 10 && dateAtStart(text);
}
function timeFrom(text, start) {
  const hour = twoDigits(text, start);
  const minute = twoDigits(text, start + 3);
  const whole = twoDigits(text, start + 6);
  if (hour < 0 || minute < 0 || whole < 0 || text.charCodeAt(start + 2) !== COLON || text.charCodeAt(start + 5) !== COLON)
    return false;
  if (hour > 23 || minute > 59) return false;
  let index = start + 8;
  let second = whole;
  if (text.charCodeAt(index) === DOT) {
    const digits = ++index;
    while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) index++;
    if (index === digits) return false;
    second = Number(text.slice(start + 6, index));
  }
  const zone = text.charCodeAt(index);
  let sign = 1;
  let zoneHours = 0;
  let zoneMinutes = 0;
  if (zone === 90 || zone === 122) index++;
  else if (zone === 43 || zone === HYPHEN) {
    sign = zone === HYPHEN ? -1 : 1;
    zoneHours = twoDigits(text, index + 1);
    if (text.charCodeAt(index + 3) !== COLON) return false;
    zoneMinutes = twoDigits(text, index + 4);
    index += 6;
    if (zoneHours < 0 || zoneMinutes < 0) return false;
  } else return false;
  if (index !== text.length || zoneHours > 23 || zoneMinutes > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinutes * sign;
  const utcHour = hour - zoneHours * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}
function isDateTime(text) {
  if (text.length < 20 || !dateAtStart(text)) return false;
  const separator = text.charCodeAt(10);
  return (separator === 84 || separator === 116 || separator === 32 || WHITESPACE.test(text.charAt(10))) && timeFrom(text, 11);
}
function isInt32(value) {
  return Number.isInteger(value) && value <= 2147483647 && value >= -2147483648;
}
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const EMAIL = /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*")@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const IDN_EMAIL = /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+)*|"(?:[\x20\x21\x23-\x5b\x5d-\x7e\u0080-\u{10ffff}]|\\[\x20-\x7e])*")@(?:[a-z0-9\u0080-\u{10ffff}](?:[a-z0-9\u0080-\u{10ffff}-]*[a-z0-9\u0080-\u{10ffff}])?\.)+[a-z0-9\u0080-\u{10ffff}](?:[a-z0-9\u0080-\u{10ffff}-]*[a-z0-9\u0080-\u{10ffff}])?$/iu;
export {
  EMAIL,
  IDN_EMAIL,
  UUID,
  isDate,
  isDateTime,
  isInt32
};
//# sourceMappingURL=formats.js.map
