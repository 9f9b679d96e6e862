#!/usr/bin/env python3
"""Generate gazetteers/states.tsv, gazette's list of states and territories.

What it reads (all under --sources, default ../shared/data/gazetteer-sources):

* cia-world-factbook-2025/factbook_extract.json (public domain): conventional long
  and short names, abbreviations, former names, nationality noun and adjective,
  capital.  Its ISO codes come from the GeoNames FIPS->ISO crosswalk (CC BY 4.0);
  they are only used here to link a Factbook record to its ISO alpha-3 code.
* opensanctions-rigour-territories/territories.json (MIT): ISO alpha-3 codes,
  English short and full names, and a reviewed handful of its "strong" names.
* openeventdata-text_to_CAMEO/countrynames.txt (MIT): CAMEO country codes and the
  ICEWS spelling of each name.
* opensanctions-countrynames/data.yaml (MIT): read only to report which hand-added
  strings no source attests; nothing from it reaches the output.

mledoze-countries is deliberately not read.  It is ODbL (share-alike), and the
Factbook already supplies demonyms and capitals, so using it would have bound the
file compiled into gazette to ODbL for little gain.

Which rows: the 193 UN member states, the 2 UN observer states (Holy See,
Palestine) and the territories in TERRITORIES: those the brief named (Taiwan,
Kosovo, Hong Kong, Macau, Puerto Rico, Greenland, Western Sahara, Gibraltar,
Guam, Bermuda, Cayman Islands, Faroes, Falklands, New Caledonia, French
Polynesia) plus other inhabited dependencies that are often in the news (the
Virgin Islands, Channel Islands, Isle of Man, French overseas departments,
Chagos...).  Entities without an ISO code (Northern Cyprus, Somaliland) are
left out.  Rows are keyed by ISO 3166-1 alpha-3 (Kosovo: XKX), sorted by name.

Choices, and why:

* Names.  The canonical name is the form English-language news uses (NEWS_NAMES),
  else the Factbook short form, else rigour's name.  The Factbook is a US
  government view ("Burma", "Holy See (Vatican City)"), so news forms override
  it where they differ; the official and other forms stay as aliases.
* Aliases.  Factbook long/short forms and abbreviations, rigour name and full name,
  and CAMEO spellings are taken automatically, after filtering out anything a
  whole-word, case-sensitive matcher would misuse: lowercase-only or
  lowercase-initial strings, non-Latin scripts, inverted "X, Republic of" forms,
  parentheses, digits, all-caps words longer than an acronym.  Former names and
  rigour's "strong" names are mostly foreign-language or obsolete, so only the
  strings listed in ACCEPT are taken from them.  DROP removes the few source
  strings that are wrong for news (misspellings, two-letter codes that clash
  with other uses, CAMEO rows that name a dependency under its parent's code);
  NOT_ALIASES keeps a string out of the aliases only.  Gaza, the West Bank and
  the Palestinian Authority are left to other gazetteers: they are places and a
  government, not the state.  EXTRA_ALIASES adds common news forms no source
  has in usable form ("Britain", "America", "U.K.").  Names that begin with
  "Saint" also get "St" and "St." forms, which news prefers.
* Demonyms are parsed from the Factbook nationality noun and adjective ("Iranian(s)"
  -> Iranian, Iranians).  Text the parser does not understand must be replaced
  in DEMONYMS, so that nothing odd slips through unseen.
* Capitals are parsed from the Factbook the same way, with CAPITALS replacing
  text that names several cities or carries notes.  Capitals stand for a
  government in news ("Tehran said"), so only cities used that way are kept: the
  seat of government where it differs from the official capital (Abidjan,
  Cotonou, Putrajaya), Jerusalem for Israel, Ramallah for the Palestinian
  Authority; not The Hague, Cape Town or Bloemfontein, whose mentions are mostly
  about courts, a parliament or the city.
* CAMEO code.  The `code` column holds the CAMEO country code only where it is not
  the ISO code (Kosovo KSV, Timor-Leste TMP, Greenland DNKGRL...).  A CAMEO row is
  linked to a state through its name, or else through the ISO code at the end
  of its own code.  Codes are taken as the file gives them, even where they look
  odd (Jersey GBR, Mayotte FRA, Isle of Man GBRIMY), since they are what
  CAMEO-coded data sets contain.
* Ambiguity.  AMBIGUOUS lists the names, demonyms and capitals that are also common
  words, person names or other places (Georgia, Jordan, Chad, Washington,
  Victoria, Kingston...).  A string that two rows claim is an error unless both
  rows list it as ambiguous (Congo, Congolese, Korean).  Bare "Korea" is left
  out, and "Dominican" goes to the Dominican Republic only.  Short all-caps
  abbreviations (US, UK) are not marked: the matcher's case rule keeps them
  apart from the words "us" and "uk"; "CAR" is marked because car headlines
  are common and the Central African Republic is rarely news.
* Each string appears once per row.  Spellings that differ only in accents,
  quote style or case count as one (the matcher folds them), keeping the
  accented form.  A string is kept in the first field it belongs to, in the
  order name, aliases, demonyms, capitals.

Exit status: 0 when the file was written; 1 when a check in check_rows() or the
UN coverage check fails; 2 when a source or a curated table is not as expected.
Nothing is written unless every check passes.  A coverage summary goes to
stderr; --verbose also lists notes about the sources and the hand-added
strings that no source attests.  The same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from textkeys import fold, is_latin, tidy

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPO_ROOT.parent / "shared" / "data" / "gazetteer-sources"
DEFAULT_OUT = REPO_ROOT / "gazetteers" / "states.tsv"

HEADER = ("type", "name", "aliases", "country", "code", "demonyms", "capitals", "ambiguous")

# The 193 UN member states, by ISO 3166-1 alpha-3 (a fact list used as the coverage check).
UN_MEMBERS = frozenset("""
    AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ
    BOL BRA BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE
    DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB
    GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ
    KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG
    MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU
    NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE
    SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN
    TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
