//! Numbers for people, one formatter for each kind, shared by the error messages, the
//! warnings, the verdict, the risk notes, the CLI table and the CSV header.

/// A whole number with thousands separators: `41440` → `"41,440"`, `-1500` → `"-1,500"`.
pub fn grouped(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if x <= -0.5 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A bound or an input as written: whole numbers grouped (`5,000`), others as they are
/// (`0.5`, `1e-9`).
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        grouped(x)
    } else {
        format!("{x}")
    }
}

/// Money for a sentence or a table: `$3.20 T`, `$1.23 B`, `$456.7 M`, `$950 k`, `$12`, and
/// beyond $10¹⁵ `$3.48e22`; a minus sign (U+2212) for losses.
pub fn money(usd: f64) -> String {
    let sign = if usd < 0.0 { "−" } else { "" };
    let a = usd.abs();
    if a >= 1e15 {
        // Beyond a thousand trillion dollars only the order of magnitude means anything.
        format!("{sign}${a:.2e}")
    } else if a >= 1e12 {
        format!("{sign}${:.2} T", a / 1e12)
    } else if a >= 1e9 {
        format!("{sign}${:.2} B", a / 1e9)
    } else if a >= 1e6 {
        format!("{sign}${:.1} M", a / 1e6)
    } else if a >= 1e3 {
        format!("{sign}${:.0} k", a / 1e3)
    } else {
        format!("{sign}${a:.0}")
    }
}

/// A USD amount with thousands separators and no cents: `$123,456`, `−$7`.
pub fn dollars(usd: f64) -> String {
    let sign = if usd <= -0.5 { "−" } else { "" };
    format!("{sign}${}", grouped(usd.abs()))
}

/// Text for a terminal or a CSV comment: every control character (an escape sequence, a
/// newline, a bell) written as `\u{1b}` instead of reaching the terminal, so a scenario cannot
/// clear a screen or retitle a window through a name or an ASIC model.
/// At most 60 characters of a line of a file, for a message (`…` where it was cut).
pub fn clip(line: &str) -> String {
    if line.chars().count() > 60 {
        line.chars().take(60).collect::<String>() + "…"
    } else {
        line.to_string()
    }
}

pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_a_board_pack() {
        assert_eq!(grouped(41_440.0), "41,440");
        assert_eq!(grouped(-1_500.4), "-1,500");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(number(5_000.0), "5,000");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(money(1_234_000_000.0), "$1.23 B");
        assert_eq!(money(-456_740_000.0), "−$456.7 M");
        assert_eq!(money(950_000.0), "$950 k");
        assert_eq!(money(12.0), "$12");
        assert_eq!(money(3.2e12), "$3.20 T");
        assert_eq!(money(-3.485e22), "−$3.48e22");
        assert_eq!(dollars(220_584.4), "$220,584");
        assert_eq!(dollars(-7.0), "−$7");
    }

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("\u{1b}]0;title\u{7}"), "\\u{1b}]0;title\\u{7}");
        assert_eq!(printable("two\nlines"), "two\nlines");
        assert_eq!(printable("Antminer S21 XP — 13.5 J/TH"), "Antminer S21 XP — 13.5 J/TH");
    }
}
