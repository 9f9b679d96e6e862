//! English verb forms, so that event lexicons can list verbs once, in the base form: "impose"
//! also finds "imposes", "imposed" and "imposing"; "cut" finds "cuts" and "cutting"; "meet"
//! finds "met".

/// Irregular verbs: base, past, past participle; sorted by base, for binary search.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bet", "bet", "bet"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burned", "burnt"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "got"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("overrun", "overran", "overrun"),
    ("oversee", "oversaw", "overseen"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("sleep", "slept", "slept"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weep", "wept", "wept"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
];

/// The grammatical form of a verb as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// "impose": base form or present tense other than third person singular.
    Base,
    /// "imposes".
    ThirdPerson,
    /// "imposed" as a simple past.
    Past,
    /// "imposed" / "broken" as a participle (passives, perfects).
    Participle,
    /// "imposing".
    Gerund,
}

crate::image::stored_enum!(VerbForm {
    Base,
    ThirdPerson,
    Past,
    Participle,
    Gerund
});

/// Every written form of a verb given in its base form, with the form it is.
/// A form that is both past and participle ("imposed") is listed once, as `Past`.
pub fn forms(base: &str) -> Vec<(String, VerbForm)> {
    let base = base.to_lowercase();
    let mut out = vec![
        (base.clone(), VerbForm::Base),
        (third_person(&base), VerbForm::ThirdPerson),
    ];
    match IRREGULAR
        .binary_search_by_key(&base.as_str(), |&(b, ..)| b)
        .ok()
        .map(|i| IRREGULAR[i])
    {
        Some((_, past, participle)) => {
            out.push((past.to_owned(), VerbForm::Past));
            if participle != past {
                out.push((participle.to_owned(), VerbForm::Participle));
            }
        }
        None => out.push((regular_past(&base), VerbForm::Past)),
    }
    out.push((gerund(&base), VerbForm::Gerund));
    // At most five forms: drop each one an earlier one already spells.
    let mut unique: Vec<(String, VerbForm)> = Vec::with_capacity(out.len());
    for (form, grammar) in out {
        if !unique.iter().any(|(earlier, _)| *earlier == form) {
            unique.push((form, grammar));
        }
    }
    unique
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn third_person(base: &str) -> String {
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") || base.ends_with('o') {
        format!("{base}es")
    } else if let Some(stem) = base.strip_suffix('y').filter(|s| !s.ends_with(is_vowel)) {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    }
}

/// Whether the final consonant doubles before -ed/-ing: one syllable ending consonant-vowel-
/// consonant ("cut", "ban", "plan"), and a few stressed-final verbs of two syllables.
fn doubles_final_consonant(base: &str) -> bool {
    const STRESSED_FINAL: &[&str] = &[
        "admit", "commit", "occur", "refer", "regret", "submit", "transfer", "prefer", "control", "patrol", "compel",
        "expel", "repel", "propel", "rebel", "deter", "omit", "permit", "acquit", "equip", "embed", "outstrip",
    ];
    if STRESSED_FINAL.contains(&base) {
        return true;
    }
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if n < 3 {
        return false;
    }
    let (a, b, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
    let vowels = chars.iter().filter(|&&ch| is_vowel(ch)).count();
    vowels == 1 && !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y')
}

fn regular_past(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if let Some(stem) = base.strip_suffix('y').filter(|s| !s.ends_with(is_vowel)) {
        format!("{stem}ied")
    } else if doubles_final_consonant(base) {
        format!("{base}{}ed", base.chars().last().expect("non-empty"))
    } else {
        format!("{base}ed")
    }
}

fn gerund(base: &str) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if base.ends_with('e') && !base.ends_with("ee") && !base.ends_with("ye") && !base.ends_with("oe") {
        format!("{}ing", &base[..base.len() - 1])
    } else if doubles_final_consonant(base) {
        format!("{base}{}ing", base.chars().last().expect("non-empty"))
    } else {
        format!("{base}ing")
    }
}

/// The simple past forms of the irregular verbs that are not also their base form ("ran",
/// "took", but not "cut" or "set"), for other stages that read tense.
pub fn irregular_simple_pasts() -> impl Iterator<Item = &'static str> {
    IRREGULAR
        .iter()
        .filter(|(base, past, _)| base != past)
        .map(|&(_, past, _)| past)
}

/// Whether a written form can be a participle (for the passive): regular "-ed" forms and
/// listed irregular participles.
pub fn is_participle(form: VerbForm) -> bool {
    matches!(form, VerbForm::Past | VerbForm::Participle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_irregular_table_is_sorted_for_binary_search() {
        assert!(IRREGULAR.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert_eq!(written("withdraw")[2], "withdrew", "found by the search");
    }

    fn written(base: &str) -> Vec<String> {
        forms(base).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        assert_eq!(written("impose"), ["impose", "imposes", "imposed", "imposing"]);
        assert_eq!(written("cut"), ["cut", "cuts", "cutting"]);
        assert_eq!(written("meet"), ["meet", "meets", "met", "meeting"]);
        assert_eq!(written("sever"), ["sever", "severs", "severed", "severing"]);
        assert_eq!(written("accuse"), ["accuse", "accuses", "accused", "accusing"]);
        assert_eq!(written("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(written("expel"), ["expel", "expels", "expelled", "expelling"]);
        assert_eq!(written("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(written("visit"), ["visit", "visits", "visited", "visiting"]);
        assert_eq!(written("break"), ["break", "breaks", "broke", "broken", "breaking"]);
        assert_eq!(
            written("threaten"),
            ["threaten", "threatens", "threatened", "threatening"]
        );
        assert_eq!(written("attack"), ["attack", "attacks", "attacked", "attacking"]);
        assert_eq!(written("free"), ["free", "frees", "freed", "freeing"]);
        assert_eq!(written("launch"), ["launch", "launches", "launched", "launching"]);
        assert_eq!(written("veto"), ["veto", "vetoes", "vetoed", "vetoing"]);
        assert_eq!(written("play"), ["play", "plays", "played", "playing"]);
    }
}
