//! Discard lists (`*.discards.txt`): phrases that mark a sentence, or with `+` a whole story,
//! as off-topic (sports results, weather), so that no event is coded from it.

use super::{clean_lines, warning};
use crate::error::GazetteerError;

/// One discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// The words, upper case, single spaces.
    pub words: String,
    /// Whether the phrase must end at a word boundary (a trailing `_` in the file); without
    /// it the phrase is a stem ("BASEBALL" also finds "BASEBALLS").
    pub whole_word: bool,
    /// Whether the phrase discards the whole story (`+`), not only its sentence.
    pub story: bool,
    /// The line it was defined on.
    pub line: usize,
}

/// The discards of one or more files.
#[derive(Debug, Clone, Default)]
pub struct DiscardDictionary {
    /// Entries in file order.
    pub discards: Vec<Discard>,
    /// Lines that were skipped.
    pub warnings: Vec<GazetteerError>,
}

impl DiscardDictionary {
    /// Reads a discard file.
    pub fn parse(file: &str, text: &str) -> Self {
        let mut dictionary = DiscardDictionary::default();
        dictionary.add_file(file, text);
        dictionary
    }

    /// Reads one more discard file into the dictionary.
    pub fn add_file(&mut self, file: &str, text: &str) {
        for line in clean_lines(text) {
            let body = line.text.trim();
            let (story, body) = match body.strip_prefix('+') {
                Some(rest) => (true, rest.trim()),
                None => (false, body),
            };
            // Some lines carry a second, older comment style: "PHRASE ;AB 13 JUN 2005".
            let body = body.split(';').next().unwrap_or_default().trim();
            let whole_word = body.ends_with('_');
            let words: Vec<String> = body
                .split(['_', ' '])
                .filter(|w| !w.is_empty())
                .map(str::to_uppercase)
                .collect();
            if words.is_empty() {
                self.warnings
                    .push(warning(file, line.number, "a discard line with no phrase"));
                continue;
            }
            self.discards.push(Discard {
                words: words.join(" "),
                whole_word,
                story,
                line: line.number,
            });
        }
    }

    /// The first discard that applies to a sentence, if any. The phrase must start a word;
    /// it may end inside one unless it was marked whole-word.
    pub fn find(&self, sentence: &str) -> Option<&Discard> {
        let upper: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase();
        let padded = format!(" {upper} ");
        self.discards.iter().find(|d| {
            let needle = format!(" {}", d.words);
            padded.match_indices(&needle).any(|(at, _)| {
                let after = padded[at + needle.len()..].chars().next().unwrap_or(' ');
                !d.whole_word || !after.is_alphanumeric()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sentence_and_story_discards() {
        let text = "# comment\nMONTHS LATER\n+Manchester United   # pas\nAFRICAN NATIONS CUP   # ab ;AB 13 JUN 2005\n\
                    BALL_\n";
        let dictionary = DiscardDictionary::parse("d.txt", text);
        assert_eq!(dictionary.discards.len(), 4);
        let story = dictionary.find("Arnor beat Manchester United 2-0 on Sunday.").unwrap();
        assert!(story.story);
        let sentence = dictionary.find("Six months later, Gondor apologised.").unwrap();
        assert!(!sentence.story);
        assert_eq!(dictionary.find("The African Nations Cupboard").unwrap().line, 4);
        assert!(dictionary.find("They played ballgames.").is_none());
        assert!(dictionary.find("Arnor accused Gondor.").is_none());
    }
}
