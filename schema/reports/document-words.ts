// The fixed words of a report issued as an official document (schema/reports/document.ts), in both
// languages. The Vietnamese follow Nghị định 30/2020/NĐ-CP and seeds 000/001; the English is a reading
// aid for people who do not read Vietnamese, not a document anyone signs.
import type { Locale } from "./columns";

export const DOC_WORDS = {
  vi: {
    nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    number: "Số:",
    docType: "BÁO CÁO",
    recipient: "Kính gửi:",
    results: "I. KẾT QUẢ THỰC HIỆN",
    volume: "1. Khối lượng thực hiện trong kỳ",
    evaluation: "2. Đánh giá từng nội dung",
    silent: "3. Máy quét không gửi số liệu trong kỳ",
    nextTasks: "II. NHIỆM VỤ KỲ TỚI",
    difficulties: "III. KHÓ KHĂN, VƯỚNG MẮC",
    proposals: "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    none: "Không có.",
    allDone: "Đã hoàn thành toàn bộ khối lượng theo kế hoạch.",
    nextTotal: "Tổng khối lượng cần thực hiện",
    stt: "STT",
    fonds: "Tên phông",
    item: "Nội dung",
    plan: "Kế hoạch",
    actual: "Thực hiện",
    percent: "Tỷ lệ",
    completed: "Hoàn thành",
    achieved: "Đạt",
    onSchedule: "Tiến độ",
    reason: "Lý do",
    total: "Tổng",
    distribution: "Nơi nhận:",
    signature: "(Ký, đóng dấu)",
  },
  en: {
    nationalTitle: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence - Freedom - Happiness",
    number: "No.:",
    docType: "REPORT",
    recipient: "To:",
    results: "I. RESULTS",
    volume: "1. Volume done in the period",
    evaluation: "2. Evaluation of each item",
    silent: "3. Scan stations that sent nothing in the period",
    nextTasks: "II. TASKS FOR THE NEXT PERIOD",
    difficulties: "III. DIFFICULTIES",
    proposals: "IV. PROPOSALS",
    none: "None.",
    allDone: "All planned volume is done.",
    nextTotal: "Total to do",
    stt: "No.",
    fonds: "Fonds",
    item: "Item",
    plan: "Plan",
    actual: "Done",
    percent: "Share",
    completed: "Completed",
    achieved: "Achieved",
    onSchedule: "Schedule",
    reason: "Reason",
    total: "Total",
    distribution: "Recipients:",
    signature: "(Signature and seal)",
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** What an alert type that fired says as a reason (content.reasons holds the types). */
export const ALERT_REASONS: Record<string, Record<Locale, string>> = {
  behind_schedule: { vi: "chậm so với kế hoạch (cảnh báo chậm tiến độ)", en: "behind the plan (behind-schedule alert)" },
  under_plan: { vi: "với tốc độ hiện tại không đạt khối lượng kế hoạch", en: "at the current rate the planned volume will not be reached" },
  silent_station: { vi: "máy quét không gửi số liệu", en: "a scan station sent nothing" },
};

/** Units for next period's tasks: "43 hồ sơ, 4.895 văn bản, 11.062 trang". */
export const KIND_UNITS: Record<string, Record<Locale, string>> = {
  files: { vi: "hồ sơ", en: "files" },
  documents: { vi: "văn bản", en: "documents" },
  pages: { vi: "trang", en: "pages" },
  metres: { vi: "mét chỉnh lý sơ bộ", en: "m arranged" },
  metres_loose: { vi: "mét chỉnh lý rời lẻ", en: "m loose arranged" },
  sheets: { vi: "tờ bồi nền", en: "sheets restored" },
};

/** `from` and `to` as written (dd/mm/yyyy). A monthly report (17th to 16th) is named by its closing month. */
export function periodPhrase(type: string, from: string, to: string, locale: Locale): string {
  if (locale === "en") {
    if (type === "monthly") return `the month of ${to.slice(3)} (from ${from} to ${to})`;
    return `${{ weekly: "the week", inspection: "the inspection period" }[type] ?? "the period"} from ${from} to ${to}`;
  }
  if (type === "monthly") return `tháng ${to.slice(3)} (từ ngày ${from} đến ngày ${to})`;
  const lead = { weekly: "tuần", inspection: "kỳ kiểm tra" }[type];
  return `${lead ? `${lead} ` : ""}từ ngày ${from} đến ngày ${to}`;
}
