// Why a typed number was refused, shown next to its field (web/src/number-input.ts). `{group}` and
// `{decimal}` are the reader's own separators, `{example}` a number written their way.
export const vi = {
  "number.empty": "Chưa nhập số.",
  "number.negative": "Không được là số âm.",
  "number.notNumber": "Không phải là số. Viết như {example}.",
  "number.decimalMarks": "Chỉ được một dấu thập phân '{decimal}'.",
  "number.grouping": "Dấu '{group}' ngăn cách hàng nghìn đặt sai chỗ (viết 1{group}000); số lẻ dùng dấu '{decimal}'.",
  "number.wholeOnly": "Chỉ nhận số nguyên; '{decimal}' là dấu thập phân, hàng nghìn viết 1{group}000.",
  "number.decimals": "Tối đa {decimals} chữ số sau dấu '{decimal}'.",
  "number.tooLarge": "Số quá lớn.",
  "number.zero": "Phải khác 0.",
  "number.below": "Ít nhất là {min}.",
  "number.above": "Tối đa là {max}.",
};

export const en: Record<keyof typeof vi, string> = {
  "number.empty": "Enter a number.",
  "number.negative": "Must not be negative.",
  "number.notNumber": "Not a number. Write it like {example}.",
  "number.decimalMarks": "Only one decimal point '{decimal}'.",
  "number.grouping": "The thousands separator '{group}' is misplaced (write 1{group}000); decimals use '{decimal}'.",
  "number.wholeOnly": "Whole numbers only; '{decimal}' is the decimal point, thousands are written 1{group}000.",
  "number.decimals": "At most {decimals} digits after '{decimal}'.",
  "number.tooLarge": "The number is too large.",
  "number.zero": "Must not be zero.",
  "number.below": "At least {min}.",
  "number.above": "At most {max}.",
};
