#!/usr/bin/env python3
"""Generate gazette's two generated organisation gazetteers.

gazetteers/organisations-igo.tsv (CC BY-SA 4.0, kept apart for its licence) comes from
supraverden-international-organisations/international_organisations.json: 617
intergovernmental organisations and bodies with English names and abbreviations.
It must stay a separate file and carries the licence notice and attribution at the top.

gazetteers/organisations-generated.tsv comes from public-domain and MIT sources only:
* cia-world-factbook-2025/factbook_extract.json (public domain), for the states in
  FACTBOOK_STATES (the most-reported states in world news): armed forces and their
  services, ministries and forces named in "military and security forces"
  (police and gendarmeries COP, intelligence services SPY, ministries GOV, armed
  forces MIL), political parties ("Name or ABBR" lines, PTY) and state
  broadcasters named in "broadcast media" (MED);
* PETRARCH2 Phoenix dictionaries (MIT; shared/peers/petrarch2/dictionaries):
  Phoenix.International.actors for IGOs and NGOs and their CAMEO codes,
  Phoenix.MilNonState.actors for armed non-state groups (REB).
Both scripts' inputs live under --sources and --petrarch (defaults beside the repository).

Codes.  Where a Phoenix dictionary lists an organisation (by a name or alias, compared
folded), its code is used: `code` holds it when it is not simply country + sector
(IGOWSTNAT, PSEREBHMS, IMGMUSALQ), otherwise `country`/`sector` carry it (GRCREB ->
GRC, REB).  Other organisations get country + sector and an empty code: IGOs sector
IGO with no country, NGOs NGO, and the Factbook sectors above.

Names.  Phoenix phrases are upper case: they are title-cased, small words lowered,
acronyms kept.  Only phrases that look like organisations are taken: a name must
contain an organisational word (ORG_WORDS: Organization, Front, Army, Party...) so
that the people and places the dictionaries also list stay out; a one-word phrase is
taken only as an acronym alias of a longer name.  Phoenix's multinational companies
(MNC) are not taken: their case cannot be recovered from upper case reliably and
they are outside political news.  A parenthesised acronym in a name becomes an alias
("ANIMAL_LIBERATION_FRONT_(ALF)_").  British and American spellings of
Organisation/Organization, Defence/Defense, Centre/Center and Labour/Labor are
added as aliases.  Generic Factbook units ("Navy", "Ground Forces") are named
after their state ("Turkish Navy") or their parent ("IRGC Navy"); ministries are
named "Ministry of Interior (Iran)", in the style of organisations.tsv, with
"Iranian Ministry of Interior" and "Iranian Interior Ministry" as aliases.

Rules.  organisations.tsv (curated) wins: an organisation whose name or a non-acronym
alias is already there is skipped (the count is printed); an acronym that is there
is dropped.  An acronym alias needs at least two capital letters; one that equals a
name in states.tsv, places.tsv, people files or organisations.tsv is dropped, and
one that two generated organisations share is marked ambiguous in both.  No alias
is all lower case, and a one-word alias that is a common English word
(COMMON_WORDS) is dropped; a one-word name that is one is marked ambiguous.  Two
generated organisations with the same name stay apart: each is renamed
"Name (Country)" and keeps "Name" as an ambiguous alias.  The IGO file is built
first and wins over the generated one.

Run order: this script, then tools/gen_people.py (which avoids the organisations'
names).  Exit status: 0 when both files were written; 1 when a check fails (tabs,
newlines or pipes in values, malformed codes or dates, empty names, a string that
two entries of any gazetteer file claim without both marking it ambiguous); 2 when
a source is not as expected.  Nothing is written unless every check passes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True   # no __pycache__ in tools/ from importing the people generator
from gen_people import (  # noqa: E402  (the shared helpers of the people generator)
    Claim, GazRow, check_claims, check_values, claims_of, read_gazetteer,
)
from textkeys import fold, is_latin, tidy  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPO_ROOT.parent / "shared" / "data" / "gazetteer-sources"
DEFAULT_PETRARCH = REPO_ROOT.parent / "shared" / "peers" / "petrarch2" / "dictionaries"
GAZETTEERS = REPO_ROOT / "gazetteers"
IGO_OUT = "organisations-igo.tsv"
GEN_OUT = "organisations-generated.tsv"
# Files whose names this script's output must not take over, but which it does not read for
# decisions: they are generated after it (see the run order in the docstring).
LATER_FILES = {"people-generated.tsv"}

HEADER = ("type", "name", "aliases", "country", "sector", "code", "role", "from", "to", "ambiguous")


class GenerationError(Exception):
    """A source is not as this script expects."""


# The states whose Factbook forces, parties and broadcasters are taken: the most-reported
# states in international news (a judgement of the gazette authors, about 75 states).
FACTBOOK_STATES = frozenset("""
    USA RUS CHN GBR FRA DEU UKR ISR IRN PSE SYR IRQ TUR SAU ARE QAT EGY JOR LBN YEM AFG PAK
    IND JPN KOR PRK TWN AUS CAN BRA MEX ARG VEN COL NGA ZAF ETH SDN SSD SOM KEN LBY MLI NER
    BFA TCD DZA MAR TUN POL ITA ESP NLD BEL SWE FIN NOR GEO ARM AZE BLR SRB HUN KAZ IDN PHL
    VNM MMR BGD THA MYS ALB CUB KWT OMN BHR GRC CYP ROU MDA XKX
