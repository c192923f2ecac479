// Archiving a finished project (views/admin/ProjectSetupView.tsx, the overview and the admin list).
export const vi = {
  "archive.badge": "Đã lưu trữ",
  "archive.title": "Lưu trữ dự án",
  "archive.hint": "Khi dự án đã kết thúc: dự án chỉ còn để đọc. Kế hoạch, phông, trạm quét, số liệu, lịch làm việc, cảnh báo và ghi chú báo cáo không sửa được nữa; tiến độ và báo cáo vẫn xem và lập được.",
  "archive.reason": "Lý do",
  "archive.reasonExample": "Đã nghiệm thu, kết thúc dự án",
  "archive.archive": "Lưu trữ dự án",
  "archive.confirm": "Lưu trữ dự án {name}? Mọi thay đổi về dự án sẽ bị từ chối cho đến khi quản trị tỉnh mở lại.",
  "archive.since": "Dự án đã lưu trữ ngày {day}: chỉ đọc.",
  "archive.unarchive": "Mở lại dự án",
  "archive.unarchiveHint": "Chỉ quản trị tỉnh hoặc quản trị hệ thống mở lại được.",
  "archive.confirmUnarchive": "Mở lại dự án {name}? Dự án sẽ nhận số liệu và thay đổi trở lại.",
  "archive.done": "Đã lưu trữ dự án.",
  "archive.undone": "Đã mở lại dự án.",
  "archive.archivedProjects": "Dự án đã lưu trữ",
} as const;

export const en: Record<keyof typeof vi, string> = {
  "archive.badge": "Archived",
  "archive.title": "Archive the project",
  "archive.hint": "Once the project is finished: it becomes read-only. Its plan, fonds, scan stations, counters, working calendar, alert rules and report notes can no longer change; its progress and reports can still be read and made.",
  "archive.reason": "Reason",
  "archive.reasonExample": "Accepted, the project is finished",
  "archive.archive": "Archive the project",
  "archive.confirm": "Archive the project {name}? Every change to it will be refused until a province administrator brings it back.",
  "archive.since": "Archived on {day}: read-only.",
  "archive.unarchive": "Bring the project back",
  "archive.unarchiveHint": "Only a province or system administrator can bring it back.",
  "archive.confirmUnarchive": "Bring the project {name} back? It will accept counters and changes again.",
  "archive.done": "The project is archived.",
  "archive.undone": "The project is back in use.",
  "archive.archivedProjects": "Archived projects",
};
