//! Agent dictionaries (`*.agents.txt`): role nouns whose code joins the code of the actor
//! they belong to ("Arnor" ARN + "police" `~COP` = ARNCOP).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN      a substitution set
//! CONGRESS!PERSON! [~LEG]                 congressman, congressmen, ...
//! FOREIGN_MINISTER [~GOVFRM]              the code goes after the actor's (plural: ministers)
//! HUMAN_RIGHTS_BODY [NGO~]                the code goes before the actor's
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   the plural given; {} = no plural
//! ```

use rustc_hash::FxHashMap;

use super::{clean_lines, phrase, warning};
use crate::error::GazetteerError;

/// Which side of the actor's code an agent's code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlace {
    /// `~COP`: after ("ARN" + "COP").
    Suffix,
    /// `NGO~`: before ("NGO" + "ARN").
    Prefix,
}

/// One agent entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// Every written form (singulars, plurals, substitutions), in gazette's form.
    pub names: Vec<String>,
    /// The code without its `~`.
    pub code: String,
    /// Where it goes.
    pub place: AgentPlace,
    /// The line it was defined on.
    pub line: usize,
}

impl Agent {
    /// The agent's code joined to an actor's code; with no actor, PETRARCH's `---` stands in.
    pub fn attach(&self, actor: Option<&str>) -> String {
        let actor = actor.unwrap_or("---");
        match self.place {
            AgentPlace::Suffix => format!("{actor}{}", self.code),
            AgentPlace::Prefix => format!("{}{actor}", self.code),
        }
    }

    /// The marker as PETRARCH writes it: `~COP` or `NGO~`.
    pub fn marker(&self) -> String {
        match self.place {
            AgentPlace::Suffix => format!("~{}", self.code),
            AgentPlace::Prefix => format!("{}~", self.code),
        }
    }
}

/// The agents of one or more files.
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    /// Entries in file order.
    pub agents: Vec<Agent>,
    /// The file each entry came from, parallel to `agents`.
    pub files: Vec<String>,
    /// Lines that were skipped.
    pub warnings: Vec<GazetteerError>,
}

impl AgentDictionary {
    /// Reads an agent file.
    pub fn parse(file: &str, text: &str) -> Self {
        let mut dictionary = AgentDictionary::default();
        dictionary.add_file(file, text);
        dictionary
    }

    /// Reads one more agent file into the dictionary.
    pub fn add_file(&mut self, file: &str, text: &str) {
        // Sets are defined before use in every known file; a set defined later is not seen.
        let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in clean_lines(text) {
            let body = line.text.trim();
            if body.starts_with('!')
                && let Some((name, members)) = body.split_once('=')
            {
                let members = members
                    .split(',')
                    .map(|m| m.trim().to_owned())
                    .filter(|m| !m.is_empty())
                    .collect();
                sets.insert(name.trim().to_owned(), members);
                continue;
            }
            match parse_agent(body, &sets) {
                Ok((names, code, place)) => {
                    self.agents.push(Agent {
                        names,
                        code,
                        place,
                        line: line.number,
                    });
                    self.files.push(file.to_owned());
                }
                Err(message) => self.warnings.push(warning(file, line.number, message)),
            }
        }
    }
}