""".split())

# Words that mark a phrase as an organisation (upper case, as in the Phoenix files).
ORG_WORDS = re.compile(r"\b(?:" + "|".join("""
    ORGANI[SZ]ATIONS? ASSOCIATIONS? FOUNDATIONS? COUNCIL COMMITTEES? INSTITUTES? INSTITUTION
    SOCIETY FUNDS? LEAGUE UNION NETWORK ALLIANCE FEDERATION CENT(?:ER|RE)S? AGENCY WATCH RELIEF
    SERVICES? MISSION CAMPAIGN COALITION TRUST BANK COMMISSION PROGRAMM?E? FORUM GROUP MOVEMENT
    PARTNERS(?:HIP)? FRONTIERES CROSS CRESCENT INTERNATIONAL COMMUNITY CONFERENCE COURT TRIBUNAL
    SECRETARIAT PARLIAMENT ASSEMBLY AUTHORITY OFFICE BUREAU INITIATIVE ACADEMY CHURCH
    ARMY FRONT BRIGADES? FORCES? PARTY MILITIA LIBERATION RESISTANCE JIHAD MUJAHID(?:EE|I)N
    HARAKAT HARKAT JAMAAT JAMA'?AH? JAYSH JAISH KATA'?IB SARAYA HIZB(?:UL)? LASHKAR TEHRIK TAHRIR
    ANSAR CELLS? NUCLEI NUCLEUS COMMANDOS? GUERRILL?AS? FACTION BATTALIONS? TIGERS
    ORGANIZATION REVOLUTIONARY\\ ARMED AL-QA'?IDA AL-QAEDA TALIBAN TALEBAN
""".split()) + r")\b")

# Acronyms that keep their capitals inside title-cased Phoenix names.
KNOWN_ACRONYMS = {"UN", "US", "USA", "EU", "NATO", "UK", "ASEAN", "OPEC", "NGO", "AIDS", "HIV", "ICRC",
                  "UNESCO", "UNICEF", "WHO", "IMF", "OSCE", "ECOWAS", "SADC", "IGAD", "CIS", "BBC",
                  "CNN", "PKK", "ETA", "IRA", "FARC", "ELN", "LTTE", "MEND", "IRC", "UNHCR", "UNDP",
                  "UNFPA", "OAS", "IAEA", "ICC", "ICJ", "ILO", "FAO", "WFP", "WTO", "OECD", "AU"}
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "des", "du", "la", "le", "les", "el",
               "y", "e", "et", "to", "at", "by", "a", "an", "da", "di", "del", "della", "dos", "das",
               "do", "von", "van", "der", "fi", "li", "wa", "al", "ul", "ud", "un", "e-", "i"}

# One-word strings that are ordinary English words: never a one-word alias; marked
# ambiguous as a one-word name (a party called "Renaissance").
COMMON_WORDS = frozenset("""
    act action advance agency aid aim alliance alternative arc army art assembly authority bank
    bloc blue bureau can cap care center centre change chance choice citizens civic coalition
    commission committee common community congress conservatives council country courage court
    dare democracy democrats development dignity direction dream ear ecology empire energy ensemble
    equality era fairness family fatherland federation fire force forces forward freedom front
    fund future generation green greens group guard harmony heritage home homeland hope horizons
    ice independence independents initiative justice labor labour land law lead league left liberals
    liberty life light map march may mine mission motherland movement nation national nations
    network new now office one order pact party patriots peace people peoples pep police power
    progress rebirth reform renaissance renew renewal republic republicans resistance rest revival
    right rise run save sea security service set socialists society solidarity sovereignty spring
    star sun tigers together top trust truth union unity use victory vision voice war watch way
    win wings yes youth commons confederation independent immigration militia nationals spartans
    transformers good citizen patriot patriotic conservative liberal democrat socialist republican
    green moderates moderate centre center left right reform
