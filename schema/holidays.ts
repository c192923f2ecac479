// Official weekday days off in Viet Nam, 2021–2027, for DEFAULT_CALENDAR (./calendar.ts). Labour Code 2019
// art. 112 fixes the holidays: Tết Dương lịch (1/1), Tết Nguyên đán (5 days, the government picks them),
// Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5, Quốc khánh (2/9 plus one adjacent day). A holiday falling on a
// weekend gives a compensatory weekday off (nghỉ bù). Each year's schedule for civil servants (công chức,
// viên chức) is announced by Bộ LĐTBXH, from 2025 by Bộ Nội vụ; the provincial archive centres follow it.
// Only weekdays are listed: weekend days are off anyway. Days swapped off (hoán đổi) are listed too, because
// the centres are closed; the Saturdays worked in exchange are in VN_MAKEUP_SATURDAYS, left out of the default
// calendar on purpose (the default has no working Saturdays) so a project opts in by adding them.
// Lunar dates checked against the Chinese calendar in ICU, shifted to UTC+7 where the new moon is near midnight.

export const VN_PUBLIC_HOLIDAYS: readonly string[] = [
  // 2021 (Bộ LĐTBXH schedule): Tết Tân Sửu 10/02–16/02; Giỗ Tổ Wed 21/04; 1/5 was a Saturday → 03/05 off;
  // Quốc khánh 02/09 + 03/09.
  "2021-01-01",
  "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16",
  "2021-04-21",
  "2021-04-30", "2021-05-03",
  "2021-09-02", "2021-09-03",
  // 2022 (Bộ LĐTBXH schedule; VPCP 245/VPCP-KGVX for Tết): 1/1 Saturday → 03/01; Tết Nhâm Dần 31/01–04/02;
  // Giỗ Tổ Sunday 10/04 → 11/04; 30/4 and 1/5 on the weekend → 02/05 and 03/05; Quốc khánh 01/09 + 02/09.
  "2022-01-03",
  "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04",
  "2022-04-11",
  "2022-05-02", "2022-05-03",
  "2022-09-01", "2022-09-02",
  // 2023 (Bộ LĐTBXH schedule): 1/1 Sunday → 02/01; Tết Quý Mão 20/01–26/01; Giỗ Tổ Saturday 29/04 → 02/05,
  // 30/4 Sunday → 03/05, 1/5 Monday; Quốc khánh Saturday 02/09 → 04/09, adjacent day Friday 01/09.
  "2023-01-02",
  "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26",
  "2023-05-01", "2023-05-02", "2023-05-03",
  "2023-09-01", "2023-09-04",
  // 2024 (Bộ LĐTBXH schedule; VPCP 2450/VPCP-KGVX for the swap): Tết Giáp Thìn 08/02–14/02; Giỗ Tổ Thu 18/04;
  // Monday 29/04 swapped off (worked Saturday 04/05); Quốc khánh 02/09 + 03/09.
  "2024-01-01",
  "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
  "2024-04-18",
  "2024-04-29", "2024-04-30", "2024-05-01",
  "2024-09-02", "2024-09-03",
  // 2025 (Bộ LĐTBXH schedule, baochinhphu.vn): Tết Ất Tỵ 25/01–02/02 (weekdays 27/01–31/01); Giỗ Tổ Mon 07/04;
  // Friday 02/05 swapped off (worked Saturday 26/04); Quốc khánh 01/09 + 02/09.
  "2025-01-01",
  "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
  "2025-04-07",
  "2025-04-30", "2025-05-01", "2025-05-02",
  "2025-09-01", "2025-09-02",
  // 2026 (Thông báo 9441/TB-BNV for Tết and Quốc khánh; VPCP 12729/VPCP-KGVX of 25/12/2025 for Tết Dương lịch):
  // Friday 02/01 swapped off (worked Saturday 10/01); Tết Bính Ngọ 14/02–22/02 (weekdays 16/02–20/02);
  // Giỗ Tổ Sunday 26/04 → 27/04; Quốc khánh 01/09 + 02/09 and Monday 31/08 swapped off (worked Saturday 22/08).
  // Not listed: Ngày Văn hóa Việt Nam (24/11), a paid day off by Nghị quyết 80-NQ/TW but not yet in art. 112;
  // add it when the Labour Code amendment is in force.
  "2026-01-01", "2026-01-02",
  "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
  "2026-04-27",
  "2026-04-30", "2026-05-01",
  "2026-08-31", "2026-09-01", "2026-09-02",
  // 2027 UNSURE, projected, not yet announced: fixed dates and nghỉ bù follow the law (1/5 Saturday → 03/05;
  // Giỗ Tổ Fri 16/04); Tết Đinh Mùi (mùng 1 Saturday 06/02) guessed as 2024, when Tết also fell on a Saturday:
  // 28 Tết to mùng 5; the Quốc khánh adjacent day guessed as 03/09, as in 2021 (same weekdays). Replace when
  // Bộ Nội vụ announces the schedule.
  "2027-01-01",
  "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
  "2027-04-16",
  "2027-04-30", "2027-05-03",
  "2027-09-02", "2027-09-03",
];

/** Saturdays worked in exchange for the swapped days off above (làm bù); add to `workingSaturdays` to follow them. */
export const VN_MAKEUP_SATURDAYS: readonly string[] = ["2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"];
