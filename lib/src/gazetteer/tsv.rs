//! Splitting gazetteer TSV text into lines and fields.
//!
//! The default files are 80,000 short lines read at every start-up. `str::lines` and
//! `str::split` set up a general searcher for every line and field, which cost more than the
//! bytes they scan (callgrind: about a sixth of start-up); these look for one ASCII byte with
//! `memchr`, and an ASCII byte never falls inside a multi-byte character, so every slice is
//! valid UTF-8.

/// The pieces of `text` between `separator` bytes, like `text.split(separator)`.
pub(crate) fn split_at_byte(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    debug_assert!(separator.is_ascii());
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memchr(separator, current.as_bytes()) {
            Some(at) => {
                rest = Some(&current[at + 1..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// The lines of `text`, like `str::lines`: without their LF or CRLF, and with no empty line
/// after a final line end.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let current = rest;
        match memchr::memchr(b'\n', current.as_bytes()) {
            Some(at) => {
                rest = &current[at + 1..];
                let line = &current[..at];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => {
                rest = "";
                Some(current)
            }
        }
    })
}

/// A field without surrounding white space, like `str::trim`, checking only the two end bytes
/// when they are plain ASCII (almost always).
pub(crate) fn trim(field: &str) -> &str {
    match (field.as_bytes().first(), field.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => field,
        _ => field.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_agrees_with_the_standard_library() {
        let samples = [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "a\r\r\n",
            "\n\nx\n\n",
            "é\tñ\t\t",
            "\tlead\ttrail\t",
            " padded \t\u{a0}nbsp\u{a0}\t",
        ];
        for sample in samples {
            assert_eq!(
                lines(sample).collect::<Vec<_>>(),
                sample.lines().collect::<Vec<_>>(),
                "{sample:?}"
            );
            assert_eq!(
                split_at_byte(sample, b'\t').collect::<Vec<_>>(),
                sample.split('\t').collect::<Vec<_>>(),
                "{sample:?}"
            );
            for field in sample.split('\t') {
                assert_eq!(trim(field), field.trim(), "{field:?}");
            }
        }
    }
}
