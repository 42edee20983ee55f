/// The date rule of a Danish CPR number: `DDMMYY` is a real day, with the century read from
/// the seventh digit as the CPR register defines it, so 29 February counts only in leap years.
enum CPRDate {
    /// Whether `digits` (ten of them, `DDMMYYSSSS`) start with a real date of birth.
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        let day = digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let yy = digits[4] * 10 + digits[5]
        guard (1...12).contains(month), day >= 1 else { return false }
        let year = century(yy: yy, seventh: digits[6]) + yy
        return day <= daysIn(month: month, year: year)
    }

    /// The century of a two-digit year, from the first digit of the serial number.
    static func century(yy: Int, seventh: Int) -> Int {
        switch seventh {
        case 0...3: 1900
        case 4, 9: yy <= 36 ? 2000 : 1900
        default: yy <= 57 ? 2000 : 1800
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}
