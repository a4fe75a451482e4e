//! Numbers written as UN documents number their headings and sub-items: Roman numerals and
//! Chinese counting. The Word importer prints automatic numbers with them, and the sample
//! reports number their headings with them.

/// `I`, `IV`, `XIV`, `XCIX`, `MMXXIV` (empty for 0).
pub fn roman(mut value: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (worth, numeral) in NUMERALS {
        while value >= worth {
            out.push_str(numeral);
            value -= worth;
        }
    }
    out
}

/// 一, 二, … 十, 十一, … 二十, … 九十九 as Chinese counting writes them (0 is 〇); from 100 on,
/// digits.
pub fn chinese(value: u32) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |d: u32| DIGITS[d as usize % 10];
    let ones = |d: u32| {
        if d == 0 {
            String::new()
        } else {
            digit(d).to_string()
        }
    };
    match value {
        0..=9 => digit(value).to_string(),
        10..=19 => format!("十{}", ones(value - 10)),
        20..=99 => format!("{}十{}", digit(value / 10), ones(value % 10)),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let roman: Vec<String> = [1, 4, 9, 14, 40, 49, 99].map(roman).into();
        assert_eq!(roman, ["I", "IV", "IX", "XIV", "XL", "XLIX", "XCIX"]);
        let chinese: Vec<String> = [1, 10, 11, 20, 21, 99].map(chinese).into();
        assert_eq!(chinese, ["一", "十", "十一", "二十", "二十一", "九十九"]);
    }
}