""".split()) | frozenset(
    # Short words that an acronym may spell in an all-caps headline ("IN", "SAN", "PA"):
    # English, and the articles and prepositions of the Romance and Germanic languages.
    """
    a an as at be by do go he if in is it me my no of on or so to up us we ok pa pm tv st mr
    la le el lo los las les de des del da das dos du di il un una y e et en con por sin sur par
    pour san die der und mit von zu am im ab al ai
    the and for are but not you all any can had her was one our out day get has him his how man
    new now old see two way who did its let put say she too use war law act aid air art bad big
    car cut end far few fly god gun hot job key low map net oil own pay red run sea set sir six
    sky son sun tax ten top try van win yes yet age ago arm ask bag bed bit box buy cat cry dog
    dry ear eat egg eye fan fat fix fun gas hat ice ill joy kid lab lay leg lie mad mix mud nor
    odd pan pen pet pie pin pop pot raw rid row sad saw sex sin sit ski tea tie tip ton toy wet
    won zoo bar bat bay bet bow bus cap cow dam den due dot era fee fit fog gap hit hub hug ink
    inn jam jet kit lap lid log lot max mob nap nut oak pad pal pea pig pit pub rag ram rat ray
    rib rob rod rug sap spa spy sub sum tab tag tan tap tin tub vet via web wig zip ace add ant
    ape apt arc ash axe ban bee bid bin bud bug cab cod cog cop cot cub cue cup dad dew dig dim
    don dub eel elf elk elm emu fig fin fir foe fox fry gem gin gut guy gym ham hay hen hid hog
    hum hut ion ivy jar jaw jay jog keg kin lad lag led lit mat men met mid mop nag nil nod nun
    oar oat ode ore owe owl pat peg per ply pod pun pup rap rep rim rip rot rum rye sag sly sod
    sow soy tar tee tow urn vat vow wax wed wok yam yen zen ten hey hi oh
    """.split())

# Factbook unit names that need their state's or parent's name in front.
GENERIC_UNITS = re.compile(
    r"^(?:Army|Navy|Air Force|Air Forces|Ground Forces|Land Forces|Naval Forces|Naval Force|"
    r"Marines|Marine Corps|Coast Guard|National Guard|Air Defense Forces|Air Defence Forces|"
    r"Air Defense|Special Forces|Special Operations Forces|Aerospace Forces?|Space Force|"
    r"Air and Space Force|Rocket Force|Strategic Rocket Forces|Airborne Forces|Border Guards?|"
    r"Gendarmerie|National Gendarmerie|National Police|Police|Federal Police|Republican Guard|"
    r"Presidential Guard|Territorial Defense Forces|Air Assault Forces|Unmanned Systems Forces|"
    r"Cyber Command|Cyber Electronic Command|Civil Defense|Civil Police|Reserve Force|Reserves)$")

# The word that names a state's services where its demonym does not ("US Navy").
UNIT_PREFIX = {"USA": "US", "GBR": "British", "KOR": "South Korean", "PRK": "North Korean"}

# Factbook strings that are not organisations, or that name one the curated file has under
# another name; compared folded.
FACTBOOK_DROP = {
    "the military forces of iran are divided between the islamic republic of iran regular forces",
}


# ---------------------------------------------------------------- model

@dataclass
class Org:
    name: str
    sector: str
    country: str = ""
    bare: str = ""              # a ministry's name before "(Country)" was added
    code: str = ""
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    origin: str = ""            # where it came from, for messages
    renamed_from: str = ""

    def names(self) -> list[str]:
        return [self.name] + self.aliases + self.acronyms


def is_acronym(text: str) -> bool:
    """An abbreviation as news prints it: one word, at least two capitals, mostly capitals."""
    if " " in text or len(text) > 12:
        return False
    caps = sum(1 for c in text if c.isupper())
    letters = sum(1 for c in text if c.isalpha())
    return caps >= 2 and caps * 2 >= letters


def usable(text: str) -> bool:
    """Whether the matcher can use a string as a name (Latin script, no list separators)."""
    if not text or len(text) < 2 or not is_latin(text):
        return False
    if re.search(r"[|\t\n;\[\]{}<>\"+/]", text) or text.endswith(("'s", "'")):
        return False
    # Capitalised phrases of several words match only all-caps text; acronyms are one word.
    if " " in text and text.isupper():
        return False
    return any(c.isupper() for c in text[:1]) or text[:1].isdigit()


def spelling_variants(name: str) -> list[str]:
    """British and American forms of the same name."""
    out = []
    for a, b in (("Organisation", "Organization"), ("Defence", "Defense"), ("Centre", "Center"),
                 ("Labour", "Labor"), ("Programme", "Program")):
        if a in name:
            out.append(name.replace(a, b))
        elif b in name:
            out.append(name.replace(b, a))
    return out


def compact(text: str) -> str:
    """A key that British and American spellings, spaces and punctuation do not change."""
    key = fold(text)
    for a, b in (("organisation", "organization"), ("centre", "center"), ("defence", "defense"),
                 ("programme", "program"), ("labour", "labor"), ("co-operation", "cooperation")):
        key = key.replace(a, b)
    key = re.sub(r"\bthe\b", "", key)
    return re.sub(r"[^a-z0-9]", "", key)


# Phoenix phrases that describe a kind of body rather than name one (compared by compact()).
PHOENIX_DROP = {"internationalgovernmentorganization", "unmission", "unbodies"}


def add_alias(org: Org, text: str) -> None:
    text = tidy(text).strip(" ,.-–")
    if not usable(text):
        return
    if is_acronym(text):
        if fold(text) not in {fold(a) for a in org.acronyms} and fold(text) != fold(org.name):
            org.acronyms.append(text)
        return
    if len(text.split()) == 1 and text.lower() in COMMON_WORDS:
        return
    if fold(text) not in {fold(n) for n in org.names()}:
        org.aliases.append(text)


# ---------------------------------------------------------------- supraverden (IGO file)

def read_supraverden(path: Path, notes: dict[str, int]) -> list[Org]:
    orgs = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        name = tidy(rec.get("Name_en") or rec.get("key") or "")
        if not name:
            raise GenerationError(f"supraverden {rec.get('SPRVD_id')}: no English name")
        if not usable(name):
            # "e-Science and Technology European Infrastructure...": a lower-case name would
            # match any case; its capitalised aliases are still usable.
            others = [tidy(rec.get(k) or "") for k in ("key", "Name_other_en", "Abbreviation_en")]
            name = next((o for o in others if usable(o) and not is_acronym(o)), "")
            if not name:
                notes["supraverden entries without a usable name, skipped"] = \
                    notes.get("supraverden entries without a usable name, skipped", 0) + 1
                continue
        org = Org(name, "IGO", origin=f"supraverden {rec.get('SPRVD_id')}")
        for key in sorted(rec):
            value = rec[key]
            if not isinstance(value, str) or not value.strip():
                continue
            if key == "key" or (key.startswith("Name_") and key.endswith("_en") and key != "Name_en"):
                add_alias(org, value)
            elif key.startswith("Abbreviation_") and key in ("Abbreviation_en", "Abbreviation_other_en",
                                                               "Abbreviation_other_2_en", "Abbreviation_former_en",
                                                               "Abbreviation_fr", "Abbreviation_es"):
                for part in re.split(r"[,/]| or ", value):
                    part = tidy(part)
                    if is_acronym(part):
                        add_alias(org, part)
        for variant in spelling_variants(name) + [v for a in list(org.aliases) for v in spelling_variants(a)]:
            add_alias(org, variant)
        orgs.append(org)
    return orgs


# ---------------------------------------------------------------- Phoenix dictionaries

@dataclass
class Phrase:
    primary: str
    synonyms: list[str]
    codes: list[str]         # undated codes, first first
    dated: bool              # some code is limited by date (people usually are)
    section: str
    line: int


def read_phoenix(path: Path) -> list[Phrase]:
    """Entries of a Phoenix actor file (format: shared/peers/petrarch2/README.md, section 2)."""
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
    entries: list[Phrase] = []
    section = ""
    current: Phrase | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#####"):
            section = raw.strip("# ").strip()
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        phrase = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw[:1] in "\t " and not phrase:
            if current:
                add_codes(current, codes)
            continue
        if phrase.startswith("+"):
            if current:
                current.synonyms.append(phrase[1:].strip())
                add_codes(current, codes)
            continue
        current = Phrase(phrase, [], [], False, section, lineno)
        add_codes(current, codes)
        entries.append(current)
    return entries


def add_codes(entry: Phrase, codes: list[str]) -> None:
    for code in codes:
        parts = code.split()
        if not parts:
            continue
        if len(parts) > 1:
            entry.dated = True
            continue
        c = parts[0].strip()
        if re.fullmatch(r"(?:[A-Z0-9]{3})+", c) and c not in entry.codes:
            entry.codes.append(c)


def phoenix_words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_ ]+", phrase.strip("_ ").replace("__", "_")) if w]


def phoenix_title(phrase: str) -> tuple[str, list[str]]:
    """Title case for an upper-case Phoenix phrase, and the acronyms in its brackets."""
    acronyms = []
    def grab(m: re.Match) -> str:
        inner = m.group(1).replace("_", " ").strip()
        if re.fullmatch(r"[A-Z][A-Z0-9&/-]{1,9}", inner):
            acronyms.append(inner)
        return " "
    phrase = re.sub(r"\(([^)]*)\)", grab, phrase)
    words = phoenix_words(phrase)
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if w in KNOWN_ACRONYMS or (len(w) <= 4 and not re.search(r"[AEIOUY]", w) and w.isalpha()):
            out.append(w)
        elif i > 0 and lw in SMALL_WORDS:
            out.append(lw)
        else:
            pieces = re.split(r"([-'’/])", lw)
            fixed = []
            for j, p in enumerate(pieces):
                if p in ("al", "el") and j + 1 < len(pieces) and pieces[j + 1] == "-" and (i > 0 or j > 0):
                    fixed.append(p)
                elif p and p not in "-'’/" and not (j > 0 and pieces[j - 1] in "'’" and p in ("s", "t")):
                    fixed.append(p[:1].upper() + p[1:])
                else:
                    fixed.append(p)
            out.append("".join(fixed))
    return " ".join(out), acronyms


def code_fields(code: str, scope: set[str], default_sector: str) -> tuple[str, str, str]:
    """(country, sector, code) for a Phoenix code: GRCREB -> (GRC, REB, '')."""
    groups = [code[i:i + 3] for i in range(0, len(code), 3)]
    if groups and groups[0] in scope:
        country = groups[0]
        sector = groups[1] if len(groups) > 1 else ""
        if len(groups) <= 2:
            return country, sector or default_sector, ""
        return country, sector or default_sector, code
    sector = default_sector
    return "", sector, code if code != sector else ""


def phoenix_orgs(entries: list[Phrase], scope: set[str], kind: str, notes: dict[str, int]) -> list[Org]:
    orgs = []
    for e in entries:
        if kind == "international" and e.section.startswith("Multinational"):
            continue
        code = e.codes[0] if e.codes else ""
        if kind == "international":
            if not code.startswith(("IGO", "NGO")) or code.startswith(("IGOUSA",)):
                continue
            sector = code[:3]
        else:
            sector = "REB"
        names = [e.primary] + e.synonyms
        org: Org | None = None
        for phrase in names:
            title, bracket_acronyms = phoenix_title(phrase)
            upper = phrase.upper()
            if not ORG_WORDS.search(upper.replace("_", " ")) or len(title.split()) < 2:
                # One word: an acronym of the entry ("ETA_"), else not taken.
                words = phoenix_words(re.sub(r"\([^)]*\)", "", phrase))
                if org is not None and len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]):
                    add_alias(org, words[0])
                continue
            if not usable(title):
                continue
            if org is None:
                country, sec, c = code_fields(code, scope, sector) if code else ("", sector, "")
                org = Org(title, sec, country, c, origin=f"{kind} line {e.line}")
            else:
                add_alias(org, title)
            for a in bracket_acronyms:
                add_alias(org, a)
        if org is not None and compact(org.name) in PHOENIX_DROP:
            org = None
        if org is None:
            notes["Phoenix entries that are not organisations (people, places, one-word phrases)"] = \
                notes.get("Phoenix entries that are not organisations (people, places, one-word phrases)", 0) + 1
            continue
        for variant in spelling_variants(org.name):
            add_alias(org, variant)
        orgs.append(org)
    return orgs


# ---------------------------------------------------------------- Factbook organisations

def split_top(text: str, seps: str) -> list[str]:
    """Split at separators that are not inside brackets."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def brackets(text: str) -> tuple[str, list[str]]:
    """The text outside top-level brackets and the contents of each; an unclosed bracket runs
    to the end (the Factbook has a few)."""
    outside, inside, depth, cur = "", [], 0, ""
    for ch in text:
        if ch in "([":
            if depth == 0:
                cur = ""
            else:
                cur += ch
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                inside.append(cur)
            else:
                cur += ch
        elif depth:
            cur += ch
        else:
            outside += ch
    if depth:
        inside.append(cur)
    return outside, inside


