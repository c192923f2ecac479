// Who issues a project's reports as official documents, and to whom (thể thức văn bản, Nghị định
// 30/2020/NĐ-CP): stored per project (schema/tables/reports.ts report_documents), edited by supervisors
// and admins on the report page. Until someone does, the defaults follow seeds 000 and 001: the
// province's Department of Home Affairs (Sở Nội vụ) reports to the provincial People's Committee.
export interface DocumentSettings {
  /** Cơ quan chủ quản, above the issuing body: "UBND TỈNH HÀ TĨNH". */
  parentBody: string;
  /** Cơ quan ban hành: "SỞ NỘI VỤ". */
  issuingBody: string;
  /** Địa danh of "Hà Tĩnh, ngày … tháng … năm …". */
  place: string;
  /** "Kính gửi: …". */
  recipient: string;
  /** "Nơi nhận:" lines, as written (each ends with ";" and the last with "."). */
  distribution: string[];
  /** One or more lines: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  signerPosition: string;
  signerName: string;
  /** Ký hiệu after "Số: …/": "BC-SNV". */
  numberSuffix: string;
}

/** "Tỉnh Hà Tĩnh", "TP. Hồ Chí Minh" or "Hà Tĩnh" → the place name and the level of the province. */
export function provinceParts(provinceName: string): { place: string; city: boolean } {
  const name = provinceName.normalize("NFC").trim();
  const m = /^(tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(name);
  if (!m) return { place: name, city: false };
  return { place: m[2]!.trim(), city: m[1]!.toLocaleLowerCase("vi") !== "tỉnh" };
}

export function defaultDocumentSettings(provinceName: string): DocumentSettings {
  const { place, city } = provinceParts(provinceName);
  const level = city ? "thành phố" : "tỉnh";
  return {
    parentBody: `UBND ${level} ${place}`.toLocaleUpperCase("vi"),
    issuingBody: "SỞ NỘI VỤ",
    place,
    recipient: `Ủy ban nhân dân ${level}`,
    distribution: ["Như trên;", "Giám đốc, các Phó Giám đốc Sở;", "Trung tâm Lưu trữ lịch sử;", "Lưu: VT."],
    signerPosition: "GIÁM ĐỐC",
    signerName: "",
    numberSuffix: "BC-SNV",
  };
}
