// Words used only in page titles (page-title.ts); the rest reuse the views' own headings.
export const vi = {
  "title.fonds": "Phông",
  "title.station": "Trạm quét",
  "title.report": "Báo cáo",
};

export const en: Record<keyof typeof vi, string> = {
  "title.fonds": "Fonds",
  "title.station": "Scan station",
  "title.report": "Report",
};