def parse_item(text: str) -> tuple[str, list[str]]:
    """ "Islamic Revolutionary Guard Corps (IRGC or Sepah)" -> (name, [alternatives])."""
    text = re.sub(r"\(\d{4}\)\s*$", "", text).strip()
    name, inner = brackets(text)
    alts: list[str] = []
    for content in inner:
        for clause in split_top(content, ";"):
            # "(includes X, Y)" lists other bodies, "(formerly X)" an old name: neither is this one.
            if re.match(r"^\s*(?:includes?|including|formerly|commonly|established|created|part of|"
                        r"under|see|known|controls|for the period|alliance|electoral|two branches)",
                        clause, re.I):
                continue
            for part in split_top(clause, ","):
                for piece in re.split(r"\s+or\s+|\baka\b", part):
                    piece = piece.strip()
                    # "Army National Guard and Air National Guard" lists parts, it does not rename.
                    if (piece and piece[0].isupper() and "(" not in piece and ")" not in piece
                            and not (" and " in piece and " and " not in name)):
                        alts.append(piece)
    name = re.sub(r"^(?:the|and|aka)\s+", "", name.strip(" .,;"), flags=re.I).strip()
    return tidy(name), [tidy(a) for a in alts]


def sector_of(name: str, parent_sector: str) -> str:
    low = name.lower()
    if re.search(r"intelligence|security service|state security|secret service|counterintelligence|"
                 r"security organization|security agency|federal security|security bureau|"
                 r"committee for national security|national security committee", low):
        return "SPY"
    if re.search(r"police|gendarmer|law enforcement|constabulary|border guard|border police|"
                 r"border service|carabinieri|guardia civil|civil guard|internal security forces|rangers|"
                 r"frontier corps", low) and not low.startswith("ministry"):
        return "COP"
    if re.search(r"\bministry\b|\bdepartment\b", low):
        return "GOV"
    return parent_sector or "MIL"