""".split())

UN_OBSERVERS = frozenset({"VAT", "PSE"})

# Territories that news names as actors or places of government in their own right.
# Uninhabited ISO entries and the smallest dependencies are left out: their names
# would add collisions ("Christmas Island") for almost no mentions.  Turks and Caicos
# is in so that its name, not the demonym "Turks", wins the longest match.
TERRITORIES = frozenset("""
    TWN XKX HKG MAC PRI GRL ESH GIB GUM BMU CYM FRO FLK NCL PYF
    ASM VIR VGB MNP IMN JEY GGY ABW CUW COK IOT REU MYT GUF GLP MTQ TCA
""".split())

SCOPE = UN_MEMBERS | UN_OBSERVERS | TERRITORIES

# Canonical names where the news form differs from the Factbook short form.
NEWS_NAMES = {
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CPV": "Cape Verde",
    "CZE": "Czech Republic",
    "DOM": "Dominican Republic",
    "MMR": "Myanmar",
    "TLS": "East Timor",
    "VAT": "Vatican City",
    "VIR": "U.S. Virgin Islands",
}

# Strings accepted from the Factbook "former" names and rigour's names_strong, which
# are otherwise ignored: most of them are obsolete or not English.
ACCEPT = {
    "CIV": {"Ivory Coast"},
    "FLK": {"Islas Malvinas"},
    "IND": {"Bharat"},
    "IOT": {"BIOT"},
    "MAC": {"Macau", "Macao"},
    "MKD": {"Republic of Macedonia"},
    "MMR": {"Burma"},
    "NRU": {"Nauru", "Republic of Nauru"},
    "NZL": {"Aotearoa"},
    "PSE": {"Palestinian territories", "Palestinian Territory"},
    "REU": {"La Réunion"},
    "SWZ": {"Swaziland", "Kingdom of Swaziland"},
    "TLS": {"East Timor"},
    "TUR": {"Turkey", "Republic of Turkey", "Turkiye"},
    "TWN": {"Republic of China"},
    "USA": {"U.S.", "U.S.A."},
    "VAT": {"Vatican City", "Vatican"},
    "VGB": {"BVI"},
}

# Source strings (any field) that must not name the state.
DROP = {
    # Two-letter codes and rare initialisms collide with other uses ("HK$", RSA keys).
    "CHE": {"CH"}, "NLD": {"NL"}, "ASM": {"AS"}, "GUM": {"GU"}, "PRI": {"PR"},
    "VIR": {"VI"}, "HKG": {"HK"}, "IMN": {"I.O.M."}, "VNM": {"SRV"}, "ETH": {"FDRE"},
    "COD": {"DROC"}, "ZAF": {"RSA"}, "TCA": {"TCA"},
    # Misspellings in the CAMEO name list.
    "MDG": {"Madagaskar"}, "COK": {"Cook Island"},
    # rigour's own name for Nauru is the Nauruan form.
    "NRU": {"Naoero", "Republic of Naoero"},
    # Dominica shares "Dominican" with the Dominican Republic, where news uses it.
    "DMA": {"Dominican", "Dominicans"},
    # Shared by Jersey and Guernsey and not used to name either.
    "JEY": {"Channel Islander", "Channel Islanders"},
    "GGY": {"Channel Islander", "Channel Islanders"},
    # Transliterations that are also other places or common given names.
    "AZE": {"Baki", "Baky"}, "LBY": {"Tarabulus"}, "CYP": {"Lefkosa"},
    # An adjective only in "Falkland Island government"; the noun is kept.
    "FLK": {"Falkland Island"},
    # The Taliban's name for the state; news uses it only in quotation.
    "AFG": {"Islamic Emirate of Afghanistan"},
    # Western Sahara's rigour full name is the Polisario state, a different actor.
    "ESH": {"Sahrawi Arab Democratic Republic"},
    # Rigour's full name for Gibraltar is descriptive, not a name.
    "GIB": {"British Overseas Territory of Gibraltar"},
    # CAMEO rows coded with the state's code that name something else.
    "FRA": {"Saint Barthelemy"}, "SRB": {"Serbia and Montenegro"},
}

# Strings kept out of the aliases only; they stay in other fields.
NOT_ALIASES = {
    # The Factbook short form "The Dominican" is the demonym, not a name.
    "DOM": {"Dominican"},
}

# News forms no source offers in usable shape (rigour has "great britain",
# "america" only in lower case, which a case-sensitive matcher cannot use).
EXTRA_ALIASES = {
    "BIH": ["Bosnia"],
    "COD": ["Congo", "Congo-Kinshasa", "DR Congo", "DRC"],
    "COG": ["Congo", "Congo-Brazzaville", "Republic of Congo"],
    "FLK": ["Falklands", "Malvinas"],
    "FRO": ["Faroes"],
    "GBR": ["Britain", "Great Britain", "U.K."],
    "IOT": ["Chagos Archipelago", "Chagos Islands"],
    "KOR": ["Republic of Korea"],
    "MKD": ["Macedonia"],
    "PRK": ["Democratic People's Republic of Korea"],
    "TCA": ["Turks and Caicos"],
    "TLS": ["Timor Leste"],
    "USA": ["America", "United States of America", "US", "USA"],
    "VIR": ["US Virgin Islands", "USVI", "United States Virgin Islands", "Virgin Islands"],
    "VNM": ["Viet Nam"],
}

# Demonyms replacing the Factbook text where it is absent, unparsable or wrong for news.
DEMONYMS = {
    "ABW": ["Aruban", "Arubans"],
    "CUW": ["Curaçaoan", "Curaçaoans"],
    "FSM": ["Micronesian", "Micronesians"],
    "HKG": ["Hong Konger", "Hong Kongers"],
    "MAC": ["Macanese"],
    "MNP": [],
    "SWZ": ["Swazi", "Swazis", "Swati"],
    "TWN": ["Taiwanese"],
    "VAT": [],
}

# Demonyms news uses beside the Factbook's forms.
EXTRA_DEMONYMS = {
    "AZE": ["Azeri", "Azeris"],
    "CIV": ["Ivorian", "Ivorians"],
    "CPV": ["Cape Verdean", "Cape Verdeans"],
    "KAZ": ["Kazakh"],
    "KGZ": ["Kyrgyz"],
    "KOR": ["South Korean", "South Koreans"],
    "MKD": ["North Macedonian", "North Macedonians"],
    "NPL": ["Nepalese"],
    "PRK": ["North Korean", "North Koreans"],
    "PSE": ["Palestinian", "Palestinians"],
    "TJK": ["Tajik"],
    "TKM": ["Turkmen"],
    "TLS": ["East Timorese"],
    "UZB": ["Uzbek"],
    "XKX": ["Kosovar", "Kosovars"],
}

# Capitals replacing the Factbook text: several seats, notes, or no Factbook record.
CAPITALS = {
    "BDI": ["Gitega", "Bujumbura"],
    "BEN": ["Porto-Novo", "Cotonou"],
    "BOL": ["La Paz", "Sucre"],
    "CHL": ["Santiago"],
    "CIV": ["Yamoussoukro", "Abidjan"],
    "GLP": ["Basse-Terre"],
    "GNQ": ["Malabo"],
    "GUF": ["Cayenne"],
    "IOT": [],
    "KAZ": ["Astana", "Nur-Sultan"],
    "LKA": ["Sri Jayewardenepura Kotte", "Colombo"],
    "MDA": ["Chișinău"],
    "MMR": ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"],
    "MTQ": ["Fort-de-France"],
    "MYS": ["Kuala Lumpur", "Putrajaya"],
    "MYT": ["Mamoudzou"],
    "NRU": ["Yaren"],
    "PSE": ["Ramallah"],
    "REU": ["Saint-Denis"],
    "SMR": [],
    "SWZ": ["Mbabane", "Lobamba"],
    "UKR": ["Kyiv", "Kiev"],
    "USA": ["Washington"],
    "ZAF": ["Pretoria"],
}

# Strings of a row that are also common words, person names or other places.
AMBIGUOUS = {
    "BGR": ["Sofia"],
    "BHS": ["Nassau"],
    "BMU": ["Hamilton"],
    "BOL": ["Sucre"],
    # In an all-caps headline "CAR" is the word car.
    "CAF": ["CAR"],
    "CHL": ["Santiago"],
    "COD": ["Congo", "Congolese"],
    "COG": ["Congo", "Congolese"],
    "CRI": ["San José"],
    "CYM": ["George Town"],
    "DMA": ["Dominica"],
    "DOM": ["Dominican", "Dominicans"],
    "FIN": ["Finn", "Finns"],
    "FLK": ["Stanley"],
    "FSM": ["Micronesia"],
    "GEO": ["Georgia", "Georgian", "Georgians"],
    "GGY": ["Guernsey"],
    "GIN": ["Guinea"],
    "GUF": ["Cayenne"],
    "GUY": ["Georgetown"],
    "IMN": ["Douglas"],
    # "Indian Ocean", "American Indian".
    "IND": ["Indian", "Indians"],
    "JAM": ["Kingston"],
    "JEY": ["Jersey"],
    "JOR": ["Jordan"],
    "KOR": ["Korean", "Koreans"],
    "LBY": ["Tripoli"],
    "MDV": ["Malé"],
    "MKD": ["Macedonia", "Macedonian", "Macedonians"],
    "NER": ["Niger"],
    "PAN": ["Panama", "Panama City"],
    "POL": ["Pole", "Poles"],
    "PRI": ["San Juan"],
    "PRK": ["Korean", "Koreans"],
    "REU": ["Réunion", "Saint-Denis"],
    "SYC": ["Victoria"],
    "TCD": ["Chad"],
    "TUR": ["Turkey"],
    "USA": ["America", "Washington"],
    "VIR": ["Virgin Islands"],
}

# Factbook records that describe parts of a state rather than the state.
FACTBOOK_SKIP = {"gz", "we"}  # Gaza Strip and West Bank, both coded PSE

FIELDS = ("aliases", "demonyms", "capitals")


class GenerationError(Exception):
    """A source or a curated table is not as this script expects."""


def accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)


def is_usable(text: str) -> bool:
    """Whether a whole-word, case-sensitive matcher can use the string as a name."""
    if len(text) < 2 or not is_latin(text):
        return False
    if any(c in "()[];,/\t\n|" or c.isdigit() for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    # Capitalised long forms only match all-caps text; acronyms are short.
    return not (text.isupper() and (" " in text or len(letters) > 5))


def without_the(text: str) -> str:
    """Drop a leading "The" (text says "the Gambia") and lower an inner one."""
    text = re.sub(r"^The ", "", text)
    return text.replace(" The ", " the ")


def saint_variants(name: str) -> list[str]:
    if name.startswith("Saint "):
        rest = name[len("Saint "):]
        return [f"St {rest}", f"St. {rest}"]
    return []


# ---------------------------------------------------------------- sources

@dataclass
class Factbook:
    gec: str
    names: list[str]          # conventional short and long forms, abbreviations
    short: str | None
    former: list[str]
    nationality: dict | None
    capital: str | None


def read_factbook(path: Path) -> dict[str, Factbook]:
    records: dict[str, Factbook] = {}
    for rec in json.loads(path.read_text(encoding="utf-8")):
        iso3 = rec.get("iso3")
        if not iso3 or rec["gec"] in FACTBOOK_SKIP:
            continue
        if iso3 in records:
            raise GenerationError(f"factbook: two records for {iso3} ({records[iso3].gec}, {rec['gec']})")
        cn = rec.get("country_name") or {}
        short = factbook_name(cn.get("conventional short form"))
        names = [n for n in (short, factbook_name(cn.get("conventional long form"))) if n]
        # "US or USA", "DRC (or DROC)": split the alternatives, parentheses and all.
        abbr = (cn.get("abbreviation") or "").replace("(", "").replace(")", "")
        names += [tidy(a) for a in re.split(r" or |/", abbr) if a.strip()]
        former_text = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", cn.get("former") or "")
        former = [tidy(f) for f in re.split(r"[,;]", former_text) if f.strip()]
        records[iso3] = Factbook(rec["gec"], names, short, former,
                                 rec.get("nationality"), rec.get("capital"))
    return records


def factbook_name(text: str | None) -> str | None:
    if not text:
        return None
    # Notes, pronunciations and dates follow a ";" or sit in parentheses.
    text = re.sub(r"\([^)]*\)", "", text.split(";")[0])
    text = tidy(text)
    return None if text.lower() == "none" else without_the(text)


@dataclass
class Rigour:
    name: str
    full_name: str | None
    strong: list[str]
    every_name: list[str]     # for attestation only


def read_rigour(path: Path) -> dict[str, Rigour]:
    records: dict[str, Rigour] = {}
    for rec in json.loads(path.read_text(encoding="utf-8")):
        iso3 = (rec.get("alpha3") or "").upper()
        if not iso3 or rec.get("is_historical"):
            continue
        if iso3 in records:
            raise GenerationError(f"rigour: two current territories for {iso3}")
        full = rec.get("full_name")
        strong = [tidy(s) for s in rec.get("names_strong", [])]
        every = [rec["name"], full or ""] + rec.get("names_strong", []) + rec.get("names_weak", [])
        records[iso3] = Rigour(without_the(tidy(rec["name"])),
                               without_the(tidy(full)) if full else None, strong, every)
    return records


def read_cameo(path: Path) -> list[tuple[str, str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("\t")
        if len(cols) < 2 or cols[1] == "---":
            continue
        code = cols[1].strip()
        if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})?", code):
            raise GenerationError(f"{path}:{lineno}: unexpected CAMEO code {code!r}")
        rows.append((tidy(cols[0]), code))
    return rows


def read_countrynames(path: Path) -> list[str]:
    """The list items of data.yaml; its shape is too simple to need a YAML library."""
    values = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s+- (.+)$", line)
        if m:
            values.append(m.group(1).strip().strip("\"'"))
    return values


# ---------------------------------------------------------------- Factbook parsers

_QUALIFIER = re.compile(
    r"\s*\((?:US citizens|US nationals|colloquial|collective plural|"
    r"singular and plural|singular|plural)\)")
_PROPER = r"[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|de|of|la|es|el|da|do|du))*"


def parse_demonyms(nationality: dict) -> list[str] | None:
    """Factbook noun and adjective as a list, or None if the text is not understood."""
    out: list[str] = []
    for key in ("noun", "adjective"):
        text = _QUALIFIER.sub("", nationality.get(key) or "")
        if text.strip() in ("", "none", "NA"):
            continue
        for part in re.split(r",\s*|\s+or\s+", text.strip()):
            m = re.fullmatch(rf"({_PROPER})\s?\((s|men|women)\)", part)
            if m:
                word, suffix = m.groups()
                out.append(word)
                if suffix == "s":
                    out.append(word + "s")
                elif word.endswith("man"):           # Frenchman(men), Irishwoman(women)
                    out.append(word[:-3] + "men")
                else:
                    return None
            elif re.fullmatch(_PROPER, part):
                out.append(part)
            else:
                return None
    return out


def parse_capitals(text: str) -> list[str] | None:
    """Factbook capital as a list, or None if the text is not understood."""
    # "(on Viti Levu)", "(located on Tahiti)" locate the city; they are not names.
    text = re.sub(r"\s*\((?:located )?on [^)]*\)", "", tidy(text))
    m = re.fullmatch(rf"({_PROPER})(?: \(([^)]*)\))?", text)
    if not m:
        return None
    out = [m.group(1)]
    for alt in re.split(r",\s*|/", m.group(2) or ""):
        if alt:
            if not re.fullmatch(_PROPER, alt.strip()):
                return None
            out.append(alt.strip())
    return out


# ---------------------------------------------------------------- building rows

@dataclass
class Row:
    iso3: str
    name: str
    code: str = ""
    lists: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    ambiguous: list[str] = field(default_factory=list)


class Curation:
    """Applies DROP and remembers which entries never matched, so stale ones are reported."""

    def __init__(self) -> None:
        self.drops = {(iso, fold(s)): s for iso, ss in DROP.items() for s in ss}
        self.not_aliases = {(iso, fold(s)): s for iso, ss in NOT_ALIASES.items() for s in ss}
        self.unused_drops = {**self.drops, **self.not_aliases}

    def dropped(self, iso3: str, text: str, fld: str) -> bool:
        key = (iso3, fold(text))
        if key in self.drops or (fld == "aliases" and key in self.not_aliases):
            self.unused_drops.pop(key, None)
            return True
        return False


def base_names(iso3: str, fb: Factbook | None, rg: Rigour) -> list[str]:
    """Names of a state from the Factbook and rigour, filtered by ACCEPT."""
    names = list(fb.names) if fb else []
    names += [rg.name] + ([rg.full_name] if rg.full_name else [])
    accepted = ACCEPT.get(iso3, set())
    pool = set((fb.former if fb else []) + rg.strong)
    missing = accepted - pool
    if missing:
        raise GenerationError(f"{iso3}: ACCEPT lists {sorted(missing)}, which no source has")
    names += sorted(accepted)
    return names


def choose_name(iso3: str, fb: Factbook | None, rg: Rigour, names: list[str]) -> str:
    name = NEWS_NAMES.get(iso3) or (fb.short if fb else None) or rg.name
    # Sources that differ only in accents: keep the accented spelling.
    for other in names:
        if fold(other) == fold(name) and accents(other) > accents(name):
            name = other
    return name


def link_cameo(cameo: list[tuple[str, str]], names_by_iso: dict[str, list[str]],
               notes: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """CAMEO code per state (where it is not the ISO code) and the CAMEO spellings to add."""
    # A name two states share ("Congo") cannot link a row; its code still can.
    claims: dict[str, set[str]] = {}
    for iso, ns in names_by_iso.items():
        for n in ns:
            claims.setdefault(fold(n), set()).add(iso)
    index = {key: next(iter(isos)) for key, isos in claims.items() if len(isos) == 1}
    codes: dict[str, set[str]] = {}
    spellings: dict[tuple[str, str], list[str]] = {}
    for name, code in cameo:
        iso3 = index.get(fold(name))
        if iso3 is None and code[-3:] in SCOPE:
            iso3 = code[-3:]
            notes.append(f"{iso3}: CAMEO row {name!r} {code} linked by its code")
        if iso3 is None:
            notes.append(f"CAMEO row {name!r} {code} matches no row")
            continue
        codes.setdefault(iso3, set()).add(code)
        spellings.setdefault((iso3, code), []).append(name)
    chosen: dict[str, str] = {}
    extra: dict[str, list[str]] = {}
    for iso3 in sorted(SCOPE):
        found = codes.get(iso3, set())
        if not found:
            notes.append(f"{iso3}: no CAMEO row; the ISO code stands")
            code = iso3
        elif iso3 in found:
            code = iso3
        elif len(found) == 1:
            code = next(iter(found))
        else:
            raise GenerationError(f"{iso3}: CAMEO rows give several codes {sorted(found)}")
        if code != iso3:
            chosen[iso3] = code
        extra[iso3] = spellings.get((iso3, code), [])
    return chosen, extra


def ensure_curation_usable() -> None:
    """Source strings that fail is_usable are skipped quietly; hand-written ones must not be."""
    tables = [{i: [n] for i, n in NEWS_NAMES.items()}, EXTRA_ALIASES, DEMONYMS,
              EXTRA_DEMONYMS, CAPITALS, AMBIGUOUS]
    bad = [f"{iso}: {text!r}" for table in tables for iso, values in table.items()
           for text in values if tidy(text) != text or not is_usable(text)]
    bad += [f"{iso}: not in scope" for table in tables for iso in table if iso not in SCOPE]
    if bad:
        raise GenerationError(f"unusable hand-curated strings: {', '.join(sorted(bad))}")


def build_rows(sources: Path, notes: list[str]) -> tuple[list[Row], set[str]]:
    ensure_curation_usable()
    factbook = read_factbook(sources / "cia-world-factbook-2025" / "factbook_extract.json")
    rigour = read_rigour(sources / "opensanctions-rigour-territories" / "territories.json")
    cameo = read_cameo(sources / "openeventdata-text_to_CAMEO" / "countrynames.txt")
    attested = attestation_index(sources, factbook, rigour, cameo)

    missing = sorted(SCOPE - rigour.keys())
    if missing:
        raise GenerationError(f"rigour has no territory for {missing}")
    for iso3 in sorted(SCOPE - factbook.keys()):
        notes.append(f"{iso3}: no Factbook record used; names from rigour, capital by hand")

    names_by_iso = {iso: base_names(iso, factbook.get(iso), rigour[iso]) for iso in SCOPE}
    for iso, extra in EXTRA_ALIASES.items():
        names_by_iso[iso] += extra
    for iso, name in NEWS_NAMES.items():
        names_by_iso[iso].append(name)
    codes, cameo_names = link_cameo(cameo, names_by_iso, notes)

    curation = Curation()
    rows = []
    for iso3 in sorted(SCOPE):
        fb, rg = factbook.get(iso3), rigour[iso3]
        names = names_by_iso[iso3] + cameo_names[iso3]
        row = Row(iso3, choose_name(iso3, fb, rg, names), codes.get(iso3, ""))
        # Variants are made after DROP, so a dropped name leaves no "St" form behind.
        aliases = [n for n in names if not curation.dropped(iso3, tidy(n), "aliases")]
        aliases += [v for n in [row.name, *aliases] for v in saint_variants(n)]
        candidates = {
            "aliases": aliases,
            "demonyms": demonyms_for(iso3, fb) + EXTRA_DEMONYMS.get(iso3, []),
            "capitals": capitals_for(iso3, fb),
        }
        seen = {fold(row.name)}
        for fld in FIELDS:
            row.lists[fld] = merge(iso3, fld, candidates[fld], seen, curation)
        row.ambiguous = ambiguous_for(row)
        rows.append(row)

    for (iso3, _), text in sorted(curation.unused_drops.items()):
        notes.append(f"{iso3}: DROP or NOT_ALIASES entry {text!r} matched nothing")
    return rows, attested


def demonyms_for(iso3: str, fb: Factbook | None) -> list[str]:
    if iso3 in DEMONYMS:
        return list(DEMONYMS[iso3])
    if fb is None or not fb.nationality:
        return []
    parsed = parse_demonyms(fb.nationality)
    if parsed is None:
        raise GenerationError(
            f"{iso3}: Factbook nationality {fb.nationality!r} not understood; add it to DEMONYMS")
    return parsed


def capitals_for(iso3: str, fb: Factbook | None) -> list[str]:
    if iso3 in CAPITALS:
        return list(CAPITALS[iso3])
    if fb is None or not fb.capital:
        return []
    parsed = parse_capitals(fb.capital)
    if parsed is None:
        raise GenerationError(
            f"{iso3}: Factbook capital {fb.capital!r} not understood; add it to CAPITALS")
    return parsed


def merge(iso3: str, fld: str, candidates: list[str], seen: set[str],
          curation: Curation) -> list[str]:
    """Usable, undropped strings not already in an earlier field, one per fold key."""
    best: dict[str, str] = {}
    for raw in candidates:
        text = tidy(raw)
        if curation.dropped(iso3, text, fld) or not is_usable(text):
            continue
        key = fold(text)
        if key in seen:
            continue
        if key not in best or accents(text) > accents(best[key]):
            best[key] = text
    seen.update(best)
    return sorted(best.values(), key=lambda s: (fold(s), s))


def ambiguous_for(row: Row) -> list[str]:
    forms = {fold(s): s for s in [row.name] + [s for f in FIELDS for s in row.lists[f]]}
    out = []
    for text in AMBIGUOUS.get(row.iso3, []):
        if fold(text) not in forms:
            raise GenerationError(f"{row.iso3}: AMBIGUOUS lists {text!r}, which the row does not have")
        out.append(forms[fold(text)])
    return sorted(out, key=lambda s: (fold(s), s))


# ---------------------------------------------------------------- attestation

def attestation_index(sources: Path, factbook: dict[str, Factbook], rigour: dict[str, Rigour],
                      cameo: list[tuple[str, str]]) -> set[str]:
    texts = read_countrynames(sources / "opensanctions-countrynames" / "data.yaml")
    for r in rigour.values():
        texts += r.every_name
    texts += [name for name, _ in cameo]
    for fb in factbook.values():
        texts += fb.names + fb.former
        for t in [fb.capital or ""] + list((fb.nationality or {}).values()):
            texts += re.split(r"[,;()/]| or | is | in ", t or "")
    return {fold(tidy(t)) for t in texts if t.strip()}


def is_attested(text: str, attested: set[str]) -> bool:
    key = fold(text)
    return (key in attested
            or (key.endswith("s") and key[:-1] in attested)
            or (key.endswith("men") and key[:-3] + "man" in attested))


def unattested(rows: list[Row], attested: set[str]) -> list[str]:
    curated = {**{i: [n] for i, n in NEWS_NAMES.items()}}
    for table in (EXTRA_ALIASES, DEMONYMS, EXTRA_DEMONYMS, CAPITALS):
        for iso, values in table.items():
            curated.setdefault(iso, []).extend(values)
    present = {r.iso3: {fold(s) for s in [r.name] + [x for f in FIELDS for x in r.lists[f]]}
               for r in rows}
    return [f"{iso}: {text}" for iso in sorted(curated) for text in curated[iso]
            if fold(text) in present.get(iso, set()) and not is_attested(text, attested)]


# ---------------------------------------------------------------- checks and output

def check_rows(rows: list[Row]) -> list[str]:
    errors = []
    owners: dict[str, list[tuple[Row, str]]] = {}
    for row in rows:
        values = [row.name, row.iso3, row.code, *row.ambiguous] + [s for f in FIELDS for s in row.lists[f]]
        if not row.name.strip():
            errors.append(f"{row.iso3}: empty name")
        for value in values:
            if re.search(r"[\t\n\r|]", value) or value != value.strip():
                errors.append(f"{row.iso3}: bad characters in {value!r}")
        if not re.fullmatch(r"[A-Z]{3}", row.iso3):
            errors.append(f"{row.iso3!r}: country is not 3 upper-case letters")
        if row.code and not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})?", row.code):
            errors.append(f"{row.iso3}: CAMEO code {row.code!r} is malformed")
        for text in [row.name] + [s for f in FIELDS for s in row.lists[f]]:
            if not is_usable(text):
                errors.append(f"{row.iso3}: {text!r} is not a usable name")
            owners.setdefault(fold(text), []).append((row, text))
    for claims in owners.values():
        if len({r.iso3 for r, _ in claims}) > 1:
            unmarked = [f"{r.iso3}" for r, t in claims if fold(t) not in {fold(a) for a in r.ambiguous}]
            if unmarked:
                who = ", ".join(f"{r.iso3} ({t})" for r, t in claims)
                errors.append(f"{claims[0][1]!r} is claimed by {who}; mark it ambiguous in "
                              f"{', '.join(unmarked)} or drop it")
    return errors


def coverage(rows: list[Row]) -> tuple[list[str], list[str]]:
    present = {r.iso3 for r in rows}
    required = UN_MEMBERS | UN_OBSERVERS
    return sorted(required - present), sorted(present - required)


FILE_HEADER = """\
# states.tsv: states and territories known to gazette (see gazetteers/README.md).
# GENERATED by tools/gen_states.py -- do not edit by hand; change the script and run
#   python3 tools/gen_states.py
# Rows: the 193 UN member states, the 2 UN observer states and selected territories.
# Sources (see the docstring of tools/gen_states.py for what is taken from each):
#   CIA World Factbook 2025 (public domain, US Government work): names, abbreviations,
#     nationality nouns and adjectives, capitals. Its records were linked to ISO codes
#     with the GeoNames FIPS-to-ISO crosswalk (CC BY 4.0, GeoNames, https://www.geonames.org/).
#   opensanctions/rigour territories, commit 8f4044dd (MIT; Copyright (c) OpenSanctions
#     Datenbanken GmbH): ISO 3166-1 alpha-3 codes, English names, some alternative names.
#   openeventdata/text_to_CAMEO countrynames.txt, commit 6d7b3abe (MIT; Copyright (c) 2014
#     Philip Schrodt): CAMEO country codes (column "code", only where not the ISO code)
#     and ICEWS name spellings.
#   Hand curation by the gazette authors: news name forms, extra aliases and demonyms,
#     seats of government, ambiguity marks (tables in tools/gen_states.py).
# No share-alike source was used: mledoze/countries (ODbL) was deliberately left out.
"""


def render(rows: list[Row]) -> str:
    lines = [FILE_HEADER.rstrip("\n"), "\t".join(HEADER)]
    for row in sorted(rows, key=lambda r: (fold(r.name), r.name)):
        lines.append("\t".join([
            "state", row.name, "|".join(row.lists["aliases"]), row.iso3, row.code,
            "|".join(row.lists["demonyms"]), "|".join(row.lists["capitals"]),
            "|".join(row.ambiguous),
        ]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES,
                        help="folder of gazetteer sources (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="TSV file to write (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true",
                        help="also list notes about sources and hand-added strings")
    args = parser.parse_args(argv)

    notes: list[str] = []
    try:
        rows, attested = build_rows(args.sources, notes)
    except (GenerationError, OSError, json.JSONDecodeError) as err:
        print(f"gen_states: {err}", file=sys.stderr)
        return 2
    errors = check_rows(rows)
    missing, extra = coverage(rows)
    if missing:
        errors.append(f"UN members or observers missing: {missing}")
    if errors:
        for e in errors:
            print(f"gen_states: {e}", file=sys.stderr)
        print(f"gen_states: {len(errors)} problem(s); {args.out} not written", file=sys.stderr)
        return 1

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(render(rows).encode("utf-8"))

    hand = unattested(rows, attested)
    if args.verbose:
        for n in notes:
            print(f"note: {n}", file=sys.stderr)
        for h in hand:
            print(f"hand-added, in no source: {h}", file=sys.stderr)
    un = len(UN_MEMBERS & {r.iso3 for r in rows})
    obs = len(UN_OBSERVERS & {r.iso3 for r in rows})
    print(f"gen_states: wrote {len(rows)} rows to {args.out}: {un}/{len(UN_MEMBERS)} UN members, "
          f"{obs}/{len(UN_OBSERVERS)} observers, {len(extra)} territories; "
          f"{len(hand)} hand-added strings in no source, {len(notes)} notes"
          f"{'' if args.verbose else ' (--verbose lists them)'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