fn parse_agent(body: &str, sets: &FxHashMap<String, Vec<String>>) -> Result<(Vec<String>, String, AgentPlace), String> {
    let open = body.find('[').ok_or_else(|| format!("agent {body:?} has no [code]"))?;
    let close = body[open..]
        .find(']')
        .map(|c| open + c)
        .ok_or_else(|| format!("unclosed bracket in {body:?}"))?;
    let marker: String = body[open + 1..close].chars().filter(|c| !c.is_whitespace()).collect();
    let (code, place) = if let Some(code) = marker.strip_prefix('~') {
        (code, AgentPlace::Suffix)
    } else if let Some(code) = marker.strip_suffix('~') {
        (code, AgentPlace::Prefix)
    } else {
        return Err(format!("agent code [{marker}] must be ~CODE or CODE~"));
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("agent code [{marker}] must be letters or digits around one ~"));
    }
    let head = body[..open].trim();
    // `{...}` lists the plurals; `{}` says there are none.
    let (singular, plurals) = match head.find('{') {
        Some(brace) => {
            let end = head[brace..]
                .find('}')
                .map(|e| brace + e)
                .ok_or_else(|| format!("unclosed brace in {head:?}"))?;
            let listed: Vec<&str> = head[brace + 1..end].split_whitespace().collect();
            (head[..brace].trim(), Some(listed))
        }
        None => (head, None),
    };
    if singular.is_empty() {
        return Err("agent line has a code but no phrase".into());
    }
    let substituted = expand(singular, sets)?;
    let mut names: Vec<String> = substituted.iter().map(|s| phrase(s)).collect();
    match plurals {
        Some(listed) => names.extend(listed.iter().map(|p| phrase(p))),
        // The members of a substitution set already include their plurals ("MAN, MEN").
        None if substituted.len() == 1 && !singular.contains('!') => names.push(plural(&names[0])),
        None => {}
    }
    let mut unique = Vec::new();
    for name in names {
        if !name.is_empty() && !unique.contains(&name) {
            unique.push(name);
        }
    }
    Ok((unique, code.to_uppercase(), place))
}

/// The phrase with each `!SET!` replaced by each member of the set, joined without a space as
/// the files write them ("CONGRESS!PERSON!" is "CONGRESSMAN", ...).
fn expand(text: &str, sets: &FxHashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(start) = text.find('!') else {
        return Ok(vec![text.to_owned()]);
    };
    let end = text[start + 1..]
        .find('!')
        .map(|e| start + 1 + e)
        .ok_or_else(|| format!("unclosed substitution marker in {text:?}"))?;
    let name = &text[start..=end];
    let members = sets
        .get(name)
        .ok_or_else(|| format!("substitution set {name} is not defined above"))?;
    let mut out = Vec::new();
    for member in members {
        let replaced = format!("{}{member}{}", &text[..start], &text[end + 1..]);
        out.extend(expand(&replaced, sets)?);
    }
    Ok(out)
}

/// The regular plural of a phrase's last word, PETRARCH's way: `Y` to `IES`, `ES` after `SS`,
/// else `S`.
fn plural(phrase: &str) -> String {
    if let Some(stem) = phrase.strip_suffix('y') {
        format!("{stem}ies")
    } else if phrase.ends_with("ss") {
        format!("{phrase}es")
    } else {
        format!("{phrase}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "!PERSON! = MAN, MEN, WOMAN\n\
        CONGRESS [~LEG]\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n\
        POLICE {} [ ~COP]\nHUMAN_RIGHTS_BODY  [  NGO~]\nAUTHORITY [~GOV]\nWHO!NOBODY! [~GOV]\nBARE\n";

    #[test]
    fn expands_plurals_substitutions_and_markers() {
        let dictionary = AgentDictionary::parse("g.txt", TEXT);
        let names: Vec<&[String]> = dictionary.agents.iter().map(|a| a.names.as_slice()).collect();
        assert_eq!(names[0], ["congress", "congresses"]);
        assert_eq!(names[1], ["congressman", "congressmen", "congresswoman"]);
        assert_eq!(names[2], ["attorney general", "attorneys general"]);
        assert_eq!(names[3], ["police"]);
        assert_eq!(names[5], ["authority", "authorities"]);
        let police = &dictionary.agents[3];
        assert_eq!(police.attach(Some("ARN")), "ARNCOP");
        assert_eq!(police.attach(None), "---COP");
        let body = &dictionary.agents[4];
        assert_eq!(
            (body.place, body.attach(Some("ARN"))),
            (AgentPlace::Prefix, "NGOARN".into())
        );
        let warnings: Vec<String> = dictionary.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "g.txt:8: substitution set !NOBODY! is not defined above",
                "g.txt:9: agent \"BARE\" has no [code]"
            ]
        );
    }
}