def factbook_security(iso3: str, text: str, demonym: str, country: str) -> list[Org]:
    orgs: list[Org] = []
    text = re.sub(r"\(\d{4}\)", "", text)
    for clause in [c for line in text.split("\n") for c in split_top(line, ";")]:
        clause = clause.strip()
        if not clause or clause[0].islower():
            continue
        parent_text, _, children_text = clause.partition(":")
        if not children_text:
            parent_text, children_text = "", parent_text
            children_text = children_text if "," in children_text else children_text
        parent_name, parent_alts = parse_item(parent_text)
        parent: Org | None = None
        if parent_name and len(parent_name.split()) <= 12:
            parent = make_unit(iso3, parent_name, parent_alts, None, demonym, country)
            if parent:
                orgs.append(parent)
            elif is_acronym(parent_name):
                # "IRGC: Ground Forces, Navy": the parent is named elsewhere; it names its units.
                parent = Org(parent_name, "MIL", iso3, origin="label")
        for child in split_top(children_text, ","):
            child = re.sub(r"^(?:separate or independent troop branches include|includes?)\s+(?:the\s+)?", "",
                           child, flags=re.I)
            name, alts = parse_item(child)
            if not name:
                continue
            org = make_unit(iso3, name, alts, parent, demonym, country)
            if org:
                orgs.append(org)
    return orgs


def make_unit(iso3: str, name: str, alts: list[str], parent: Org | None, demonym: str,
              country: str) -> Org | None:
    name = re.sub(r"\s+", " ", name).strip(" .,;")
    if not name or not name[0].isupper() or fold(name) in FACTBOOK_DROP or len(name.split()) > 12:
        return None
    if re.search(r"\b(?:is|are|was|were|has|have|maintains|operates|report|ostensibly)\b", name):
        return None
    if is_acronym(name) and parent is None:
        return None
    if len(name.split()) == 1 and name.lower() in COMMON_WORDS and not GENERIC_UNITS.match(name):
        return None     # "Immigration", "Militia": a word of the text, not a body's name
    parent_sector = parent.sector if parent else ""
    if parent and parent.sector == "GOV":
        parent_sector = ""   # a ministry's forces take their own sector
    sector = sector_of(name, parent_sector if parent_sector in ("MIL", "COP", "SPY") else "")
    display = name
    extra: list[str] = []
    if GENERIC_UNITS.match(name):
        # A parent that is one word ("Artesh", "IRGC") names its own services ("IRGC Navy");
        # the services of the national armed forces take the state's adjective ("Turkish Navy").
        if parent and len(parent.name.split()) == 1 and parent.sector != "GOV":
            display = f"{parent.name} {name}"
        else:
            display = f"{demonym} {name}"
    elif re.match(r"^(?:Ministry|Department) of ", name):
        display = f"{name} ({country})"
        extra.append(f"{demonym} {name}")
        m = re.match(r"^Ministry of (?:the )?([A-Z][\w ]+?)$", name)
        if m and len(m.group(1).split()) <= 2:
            extra.append(f"{demonym} {m.group(1)} Ministry")
    org = Org(display, sector, iso3, bare=name, origin=f"factbook {iso3} forces")
    for a in alts + extra:
        if a.lower().startswith(("aka ", "also ")):
            a = a.split(" ", 1)[1]
        if GENERIC_UNITS.match(a):
            continue
        add_alias(org, a)
    if display != name and not GENERIC_UNITS.match(name) and not name.startswith(("Ministry", "Department")):
        add_alias(org, name)
    return org


