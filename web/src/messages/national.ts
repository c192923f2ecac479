// The national view on the overview: a line per province (components/NationalTable.tsx).
export const vi = {
  "national.title": "Toàn quốc theo tỉnh",
  "national.caption": "Tiến độ các tỉnh (số liệu như lãnh đạo xem, không gồm phông hạn chế)",
  "national.province": "Tỉnh",
  "national.status": "Tình trạng",
  "national.projects": "Dự án",
  "national.behind": "Chậm tiến độ",
  "national.notStarted": "Chưa triển khai",
  "national.alerts": "Cảnh báo",
  "national.kindCell": "{done} (kế hoạch đến nay {planToDate})",
  "national.showProvince": "Các dự án của tỉnh",
};

export const en: Record<keyof typeof vi, string> = {
  "national.title": "Nationwide, by province",
  "national.caption": "Progress of the provinces (as leaders see it, without restricted fonds)",
  "national.province": "Province",
  "national.status": "Status",
  "national.projects": "Projects",
  "national.behind": "Behind schedule",
  "national.notStarted": "Not started",
  "national.alerts": "Alerts",
  "national.kindCell": "{done} (plan to date {planToDate})",
  "national.showProvince": "The province's projects",
};
