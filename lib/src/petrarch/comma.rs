//! PETRARCH's comma-clause deletion: before coding, comma-delimited stretches of a sentence
//! whose length in words lies in a configured range are dropped, so that an aside ("Osgiliath,
//! the state's fiercest foe,") or a trailing attribution (", a senior official said on
//! Saturday.") does not supply actors to the main clause.

/// The word ranges of the three kinds of clause; a `max` of 0 switches that kind off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommaOptions {
    /// A clause between two commas: at least this many words...
    pub min: usize,
    /// ... and at most this many.
    pub max: usize,
    /// The clause from the sentence's start to its first comma.
    pub begin_min: usize,
    /// See `begin_min`.
    pub begin_max: usize,
    /// The clause from the last comma to the sentence's end.
    pub end_min: usize,
    /// See `end_min`.
    pub end_max: usize,
}

impl Default for CommaOptions {
    /// PETRARCH's defaults: 2-8 words inside and at the end, none at the start.
    fn default() -> Self {
        CommaOptions {
            min: 2,
            max: 8,
            begin_min: 0,
            begin_max: 0,
            end_min: 2,
            end_max: 8,
        }
    }
}

/// The sentence with its deletable comma clauses removed. A clause followed by "and" or
/// "or" is an item of a list ("Mordor, the awful Fornost, and Gondor") and stays, as does a
/// last clause that opens with one.
pub fn delete_comma_clauses(sentence: &str, options: CommaOptions) -> String {
    let parts: Vec<&str> = sentence.split(',').collect();
    if parts.len() < 2 {
        return sentence.to_owned();
    }
    let words = |s: &str| s.split_whitespace().count();
    let fits = |n: usize, min: usize, max: usize| max > 0 && n >= min && n <= max;
    let last = parts.len() - 1;
    let mut keep = vec![true; parts.len()];
    for (i, part) in parts.iter().enumerate() {
        let n = words(part.trim_end_matches(['.', '!', '?']));
        let next_is_list = parts
            .get(i + 1)
            .and_then(|next| next.split_whitespace().next())
            .is_some_and(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
        let conjunction = |w: &str| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or");
        let opens_with_and = part.split_whitespace().next().is_some_and(conjunction);
        // "Arnor, Gondor and Rohan met": after a short item, a clause with "and" ends a list.
        let ends_list = i > 0 && words(parts[i - 1]) <= 3 && part.split_whitespace().any(conjunction);
        let opens_with_and = opens_with_and || ends_list;
        keep[i] = if i == 0 {
            !fits(n, options.begin_min, options.begin_max)
        } else if i == last {
            opens_with_and || !fits(n, options.end_min, options.end_max)
        } else {
            next_is_list || !fits(n, options.min, options.max)
        };
    }
    // The main clause is never deleted whole.
    if !keep.iter().any(|&k| k) {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(part);
    }
    // A deleted ending takes the sentence's full stop with it; put it back.
    if !keep[last]
        && let Some(stop) = sentence
            .trim_end()
            .chars()
            .last()
            .filter(|c| matches!(c, '.' | '!' | '?'))
    {
        out.push(stop);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_asides_and_attributions_but_not_lists() {
        let options = CommaOptions::default();
        assert_eq!(
            delete_comma_clauses(
                "Eriador called for a boycott against Osgiliath, the state's fiercest foe, a senior official said.",
                options
            ),
            "Eriador called for a boycott against Osgiliath."
        );
        let list = "Evil Mordor, the awful Fornost, and good Gondor welcomed the talks.";
        assert_eq!(delete_comma_clauses(list, options), list);
        let short = "Arnor, Gondor and Rohan met.";
        assert_eq!(delete_comma_clauses(short, options), short);
        let off = CommaOptions { end_max: 0, ..options };
        let said = "Arnor met Gondor, officials said.";
        assert_eq!(delete_comma_clauses(said, off), said);
        assert_eq!(delete_comma_clauses(said, options), "Arnor met Gondor.");
    }
}