def factbook_parties(iso3: str, text: str) -> list[Org]:
    orgs = []
    for line in text.splitlines():
        line = tidy(line)
        if not line or line.endswith(":") or line[0].islower():
            continue
        # "Labor (Labour) Party": the bracketed word is a spelling of the word before it.
        variants = []
        m = re.search(r"(\w+) \((\w+)\)", line)
        if m and m.group(1)[:3].lower() == m.group(2)[:3].lower():
            variants.append(line.replace(m.group(0), m.group(2)))
            line = line.replace(m.group(0), m.group(1))
        parts = [p.strip() for p in re.split(r"\s+or\s+", line) if p.strip()]
        name, alts = parse_item(parts[0])
        if not name or not usable(name):
            continue
        org = Org(name, "PTY", iso3, origin=f"factbook {iso3} parties")
        for a in alts + parts[1:] + variants:
            a_name, a_alts = parse_item(a)
            for x in [a_name] + a_alts:
                if x and not re.match(r"^(?:Northern Ireland|Scotland|Wales|England)$", x):
                    add_alias(org, x)
        if len(name.split()) == 1 and name.lower() in COMMON_WORDS and not GENERIC_UNITS.match(name):
            org.ambiguous.append(name)
        orgs.append(org)
    return orgs


_BROADCAST = re.compile(
    r"((?:[A-Z][\w'’.&-]*|of|the|and|de|du|la|for)(?: (?:[A-Z][\w'’.&-]*|of|the|and|de|du|la|for))*)"
    r"(?: \(([^)]*)\))?")
_BROADCAST_WORDS = re.compile(r"Broadcasting|Broadcaster|Radio|Television|\bTV\b|Radiotelevision|"
                              r"Radiodiffusion|Telev|News Agency|Media Corporation")


def factbook_broadcasters(iso3: str, text: str) -> list[Org]:
    orgs = []
    for m in _BROADCAST.finditer(text):
        name = re.sub(r"^(?:The|State|Public|State-run|State-owned)\s+", "", m.group(1)).strip()
        name = re.sub(r"\s+(?:of|the|and|de|du|la|for)$", "", name)
        if len(name.split()) < 2 or not _BROADCAST_WORDS.search(name) or not usable(name):
            continue
        # "Arab TV", "Armenian TV": a description, not a broadcaster's name.
        if not m.group(2) and not re.search(r"Broadcasting|Corporation|Company|Radio and Television|"
                                            r"Radiotelevision|Radiodiffusion|Internationale|Agency|Network",
                                            name):
            continue
        org = Org(name, "MED", iso3, origin=f"factbook {iso3} broadcast media")
        for alt in re.split(r",| or ", m.group(2) or ""):
            alt = tidy(alt)
            if alt:
                add_alias(org, alt)
        orgs.append(org)
    return orgs


def factbook_orgs(path: Path, states: dict[str, tuple[str, str]], notes: dict[str, int]) -> list[Org]:
    orgs: list[Org] = []
    covered = set()
    for rec in json.loads(path.read_text(encoding="utf-8")):
        iso3 = rec.get("iso3")
        if iso3 not in FACTBOOK_STATES or iso3 not in states:
            continue
        country, demonym = states[iso3]
        adjective = re.split(r",| or |\(", (rec.get("nationality") or {}).get("adjective") or "")[0].strip()
        demonym = UNIT_PREFIX.get(iso3) or (adjective if usable(adjective) else demonym)
        found = []
        found += factbook_security(iso3, rec.get("military_and_security_forces") or "", demonym, country)
        found += factbook_parties(iso3, rec.get("political_parties") or "")
        found += factbook_broadcasters(iso3, rec.get("broadcast_media") or "")
        if any(o.sector == "MIL" for o in found):
            covered.add(iso3)
        orgs += found
    missing = sorted(FACTBOOK_STATES - covered)
    notes["FACTBOOK_STATES with armed forces found"] = len(covered)
    if missing:
        notes["FACTBOOK_STATES without armed forces in the Factbook text: " + " ".join(missing)] = len(missing)
    return orgs


# ---------------------------------------------------------------- resolution

def dedupe(orgs: list[Org]) -> list[Org]:
    """Organisations of one source with the same name and country become one."""
    out: dict[tuple[str, str], Org] = {}
    for org in orgs:
        key = (compact(org.name), org.country)
        if key in out:
            keep = out[key]
            for a in org.aliases + org.acronyms:
                add_alias(keep, a)
            if not keep.code and org.code:
                keep.code = org.code
        else:
            out[key] = org
    return list(out.values())


def resolve(igo: list[Org], gen: list[Org], ctx_claims: list[Claim], curated: list[GazRow],
            phoenix_index: dict[str, tuple[str, str, str]], notes: dict[str, int]) -> None:
    """Applies the rules of the module docstring to both lists, in place."""
    curated_keys = {fold(n) for r in curated for n in [r.name] + r.list("aliases")}
    curated_acronyms = {k for k in curated_keys}
    curated_compact = {compact(n) for r in curated for n in [r.name] + r.list("aliases")
                       if not is_acronym(n)}
    igo_compact: set[str] = set()
    curated_acr_country = {(fold(n), r.fields.get("country", "")) for r in curated
                           for n in [r.name] + r.list("aliases") if is_acronym(n)}
    other: dict[str, Claim] = {}
    for c in ctx_claims:
        other.setdefault(fold(c.text), c)

    def count(what: str) -> None:
        notes[what] = notes.get(what, 0) + 1

    # Phoenix codes for IGO-file entries, matched by full names only: acronyms are too
    # ambiguous to carry a code (ICC is a court and a chamber of commerce).
    for org in igo:
        for n in [org.name] + org.aliases:
            hit = phoenix_index.get(fold(n))
            if hit and hit[2].startswith("IGO"):
                org.code = hit[2] if hit[2] != "IGO" else ""
                count("IGO-file entries given a Phoenix code")
                break

    kept_igo, kept_gen = [], []
    igo_keys: set[str] = set()
    for source, kept in ((igo, kept_igo), (gen, kept_gen)):
        for org in sorted(source, key=lambda o: (fold(o.name), o.country, o.origin)):
            full_names = [org.name] + org.aliases + ([org.bare] if org.bare else [])
            if any(fold(n) in curated_keys or compact(n) in curated_compact for n in full_names):
                count("organisations skipped: already in organisations.tsv (curated wins)")
                continue
            # An acronym that a curated organisation of the same country has names that one
            # ("Federal Security Services (FSB)" is the curated Federal Security Service).
            if org.country and any((fold(a), org.country) in curated_acr_country for a in org.acronyms):
                count("organisations skipped: already in organisations.tsv (curated wins)")
                continue
            if source is gen and any(fold(n) in igo_keys or compact(n) in igo_compact for n in full_names):
                count("organisations skipped: already in the IGO file")
                continue
            if fold(org.name) in other and other[fold(org.name)].kind != "organisation":
                c = other[fold(org.name)]
                if c.kind in ("state", "place"):
                    count("organisations skipped: the name is a state or place")
                    continue
            aliases = []
            for a in org.aliases:
                if fold(a) in other or fold(a) in curated_keys:
                    count("aliases dropped: another file's name")
                else:
                    aliases.append(a)
            org.aliases = aliases
            acr = []
            for a in org.acronyms:
                if fold(a) in curated_acronyms or fold(a) in other:
                    count("acronyms dropped: a state, place, person or curated organisation has them")
                    continue
                acr.append(a)
            org.acronyms = acr
            if source is igo:
                igo_keys.update(fold(n) for n in [org.name] + org.aliases)
                igo_compact.update(compact(n) for n in [org.name] + org.aliases)
            kept.append(org)
    igo[:] = kept_igo
    gen[:] = kept_gen

    everything = igo + gen
    # Same canonical name twice: keep both apart under "Name (Country)".
    by_name: dict[str, list[Org]] = {}
    for org in everything:
        by_name.setdefault(fold(org.name), []).append(org)
    for key, group in by_name.items():
        if len(group) < 2:
            continue
        for org in group:
            if org.country:
                base = org.name
                org.name = f"{base} ({COUNTRY_NAMES.get(org.country, org.country)})"
                org.aliases.insert(0, base)
                org.ambiguous.append(base)
                count("organisations renamed 'Name (Country)': the name is another's too")
    # Strings two generated organisations share: ambiguous in both (acronyms and names alike).
    owners: dict[str, list[Org]] = {}
    for org in everything:
        for n in org.names():
            owners.setdefault(fold(n), []).append(org)
    for key, group in owners.items():
        ids = {id(o) for o in group}
        if len(ids) < 2:
            continue
        for org in group:
            for n in org.names():
                if fold(n) == key and n not in org.ambiguous:
                    org.ambiguous.append(n)
        count("names or acronyms shared by generated organisations, marked ambiguous")
    for org in everything:
        for a in org.acronyms:
            if a.lower() in COMMON_WORDS and a not in org.ambiguous:
                org.ambiguous.append(a)


COUNTRY_NAMES: dict[str, str] = {}


# ---------------------------------------------------------------- output

IGO_HEADER = """\
# organisations-igo.tsv: intergovernmental organisations and bodies.
# GENERATED by tools/gen_organisations.py -- do not edit by hand; change the script and run
#   python3 tools/gen_organisations.py
#
# LICENCE: this file is licensed under the Creative Commons Attribution-ShareAlike 4.0
# International licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/),
# because it is adapted from Supraverden. Keep it a separate file under that licence.
# ATTRIBUTION: names and abbreviations from Supraverden (github.com/confirmordeny/supraverden,
# data/general_list.yaml, commit 59ab4fa0f92f3c75bb45e230908e612f15e8dbdf, 2026-06-24),
# licensed CC BY-SA 4.0; names originate partly from Wikidata (CC0). Changes: entries already
# in organisations.tsv removed, spelling variants added, acronyms filtered, CAMEO codes added
# from the PETRARCH2 Phoenix dictionaries (MIT, Copyright (c) 2014 Open Event Data)
# where they list the organisation.
"""

GEN_HEADER = """\
# organisations-generated.tsv: armed forces, security services, parties, state broadcasters,
# IGOs, NGOs and armed groups.
# GENERATED by tools/gen_organisations.py -- do not edit by hand; change the script and run
#   python3 tools/gen_organisations.py
# Organisations in organisations.tsv (curated) and organisations-igo.tsv are left out.
# Sources (see the docstring of tools/gen_organisations.py for the rules):
#   CIA World Factbook 2025 (public domain, US Government work): military and security
#     forces, political parties and broadcasters of the states in FACTBOOK_STATES.
#   PETRARCH2 Phoenix dictionaries, openeventdata/petrarch2 commit 676801cd (MIT;
#     Copyright (c) 2014 Open Event Data): Phoenix.International.actors (IGOs, NGOs
#     and their CAMEO codes) and Phoenix.MilNonState.actors (armed groups, from the START
#     TOPS database via Penn State's 2013 coding project).
"""


def rows_of(orgs: list[Org]) -> list[list[str]]:
    rows = []
    for org in sorted(orgs, key=lambda o: (fold(o.name), o.name, o.country)):
        aliases = org.aliases + org.acronyms
        rows.append(["organisation", org.name, "|".join(aliases), org.country, org.sector, org.code,
                     "", "", "", "|".join(a for a in dict.fromkeys(org.ambiguous) if a in [org.name] + aliases)])
    return rows


def render(header: str, rows: list[list[str]]) -> str:
    return "\n".join([header.rstrip("\n"), "\t".join(HEADER)] + ["\t".join(r) for r in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--gazetteers", type=Path, default=GAZETTEERS,
                        help="folder of the gazetteer files, read and written (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    notes: dict[str, int] = {}
    try:
        files = {p.name: read_gazetteer(p) for p in sorted(args.gazetteers.glob("*.tsv"))
                 if p.name not in (IGO_OUT, GEN_OUT)}
        if "states.tsv" not in files or "organisations.tsv" not in files:
            raise GenerationError(f"{args.gazetteers} has no states.tsv or organisations.tsv")
        states = {}
        for r in files["states.tsv"]:
            iso3 = r.fields.get("country", "")
            demonyms = r.list("demonyms")
            states[iso3] = (r.name, demonyms[0] if demonyms else r.name)
            COUNTRY_NAMES[iso3] = r.name
        scope = set(states)
        decision_claims = [c for f, rs in files.items() if f not in LATER_FILES and f != "organisations.tsv"
                           for c in claims_of(rs)]
        igo = dedupe(read_supraverden(args.sources / "supraverden-international-organisations"
                                      / "international_organisations.json", notes))
        intl = read_phoenix(args.petrarch / "Phoenix.International.actors.txt")
        mns = read_phoenix(args.petrarch / "Phoenix.MilNonState.actors.txt")
        phoenix_index: dict[str, tuple[str, str, str]] = {}
        for e in intl + mns:
            if not e.codes or e.dated:
                continue
            for phrase in [e.primary] + e.synonyms:
                title, acr = phoenix_title(phrase)
                for n in [title] + acr:
                    phoenix_index.setdefault(fold(n), ("", "", e.codes[0]))
        gen = dedupe(factbook_orgs(args.sources / "cia-world-factbook-2025" / "factbook_extract.json",
                                   states, notes)
                     + phoenix_orgs(intl, scope, "international", notes)
                     + phoenix_orgs(mns, scope, "milnonstate", notes))
        # Factbook organisations that a Phoenix dictionary lists take its code.
        for org in gen:
            if org.origin.startswith("factbook"):
                for n in org.names():
                    hit = phoenix_index.get(fold(n))
                    if hit and not is_acronym(n):
                        org.country, org.sector, org.code = code_fields(hit[2], scope, org.sector)
                        notes["Factbook organisations given a Phoenix code"] = \
                            notes.get("Factbook organisations given a Phoenix code", 0) + 1
                        break
        resolve(igo, gen, decision_claims, files["organisations.tsv"], phoenix_index, notes)
    except (GenerationError, OSError, KeyError, json.JSONDecodeError) as err:
        print(f"gen_organisations: {err}", file=sys.stderr)
        return 2

    igo_rows, gen_rows = rows_of(igo), rows_of(gen)
    errors = check_values(IGO_OUT, igo_rows, HEADER) + check_values(GEN_OUT, gen_rows, HEADER)
    ours = claims_of([GazRow(IGO_OUT, n, r[0], r[1], dict(zip(HEADER, r))) for n, r in enumerate(igo_rows, 1)]
                     + [GazRow(GEN_OUT, n, r[0], r[1], dict(zip(HEADER, r))) for n, r in enumerate(gen_rows, 1)])
    all_claims = [c for rs in files.values() for c in claims_of(rs)] + ours
    claim_errors, warnings = check_claims(all_claims, {IGO_OUT, GEN_OUT})
    for e in claim_errors:
        if any(f in e for f in LATER_FILES):
            e += " (people-generated.tsv is older than this run: run tools/gen_people.py after this script)"
        errors.append(e)
    if errors:
        for e in errors:
            print(f"gen_organisations: {e}", file=sys.stderr)
        print(f"gen_organisations: {len(errors)} problem(s); nothing written", file=sys.stderr)
        return 1
    (args.gazetteers / IGO_OUT).write_bytes(render(IGO_HEADER, igo_rows).encode("utf-8"))
    (args.gazetteers / GEN_OUT).write_bytes(render(GEN_HEADER, gen_rows).encode("utf-8"))

    curated_n = len({r.name for r in files["organisations.tsv"] if r.kind == "organisation"})
    for label, rows in ((IGO_OUT, igo_rows), (GEN_OUT, gen_rows)):
        by_sector: dict[str, int] = {}
        for r in rows:
            by_sector[r[4]] = by_sector.get(r[4], 0) + 1
        print(f"gen_organisations: wrote {label}: {len(rows)} rows, {len(rows)} organisations; by sector: "
              + ", ".join(f"{k} {v}" for k, v in sorted(by_sector.items())), file=sys.stderr)
    print(f"gen_organisations: with the {curated_n} curated organisations: "
          f"{curated_n + len(igo_rows) + len(gen_rows)} in all", file=sys.stderr)
    for what, n in sorted(notes.items()):
        print(f"gen_organisations: {what}: {n}", file=sys.stderr)
    if args.verbose:
        for w in warnings:
            print(f"warning (other files): {w}", file=sys.stderr)
    elif warnings:
        print(f"gen_organisations: {len(warnings)} clash(es) between other gazetteer files "
              f"(not this script's; --verbose lists them)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
