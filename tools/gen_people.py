#!/usr/bin/env python3
"""Generate gazetteers/people-generated.tsv: political office-holders of about 2015-2026.

What it reads (all under --sources, default ../shared/data/gazetteer-sources):

* wikidata-officeholders-everypolitician/officeholders.tsv and
  foreign_ministers_world.tsv (CC0, Wikidata statements collected by the
  EveryPolitician cabinet scrapers, mid/late-2022): who held which office, when.
* wikidata-heads-of-state-government/wikidata_2022-10-10.csv (CC0): heads of
  state and government since 2021, for the countries the cabinet data lack.
* cia-world-factbook-2025/factbook_extract.json (public domain): chief of state and
  head of government as of 2025 with "since" dates, to bring leaders up to date.
* opensanctions-rigour-territories/territories.json (MIT): only to turn Wikidata
  country items into ISO 3166-1 alpha-3 codes.
* The other gazetteer files in gazetteers/ (curated people, states, places,
  organisations): names that must not be claimed twice.

Which people.  Anyone who held a listed office at any time from 2015-01-01 on,
in a state or territory that states.tsv knows: heads of state (presidents,
monarchs, governors-general) and of government; ministers of foreign affairs,
defence, the interior (home affairs, public or national security), finance and
intelligence; deputy foreign ministers; central-bank governors; heads of
intelligence services; chiefs of the armed forces and of the services; leaders of
the opposition; heads of the UN and other IGO posts in the "world" repository.
Each listed office a selected person ever held becomes one row, earlier ones
too, so that the matcher can code an older article by its date.  Offices outside
the list (other ministers, deputies, ambassadors, judges, governors of provinces)
are not taken.  POSITIONS below says which source labels count and how each is
titled; the tests in classify() are the whole rule.

Sectors follow people.tsv: every executive office is GOV (central-bank heads and
ministers of intelligence too), heads of intelligence services SPY, commanders
of the armed forces MIL, leaders of the opposition OPP, IGO posts IGO with the
organisation's CAMEO code (IGOUNO...).  The Taliban's offices before the fall of
Kabul (2021-08-15) are REB, as in people.tsv.

Dates.  `from`/`to` keep the source precision (YYYY, YYYY-MM or YYYY-MM-DD).
A source term with no end is "open".  An open term is closed when a later holder
of the same position started: `to` becomes the successor's start.  The position
is the country plus a slot (head of government, foreign minister...; see
slot_of()); the successors come from every source, the curated people.tsv
included.  Slots that several people hold at once (vice-presidents, deputy
ministers, San Marino's two Captains Regent, or any slot where two people's
closed terms overlap by more than 60 days) are never closed this way.  So an
empty `to` means: the source says the term is open and no later holder of the
position is known.  The Factbook (2025) confirms its leaders in office: their
term stays open, and a Factbook leader not in the Wikidata data is added with the
Factbook's "since" date.  Duplicate terms of one person in one slot are merged,
keeping the more precise date.

Names.  The canonical name is the Wikidata English label (the Factbook form only
for a person Wikidata lacks: its capitalised surname is title-cased, particles
such as "bin" or "al-" lowered).  Aliases are:
  - variant spellings the sources give for the same person: the English Wikipedia
    title, labels from the other Wikidata files, the Factbook form of a matched
    leader (a Factbook leader is the Wikidata person of the same country whose
    name shares the surname and who holds the office, see same_person());
  - the name without middle initials ("Brian E. Nelson" -> "Brian Nelson");
  - the name without middle names, only for countries where news writes
    "Given Surname" (WESTERN_NAMING: Europe but Iberia and Turkey, the
    anglophone world, Russia and its neighbours, Africa south of the Sahara), and
    never for names with particles ("Jean-Yves Le Drian") or two surnames.
ASCII-folded forms are not added: the matcher folds diacritics itself.  Names and
aliases of one word are never produced (a monarch's single regnal name becomes
"King X").  Non-Latin and QID-only labels are dropped.

Exclusions and collisions.  The curated people.tsv wins: a person whose name or a
source alias equals one of its names is left out entirely, and so is a person
who is the same as a curated one under another spelling (same country, same
position, start within 92 days, a shared name word).  A derived alias (initials
or middle names dropped) that equals any other entry's name is dropped instead.
A person whose canonical name is a state, place or organisation name is left
out; such an alias is dropped.  Two generated people of different countries may
share a name: both keep it and mark it ambiguous.  Two of the same country that
share a name or a source alias are merged into one entry.

Exit status: 0 when the file was written; 1 when a check fails (values with tabs,
newlines or pipes, malformed country codes or dates, `from` after `to`, empty
names, or a string claimed by two entries across all gazetteer files without
both marking it ambiguous); 2 when a source is not as expected.  Nothing is
written unless every check passes.  A summary goes to stderr.  The same input
gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from textkeys import fold, is_latin, tidy

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPO_ROOT.parent / "shared" / "data" / "gazetteer-sources"
GAZETTEERS = REPO_ROOT / "gazetteers"
DEFAULT_OUT = GAZETTEERS / "people-generated.tsv"

HEADER = ("type", "name", "aliases", "country", "sector", "role", "from", "to", "code", "ambiguous")

# Terms that end before this date do not make a person eligible.
SINCE = "2015-01-01"


class GenerationError(Exception):
    """A source is not as this script expects."""


def accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)


# ---------------------------------------------------------------- dates

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_date(text: str) -> bool:
    m = _DATE.fullmatch(text)
    if not m:
        return False
    year, month, day = m.groups()
    if month is None:
        return 1000 <= int(year) <= 2100
    if not 1 <= int(month) <= 12:
        return False
    if day is None:
        return True
    y, mo, d = int(year), int(month), int(day)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 1 <= d <= (29 if leap else 28) if mo == 2 else 1 <= d <= _DAYS[mo - 1]


def first_day(text: str) -> str:
    """The first day a partial date covers, as YYYY-MM-DD (comparable as a string)."""
    return (text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10]


def last_day(text: str) -> str:
    """The last day a partial date covers (day 31 is fine: only compared, never printed)."""
    return text + "-12-31" if len(text) == 4 else text + "-31" if len(text) == 7 else text


def day_number(text: str) -> int:
    """Days since year 0 (31-day months: only differences of a few weeks matter here)."""
    y, m, d = (int(x) for x in (text if len(text) == 10 else first_day(text)).split("-"))
    return y * 372 + m * 31 + d


def loader_order(text: str) -> tuple[int, int, int]:
    """How gazette's loader orders partial dates: an unknown month or day sorts first."""
    parts = [int(x) for x in text.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


def coarsen_start(start: str, end: str) -> str:
    """A start the loader accepts before `end`: "2022-04-01" .. "2022" becomes "2022" .. "2022".

    The loader rejects a `to` that sorts before `from` with unknown parts counting as earliest,
    so a term that started on a known day of a year known only as the end year is given the
    precision of its end.
    """
    if start and end and loader_order(end) < loader_order(start) and start.startswith(end):
        return end
    return start


def more_precise(a: str, b: str) -> str:
    """Of two dates for the same event, the more precise if they agree, else the earlier."""
    if not a or not b:
        return a or b
    if a.startswith(b):
        return a
    if b.startswith(a):
        return b
    return min(a, b, key=first_day)


# ---------------------------------------------------------------- gazetteer files

@dataclass
class GazRow:
    file: str
    line: int
    kind: str
    name: str
    fields: dict[str, str]

    def list(self, column: str) -> list[str]:
        return [s.strip() for s in self.fields.get(column, "").split("|") if s.strip()]


def read_gazetteer(path: Path) -> list[GazRow]:
    """Rows of a gazetteer file, in the format of gazetteers/README.md."""
    rows: list[GazRow] = []
    header: list[str] | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.rstrip("\r").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        fields = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(header)}
        rows.append(GazRow(path.name, lineno, fields.get("type", ""), fields.get("name", ""), fields))
    return rows


ENTRY_TYPES = {"person", "state", "organisation", "place"}


@dataclass
class Claim:
    """One name form of one entry: who claims the string and whether it is marked ambiguous."""
    file: str
    line: int
    kind: str
    entry: str
    text: str
    ambiguous: bool


def claims_of(rows: list[GazRow]) -> list[Claim]:
    """Every name, alias, demonym and capital of every entry, one claim per entry and string."""
    by_entry: dict[tuple[str, str], list[GazRow]] = {}
    for row in rows:
        # Other tables share the folder (date words, titles): only entries claim names.
        if row.kind not in ENTRY_TYPES or not row.name:
            continue
        by_entry.setdefault((row.kind, row.name), []).append(row)
    out = []
    for (kind, name), entry_rows in by_entry.items():
        ambiguous = {a for r in entry_rows for a in r.list("ambiguous")}
        seen: set[str] = set()
        texts = [name] + [t for r in entry_rows for col in ("aliases", "demonyms", "capitals")
                          for t in r.list(col)]
        for text in texts:
            key = fold(text)
            if key in seen:
                continue
            seen.add(key)
            amb = "*" in ambiguous or text in ambiguous or any(fold(a) == key for a in ambiguous)
            out.append(Claim(entry_rows[0].file, entry_rows[0].line, kind, name, text, amb))
    return out


def check_claims(all_claims: list[Claim], ours: set[str]) -> tuple[list[str], list[str]]:
    """Strings claimed by two entries without both marking them ambiguous.

    Returns (errors, warnings): an error when one of the entries is in a file of
    `ours`, a warning when only other files are involved (not this script's to fix).
    """
    by_key: dict[str, list[Claim]] = {}
    for c in all_claims:
        by_key.setdefault(fold(c.text), []).append(c)
    errors, warnings = [], []
    for key in sorted(by_key):
        claims = by_key[key]
        entries = {(c.file, c.kind, c.entry) for c in claims}
        if len(entries) < 2:
            continue
        unmarked = [c for c in claims if not c.ambiguous]
        if not unmarked:
            continue
        who = "; ".join(f"{c.file}:{c.line} {c.kind} {c.entry!r} ({c.text!r})" for c in claims)
        message = f"{claims[0].text!r} is claimed by {who}, not marked ambiguous in all of them"
        if any(c.file in ours for c in claims):
            errors.append(message)
        else:
            warnings.append(message)
    return errors, warnings


def check_values(file: str, rows: list[list[str]], header: tuple[str, ...]) -> list[str]:
    """Per-row checks of generated output: the loader's rules, stated before it sees the file."""
    errors = []
    col = {name: i for i, name in enumerate(header)}
    for n, row in enumerate(rows, 1):
        where = f"{file} row {n} ({row[col['name']]!r})"
        if len(row) != len(header):
            errors.append(f"{where}: {len(row)} fields, expected {len(header)}")
            continue
        for name, value in zip(header, row):
            if re.search(r"[\t\n\r]", value) or value != value.strip():
                errors.append(f"{where}: bad characters in {name} {value!r}")
            if "|" in value and name not in ("aliases", "ambiguous"):
                errors.append(f"{where}: '|' inside {name} {value!r}")
            if name in ("aliases", "ambiguous") and value:
                if any(not p or p != p.strip() for p in value.split("|")):
                    errors.append(f"{where}: empty or padded item in {name} {value!r}")
        if not row[col["name"]].strip():
            errors.append(f"{where}: empty name")
        country = row[col["country"]]
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            errors.append(f"{where}: country {country!r} is not three capital letters")
        for name in ("sector", "code"):
            value = row[col[name]]
            if value and not re.fullmatch(r"(?:[A-Z0-9]{3})+", value):
                errors.append(f"{where}: {name} {value!r} is not CAMEO three-letter groups")
        start, end = row[col["from"]], row[col["to"]]
        for name, value in (("from", start), ("to", end)):
            if value and not valid_date(value):
                errors.append(f"{where}: {name} date {value!r} is not a valid YYYY, YYYY-MM or YYYY-MM-DD")
        if start and end and valid_date(start) and valid_date(end) and (
                last_day(end) < first_day(start) or loader_order(end) < loader_order(start)):
            errors.append(f"{where}: to {end} is before from {start}")
        names = [row[col["name"]]] + [a for a in row[col["aliases"]].split("|") if a]
        for amb in [a for a in row[col["ambiguous"]].split("|") if a]:
            if amb not in names:
                errors.append(f"{where}: ambiguous {amb!r} is not one of the row's names")
    return errors


# ---------------------------------------------------------------- offices

@dataclass(frozen=True)
class Office:
    category: str   # HOS, HOG, GG, VP, FOREIGN, DEPFOREIGN, DEFENCE, INTERIOR, FINANCE, INTEL,
                    # SPY, BANK, MIL, OPP, IGO
    title: str      # readable English title
    sector: str
    code: str = ""
    multi: bool = False   # several holders at once: open terms are never closed by a successor


# Labels of the UN "world" jurisdiction that are kept, with their CAMEO codes.
IGO_POSTS = {
    "Secretary-General of the United Nations": ("IGOUNO", "Secretary-General of the United Nations"),
    "Deputy Secretary-General of the United Nations": ("IGOUNO", "Deputy Secretary-General of the United Nations"),
    "President of the United Nations General Assembly": ("IGOUNO", "President of the United Nations General Assembly"),
    "Under-Secretary-General of the United Nations": ("IGOUNO", "Under-Secretary-General of the United Nations"),
    "Director-General of the World Trade Organization": ("IGOBUSWTO", "Director-General of the World Trade Organization"),
    "President of the International Court of Justice": ("IGOUNOJUDICJ", "President of the International Court of Justice"),
    "Vice President of the International Court of Justice": ("IGOUNOJUDICJ", "Vice-President of the International Court of Justice"),
    "OSCE High Commissioner on National Minorities": ("", "OSCE High Commissioner on National Minorities"),
    "president of the Parliamentary Assembly of the Council of Europe": ("IGOEURCOE", "President of the Parliamentary Assembly of the Council of Europe"),
    "Speaker of the Arab Parliament": ("IGOMEAARL", "Speaker of the Arab Parliament"),
}
# Posts held by one person at a time in the world repository (others are multi).
IGO_SINGLE = {"Secretary-General of the United Nations", "Deputy Secretary-General of the United Nations",
              "President of the United Nations General Assembly", "Director-General of the World Trade Organization",
              "President of the International Court of Justice", "Vice President of the International Court of Justice",
              "OSCE High Commissioner on National Minorities",
              "president of the Parliamentary Assembly of the Council of Europe", "Speaker of the Arab Parliament"}

# Labels whose meaning depends on the country: (country, label) -> category or None (skip).
COUNTRY_LABELS = {
    ("USA", "Secretary of State"): "FOREIGN",
    ("USA", "Deputy Secretary of State"): "DEPFOREIGN",
    ("USA", "Secretary of the Treasury"): "FINANCE",
    ("USA", "Secretary of Defense"): "DEFENCE",
    ("USA", "Secretary of Homeland Security"): "INTERIOR",
    ("USA", "Director of National Intelligence"): "SPY",
    ("GBR", "Secretary of State for Foreign and Commonwealth Affairs"): "FOREIGN",
    ("GBR", "Secretary of State for Foreign, Commonwealth and Development Affairs"): "FOREIGN",
    ("GBR", "Secretary of State for Defence"): "DEFENCE",
    ("GBR", "Secretary of State for the Home Department"): "INTERIOR",
    ("GBR", "Home Secretary"): "INTERIOR",
    ("AUS", "Treasurer"): "FINANCE",
    ("MCO", "Minister of State"): "HOG",
    ("CHE", "Chancellor"): None,          # the Federal Chancellor heads the federal staff
    ("CHE", "Federal Chancellor"): None,
    ("IMN", "Chief Minister"): "HOG",
    ("JEY", "Chief Minister"): "HOG",
    ("GGY", "Chief Minister"): "HOG",
    ("GIB", "Chief Minister"): "HOG",
    ("SLE", "Chief Minister"): "HOG",
    ("UKR", "Commander-in-Chief of the Armed Forces"): "MIL",
    ("PHL", "Secretary of Foreign Affairs"): "FOREIGN",
    ("PHL", "Secretary of Finance"): "FINANCE",
    ("PHL", "Secretary of National Defense"): "DEFENCE",
    ("PHL", "Secretary of the Interior and Local Government"): "INTERIOR",
    ("MEX", "Secretary of Foreign Affairs"): "FOREIGN",
    ("MEX", "Secretary of Finance and Public Credit"): "FINANCE",
    ("MEX", "Secretary of National Defense"): "DEFENCE",
    ("HKG", "Secretary for Security"): "INTERIOR",
    ("HKG", "Secretary for Financial Services and the Treasury"): "FINANCE",
    ("KEN", "Cabinet Secretary for the National Treasury and Planning"): "FINANCE",
    ("KEN", "Secretary for the National Treasury and Planning"): "FINANCE",
    ("SMR", "Secretary of State for Foreign and Political Affairs"): "FOREIGN",
    ("SMR", "Secretary of State for Internal Affairs"): "INTERIOR",
    ("SMR", "Secretary of State for Finance and Budget"): "FINANCE",
}

# Titles spelled the other side of the Atlantic from the country that uses them.
COUNTRY_TITLES = {("USA", "Secretary of Defence"): "Secretary of Defense"}

# Awkward source labels and their readable titles.
TITLES = {
    "monarch": "Monarch",
    "Chairman of the Cabinet of Ministers (Prime Minister)": "Prime Minister",
    "Foreign Minister": "Minister of Foreign Affairs",
    "Foreign minister": "Minister of Foreign Affairs",
    "Vice-President": "Vice President",
    "Vice-Prime Minister": "Deputy Prime Minister",
    "Federal Chancellor": "Chancellor",
    "Supreme Commander-in-Chief of the Armed Forces": "Supreme Commander-in-Chief of the Armed Forces",
    "Kauoman-ni-Beretitenti (Vice President)": "Vice President",
    "Minister of the Presidency of the Council of Ministers (Deputy Prime Minister)": "Deputy Prime Minister",
    "Prime minister": "Prime Minister",
    "Monarch of the Belgians": "King",
    "Druk Gyalpo": "King",
    "Ngwenyama": "King",
    "Prince of Lichtenstein": "Prince",
    "O le Ao o le Malo": "Head of State",
    "President of the Executive Yuan": "Premier",
    "President of the Pontifical Commission for the Vatican City State": "President of the Governorate of Vatican City State",
    "President of the Governorate of Vatican City State": "President of the Governorate of Vatican City State",
    "military leader": "President",
    "Foreign Affairs Minister": "Minister of Foreign Affairs",
}
# Titles (after TITLES) that name a head of government without matching _HOG.
EXTRA_HOG = {"President of the Governorate of Vatican City State"}

# foreign_ministers_world.tsv lists each country's foreign minister: its labels are taken as
# foreign-minister titles, and those that do not read as one are replaced by the usual title,
# except for these real titles.
FOREIGN_TITLES = {"Secretary for Relations with States", "Minister of State"}
NOT_FOREIGN = {("PRI", "Secretary of State")}   # Puerto Rico's Secretary of State is no diplomat

_JUNIOR = re.compile(
    r"^(?:Deputy|Vice|First Deputy|Second Deputy|Assistant|Associate|Parliamentary|Acting Deputy|"
    r"State Minister|Minister of State|Minister Delegate|Minister-Delegate|State Secretary|"
    r"Secretary of State|Under ?-?[Ss]ecretary|Junior|Permanent Secretary|Principal Secretary|"
    r"Chief Secretary|Financial Secretary|Economic Secretary|Exchequer Secretary|Lord of|"
    r"Minister in the|Minister in Charge|Senior Minister of State)\b")

_MINISTER = r"(?:Federal |Cabinet |Union )?(?:Minister|Secretary|Minister-Secretary)(?: General)?"
_FOREIGN = re.compile(
    rf"^{_MINISTER} (?:of|for) (?:the )?(?:(?:Europe|European) and )?(?:(?:Foreign|External)"
    rf"(?: and [A-Z][a-z]+)? (?:Affairs|Relations)|International (?:Affairs|Relations))\b")
_FOREIGN_ANY = re.compile(r"\b(?:Minister|Secretary) (?:of|for) (?:the )?(?:Foreign|External) (?:Affairs|Relations)")
_DEFENCE = re.compile(rf"^{_MINISTER} (?:of|for) (?:the )?(?:National |Federal )?Defen[cs]e\b(?! (?:Procurement|Materiel|Equipment|Industry|Production|Veterans|People|Science|and Space))", re.I)
_DEFENCE_ANY = re.compile(r"\b(?:Minister|Secretary) (?:of|for) (?:National )?Defen[cs]e\b")
_INTERIOR = re.compile(
    rf"^{_MINISTER} (?:of|for) (?:the )?(?:Interior|Internal Affairs|Home Affairs|Internal Security|"
    rf"Public Security|National Security|Homeland Security|Security|State Security|Public Order|"
    rf"Interior and|Home Affairs and|Security and)\b", re.I)
_FINANCE = re.compile(
    rf"^{_MINISTER} (?:of|for) (?:the )?(?:Finance|Finances|Economy and Finance|Economy, Finance|"
    rf"Economy and Finances|Economy, Finances|Economic Affairs and Finance|Finance and|Treasury|"
    rf"the Treasury|State Treasury|National Treasury|Economy and Public Finance|Public Finance|"
    rf"Economy, Planning and Finance|Economy, Finance)\b", re.I)
_INTEL_MIN = re.compile(rf"^{_MINISTER} (?:of|for) (?:Intelligence|State Security|National Intelligence)\b", re.I)
_SPY = re.compile(
    r"^(?:Director|Director General|Director-General|Head|Chief|President|Chairman|Chairperson)"
    r"(?: of)? (?:the )?(?:.*\b(?:Intelligence|Security Service|Security Bureau|Security Agency|"
    r"Security Office|Information and Security)\b.*|General Intelligence|National Intelligence)$")
_BANK = re.compile(
    r"^(?:Governor|President|Chair|Chairman|Chairperson|Executive Governor|Chairman of the Governing Board)"
    r" of (?:the )?(?:.*\b(?:Central Bank|National Bank|Reserve Bank|State Bank|Federal Reserve|"
    r"Monetary Authority|Riksbank|Nationalbank|Bundesbank|Monetary Agency)\b.*|Bank of [A-Z].*|"
    r"Bank Al-Maghrib|De Nederlandsche Bank|Bangladesh Bank|Narodowy Bank Polski|Banque de France|"
    r"Banca d'Italia|Banco de [A-Z].*)$")
_MIL = re.compile(
    r"^(?:Chief|Commander|Chairman|Head|Commander-in-Chief)(?: of| in Chief of|-in-Chief of)? (?:the )?"
    r"(?:General Staff|Defen[cs]e(?: Staff| Force| Forces)?|Joint Chiefs of Staff|Armed Forces|"
    r"[A-Za-z ]*General Staff[A-Za-z ]*|Army|Navy|Air Force|Naval Staff|Air Staff|Army Staff|"
    r"Staff of the (?:Army|Air Force|Navy|Armed Forces|Defen[cs]e Forces?)|Joint Staff|"
    r"Naval Operations|Armed Forces Joint Staff|National Defen[cs]e General Staff|Defen[cs]e Forces?|"
    r"Army General Staff|Navy General Staff|Air Force General Staff|Armed Forces General Staff|"
    r"Joint Operations|National Army|Land Forces|Ground Forces)$")
_HOS_PRESIDENT = re.compile(
    r"^(?:President|Federal President|President of the Republic|President of the State|"
    r"Transitional President|Interim President|Acting President|President of the Transition|"
    r"President of the Swiss Confederation|Chairman of the Presidency|President of the Presidency|"
    r"Chairman of the Presidential Council|President of the Presidential Council|"
    r"Chairman of the (?:Transitional )?Sovereignty Council|Chairman of the Sovereign Council|"
    r"Chairman of the Presidential Leadership Council|Chairperson of the Presidential Leadership Council|"
    r"Supreme Leader|Leader of the Islamic Emirate of Afghanistan|Head of State|"
    r"Chairman of the State Affairs Commission|President of the State Affairs|Chairman of the State Council|"
    r"President of the Palestinian National Authority|President of the State of Palestine)$")
_HOS_MONARCH = re.compile(
    r"^(?:King|Queen|Monarch|Emperor|Emir|Amir|Sultan|Grand Duke|Prince|Sovereign Prince|Pope|"
    r"Yang di-Pertuan Agong|Episcopal Co-Prince|French co-prince|Co-Prince)$")
_HOG = re.compile(
    r"^(?:Prime Minister|Premier|Chancellor|Taoiseach|Chief Executive|President of the Government|"
    r"President of the Council of Ministers|Chairman of the Council of Ministers|Head of Government|"
    r"Chairman of the Cabinet of Ministers|Premier of the State Council|Interim Prime Minister|"
    r"Transitional Prime Minister|Acting Prime Minister|Caretaker Prime Minister|Chief Minister)$")
_VP = re.compile(r"^(?:Vice President|First Vice President|Second Vice President|Vice-President)$")
_OPP = re.compile(r"^Leader of the Opposition$")
_GG = re.compile(r"^Governor[- ]General$")
_DEPFOREIGN = re.compile(
    r"^(?:Deputy|Vice|First Deputy|State) (?:Foreign Minister|Minister (?:of|for) (?:the )?(?:Foreign|External) "
    r"(?:Affairs|Relations).*)$|^Minister of State (?:for|at the Ministry of) (?:Foreign|External) Affairs.*$|"
    r"^State Minister of Foreign Affairs.*$|^Vice Foreign Minister$|^Deputy Foreign Minister$|"
    r"^Secretary of State for Foreign Affairs$|^Undersecretary (?:of|for) Foreign Affairs$")

MULTI_TITLES = {"Captain Regent", "Chairman of the Presidency", "Member of the Presidency"}

SECTOR = {"HOS": "GOV", "HOG": "GOV", "GG": "GOV", "VP": "GOV", "FOREIGN": "GOV", "DEPFOREIGN": "GOV",
          "DEFENCE": "GOV", "INTERIOR": "GOV", "FINANCE": "GOV", "INTEL": "GOV", "BANK": "GOV",
          "SPY": "SPY", "MIL": "MIL", "OPP": "OPP", "IGO": "IGO"}


def clean_title(label: str, country_names: list[str]) -> str:
    """The readable office title of a source label: no country suffix, no notes in brackets."""
    text = tidy(label)
    if text in TITLES:
        return TITLES[text]
    for name in sorted(country_names, key=len, reverse=True):
        for suffix in (f" of {name}", f" of the {name}", f" ({name})", f" in {name}"):
            if text.lower().endswith(suffix.lower()) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                break
        # "Italian Minister of Foreign Affairs", "United States Secretary of State"
        if text.startswith(name + " ") and len(text) > len(name) + 1 and text[len(name) + 1].isupper():
            text = text[len(name) + 1:]
    text = TITLES.get(text, text)
    text = re.sub(r"\s*\([^)]*\)$", "", text) if text not in TITLES.values() else text
    text = re.sub(r"^(?:Foreign Minister|Foreign minister)$", "Minister of Foreign Affairs", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def classify(label: str, iso3: str | None, country_names: list[str]) -> Office | None:
    """The office a source label names, or None when it is not one of the listed offices."""
    if iso3 is None:
        if label not in IGO_POSTS:
            return None
        code, title = IGO_POSTS[label]
        return Office("IGO", title, "IGO", code, multi=label not in IGO_SINGLE)
    title = clean_title(label, country_names)
    # A qualifier left after the country suffix names a region or another body.
    override = COUNTRY_LABELS.get((iso3, title), COUNTRY_LABELS.get((iso3, tidy(label)), "-"))
    if override is None:
        return None
    if override != "-":
        category = override
    else:
        category = category_of(title)
        if category is None:
            return None
    multi = category in ("VP", "DEPFOREIGN") or title in MULTI_TITLES
    title = COUNTRY_TITLES.get((iso3, title), title)
    return Office(category, title, SECTOR[category], multi=multi)


def category_of(title: str) -> str | None:
    if title in EXTRA_HOG:
        return "HOG"
    if title in MULTI_TITLES:
        return "HOS"
    if _HOS_PRESIDENT.match(title) or _HOS_MONARCH.match(title):
        return "HOS"
    if _HOG.match(title):
        return "HOG"
    if _GG.match(title):
        return "GG"
    if _VP.match(title):
        return "VP"
    if _OPP.match(title):
        return "OPP"
    if _DEPFOREIGN.match(title):
        return "DEPFOREIGN"
    if _SPY.match(title) and not re.match(r"^(?:Deputy|Vice)", title):
        return "SPY"
    if _BANK.match(title):
        return "BANK"
    if _MIL.match(title):
        return "MIL"
    if _JUNIOR.match(title):
        return None
    # "of Western Bahr el Ghazal": a regional minister; country suffixes are already gone.
    if re.search(r"\b(?:Affairs|Defen[cs]e|Finance|Interior|Security|Treasury) of (?:the )?[A-Z]", title):
        return None
    if _INTEL_MIN.match(title):
        return "INTEL"
    if _FOREIGN.match(title) or _FOREIGN_ANY.search(title) and re.match(r"^(?:Deputy )?Prime Minister and", title):
        return "FOREIGN"
    if _DEFENCE.match(title) or _DEFENCE_ANY.search(title) and re.match(r"^(?:Deputy )?Prime Minister and", title):
        return "DEFENCE"
    if _FINANCE.match(title) and "Microfinance" not in title:
        return "FINANCE"
    if _INTERIOR.match(title) and not re.search(r"Social Security|Food Security|Biosecurity|Security Forces", title):
        return "INTERIOR"
    return None


def slot_of(office: Office) -> str:
    """The position a term fills, for closing open terms: one holder per slot and country."""
    if office.category == "HOS":
        if _HOS_MONARCH.match(office.title) and office.title not in ("Episcopal Co-Prince", "French co-prince"):
            return "HOS-monarch"
        if office.title in ("Supreme Leader", "Leader of the Islamic Emirate of Afghanistan"):
            return "HOS-leader"
        if office.title in ("Episcopal Co-Prince", "French co-prince"):
            return "HOS-" + office.title
        return "HOS-president"
    if office.category in ("HOG", "FOREIGN", "DEFENCE", "GG", "BANK"):
        return office.category
    # Several finance, interior, service-chief and intelligence posts coexist (Treasurer and
    # Minister for Finance in Australia; interior and national security in Israel).
    return f"{office.category}:{office.title}"


# ---------------------------------------------------------------- source terms

@dataclass
class Term:
    pid: str            # person id: Wikidata QID, or "FB:ISO3:name" for a Factbook-only person
    name: str           # the name as this source spells it
    iso3: str | None    # None for IGO posts
    office: Office
    start: str
    end: str
    source: str
    confirmed: bool = False   # the 2025 Factbook lists the person in office
    variants: list[str] = field(default_factory=list)   # other spellings of the name

    @property
    def slot(self) -> tuple[str, str]:
        if self.iso3 is None:
            return ("IGO", self.office.title)
        return (self.iso3, slot_of(self.office))


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def qid_to_iso3(sources: Path, scope: set[str]) -> dict[str, str]:
    """Wikidata country items -> ISO alpha-3, for the states and territories states.tsv has."""
    out = {}
    for rec in json.loads((sources / "opensanctions-rigour-territories" / "territories.json").read_text(encoding="utf-8")):
        iso3 = (rec.get("alpha3") or "").upper()
        if iso3 not in scope:
            continue
        for qid in [rec.get("qid")] + (rec.get("other_qids") or []):
            if qid:
                out[qid] = iso3
    return out


@dataclass
class Notes:
    lines: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


def usable_name(text: str) -> str | None:
    """A source label as a person name, or None when the matcher could not use it."""
    text = tidy(re.sub(r"\s*\([^)]*\)", "", text))
    text = re.sub(r",\s*(Jr\.?|Sr\.?)$", r" \1", text)
    if not text or re.fullmatch(r"Q\d+", text) or not is_latin(text):
        return None
    if re.search(r"[\d|;/\[\]{}<>\"@#]", text) or "," in text:
        return None
    if not text[0].isupper():
        return None
    if len(text.split()) < 2:
        return None
    return text


def wikidata_terms(sources: Path, iso: dict[str, str], names: dict[str, list[str]],
                   notes: Notes) -> list[Term]:
    base = sources / "wikidata-officeholders-everypolitician"
    terms = []
    for row in read_tsv(base / "officeholders.tsv"):
        jq = row["jurisdiction_qid"]
        iso3 = iso.get(jq)
        if iso3 is None and jq != "Q1065":
            notes.count("officeholder rows outside the states and territories of states.tsv")
            continue
        office = classify(row["position"], iso3, names.get(iso3 or "", []))
        if office is None:
            continue
        term = make_term(row["person_qid"], row["person"], iso3, office, row["start"], row["end"],
                         "officeholders", notes)
        if term:
            terms.append(term)
            title = tidy(re.sub(r"\s*\([^)]*\)$", "", row.get("enwiki_title", "")))
            if title:
                names.setdefault("@" + row["person_qid"], []).append(title)
    for row in read_tsv(base / "foreign_ministers_world.tsv"):
        iso3 = iso.get(row["country_qid"])
        if iso3 is None:
            notes.count("foreign-minister rows outside the states and territories of states.tsv")
            continue
        title = clean_title(row["position"], names.get(iso3, []))
        if (iso3, title) in NOT_FOREIGN:
            notes.lines.append(f"foreign_ministers_world: {row['position']!r} ({iso3}) is not a "
                               f"national foreign minister; skipped")
            continue
        if category_of(title) != "FOREIGN" and title not in FOREIGN_TITLES:
            title = "Minister of Foreign Affairs"
        office = Office("FOREIGN", title, "GOV")
        term = make_term(row["person_qid"], row["person"], iso3, office, row["start"], "",
                         "foreign_ministers_world", notes)
        if term:
            terms.append(term)
    return terms


def heads_terms(sources: Path, iso: dict[str, str], names: dict[str, list[str]], notes: Notes) -> list[Term]:
    terms = []
    path = sources / "wikidata-heads-of-state-government" / "wikidata_2022-10-10.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            iso3 = iso.get(row["countryid"])
            if iso3 is None:
                notes.count("heads-of-state rows outside the states and territories of states.tsv")
                continue
            office = classify(row["positionLabel"], iso3, names.get(iso3, []) + [row["country"]])
            if office is None or office.category not in ("HOS", "HOG", "GG"):
                notes.lines.append(f"heads-of-state: {row['positionLabel']!r} ({iso3}) not understood; skipped")
                continue
            term = make_term(row["officeholder"], row["officeholderLabel"], iso3, office,
                             row["start_year"], row["end_year"], "heads-of-state", notes)
            if term:
                terms.append(term)
    return terms


def make_term(pid: str, name: str, iso3: str | None, office: Office, start: str, end: str,
              source: str, notes: Notes) -> Term | None:
    start, end = start.strip(), end.strip()
    if start and not valid_date(start):
        notes.count(f"{source}: invalid start dates dropped")
        start = ""
    if end and not valid_date(end):
        notes.count(f"{source}: invalid end dates dropped")
        end = ""
    if start and end and last_day(end) < first_day(start):
        notes.count(f"{source}: terms ending before they start, dropped")
        return None
    # The Taliban held these offices as an insurgency until the fall of Kabul.
    if iso3 == "AFG" and office.title in ("Supreme Leader", "Deputy Leader") and start and start < "2021-08-15":
        office = Office(office.category, office.title, "REB", office.code, office.multi)
    return Term(pid, tidy(name), iso3, office, start, end, source)


# ---------------------------------------------------------------- Factbook leaders

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_TITLE_WORDS = {
    "President", "Prime", "Minister", "King", "Queen", "Chancellor", "Premier", "Leader", "Supreme",
    "Amir", "Emir", "Sultan", "Prince", "Crown", "Grand", "Duke", "Pope", "Governor", "General",
    "Gen.", "Capt.", "Col.", "Sr.", "Dr.", "Sir", "Dame", "Interim", "Acting", "Transitional",
    "Transition", "Caretaker", "Chairperson", "Chair", "Chairman", "Council", "and", "of", "the",
    "Co-Vice", "Vice", "Foreign", "Chief", "Executive", "Taliban", "Lord", "Mann", "Ratu", "CNSP",
    "GNU", "Presidential", "Leadership", "Sovereign", "Commander-in-Chief", "Sudanese", "Armed",
    "Forces", "Government", "Spain", "prime", "minister-equivalent", "Federal", "Republic",
    "Emperor", "Ministers", "State", "Vatican", "City", "Pontifical", "Commission", "Governorate",
    "French", "Polynesia", "China", "Territorial", "Assembly", "Administrator", "Superior",
    "Commissioner", "Presidency", "Taoiseach", "Swiss", "Confederation",
}
# Ranks and honorifics between a Factbook title and the name ("President Col. Mamady DOUMBOUYA").
_RANKS = {"Gen.", "General", "Col.", "Capt.", "Sr.", "Dr.", "Sir", "Dame", "Ratu", "Lt.", "Maj."}
# Countries whose Factbook names end in the mother's surname ("Claudia SHEINBAUM Pardo"),
# which news leaves out.
HISPANIC_NAMING = frozenset("ARG BOL CHL COL CRI CUB DOM ECU SLV GTM HND MEX NIC PAN PRY PER URY VEN ESP GNQ".split())
_PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "dos", "das", "do", "du", "di", "del",
              "della", "van", "von", "der", "den", "la", "le", "ould", "wa", "y", "e", "ben", "abu", "ter"}
_ROMAN = re.compile(r"^(?:[IVX]+)$")

# Factbook text the parser cannot read or gets wrong: (iso3, field) -> (title, name, since).
FACTBOOK_FIXES = {
    ("FRA", "head of government"): ("Prime Minister", "Sébastien Lecornu", "2025-09-10"),
    ("MDG", "chief of state"): ("President", "Michael Randrianirina", "2025-10"),
    ("ROU", "head of government"): ("Prime Minister", "Ilie Bolojan", "2025-06-23"),
    ("WSM", "chief of state"): ("Head of State", "Tuimalealiifano Vaaletoa Sualauvi II", "2017-07-21"),
    ("SMR", "chief of state"): None,   # two Captains Regent for six months at a time
    ("SYR", "chief of state"): None,   # Ahmed al-Sharaa is in people.tsv
    ("AFG", "head of government"): None,
    ("BIH", "chief of state"): None,   # the chair of the Presidency rotates every eight months
    ("IOT", "head of government"): None,
    ("SMR", "head of government"): None,   # the foreign secretary, already in the Wikidata data
    ("AND", "chief of state"): None,       # the French co-prince is Emmanuel Macron
    ("PRK", "head of government"): None,   # the Factbook names the assembly's president here
    ("GNQ", "head of government"): ("Prime Minister", "Manuel Osa Nsue Nsua", "2024-08-17"),
    ("PHL", "chief of state"): ("President", "Ferdinand Marcos Jr.", "2022-06-30"),
    ("PHL", "head of government"): ("President", "Ferdinand Marcos Jr.", "2022-06-30"),
}

# Factbook name forms that news does not use, and the form it does (the Factbook's stays an alias).
FACTBOOK_NAMES = {
    "Antonio Luis Montenegro": "Luís Montenegro",
    "Mohammad Shahabuddin Chuppi": "Mohammed Shahabuddin",
    "Robert Breugre Mambe": "Robert Beugré Mambé",
    "Rimtalba Jean Emmanuel Ouedraogo": "Jean Emmanuel Ouédraogo",
}

# Factbook titles and the readable titles they stand for.
FACTBOOK_TITLES = {
    "Crown Prince and Prime Minister": "Prime Minister",
    "Prime Minister and Foreign Minister": "Prime Minister",
    "Prime Minister and Co-Vice President": "Prime Minister",
    "Prime Minister Crown Prince": "Prime Minister",
    "Sultan and Prime Minister": "Sultan",
    "President, Presidential Council,": "Chairman of the Presidential Council",
    "GNU Interim Prime Minister": "Prime Minister",
    "CNSP Prime Minister": "Prime Minister",
    "Transition Prime Minister": "Prime Minister",
    "Transition President": "President",
    "Transitional President": "President",
    "Interim President": "President",
    "Acting President": "President",
    "Interim Prime Minister": "Prime Minister",
    "Caretaker Prime Minister": "Prime Minister",
    "Acting Prime Minister": "Prime Minister",
    "Taliban Leader": "Supreme Leader",
    "Presidential Leadership Council Chairperson": "Chairman of the Presidential Leadership Council",
    "Sovereign Council Chair and Commander-in-Chief of the Sudanese Armed Forces": "Chairman of the Sovereignty Council",
    "President of the National Council for the Safeguard of the Homeland": "President",
    "President of the Government of Spain": "Prime Minister",
    "President of Council of Ministers": "President of the Council of Ministers",
    "President of the Swiss Confederation": "President of the Swiss Confederation",
    "Lord of Mann King": "King",
    "Amir": "Emir",
    "Co-Prince": "Co-Prince",
    "President Ratu": "President",
    "Interim President Gen.": "President",
    "Acting President Sr. Gen.": "President",
    "King Sultan": "King",
    "Premier Dr.": "Premier",
    "Chairperson of the Council of Ministers": "Chairman of the Council of Ministers",
    "Minister of State": "Minister of State",
    "President of French Polynesia": "President of French Polynesia",
    "Sovereign Council Chair and Commander-in-Chief of the Sudanese Armed Forces General":
        "Chairman of the Sovereignty Council",
    "President of the Pontifical Commission for the State of Vatican City and President of the "
    "Governorate of the Vatican City State": "President of the Governorate of Vatican City State",
}


def parse_since(text: str) -> str | None:
    m = re.search(r"\((?:since )?(?:(\d{1,2}) )?([A-Za-z]+)?\.? ?(\d{4})[^)]*\)", text)
    if not m:
        return None
    day, month, year = m.groups()
    if month is None:
        return year
    mo = _MONTHS.get(month.lower()) or next((v for k, v in _MONTHS.items() if k.startswith(month.lower()[:3])), None)
    if mo is None:
        return year
    if day is None:
        return f"{year}-{mo:02d}"
    date = f"{year}-{mo:02d}-{int(day):02d}"
    return date if valid_date(date) else f"{year}-{mo:02d}"


def caps_token(token: str) -> bool:
    """Whether a word is (partly) a Factbook capitalised surname: RAMA, al-MANFI, SASSOU-Nguesso."""
    core = re.sub(r"^(?:al-|el-|d'|Al-)", "", token)
    for part in re.split(r"[-']", core):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


def title_case(token: str, first: bool) -> str:
    """A Factbook capitalised surname word in normal case ("RAMA" -> "Rama", "BIN" -> "bin")."""
    if not caps_token(token) or (_ROMAN.match(token) and not first):
        return token
    if token.lower() in _PARTICLES and not first:
        return token.lower()
    prefix = re.match(r"^(?:al-|el-|Al-)", token)
    head = prefix.group(0) if prefix else ""
    parts = re.split(r"([-'])", token[len(head):])
    out = []
    for p in parts:
        if p in "-'" or not (p.isupper() and len(p) >= 2):
            out.append(p)
        else:
            out.append(p[:1] + p[1:].lower())
    return head + "".join(out)


def parse_factbook_holder(text: str) -> tuple[str, str, str | None] | None:
    """(title, name, since) of "Prime Minister Edi RAMA (since 10 September 2013)"."""
    head = re.split(r";|\(since|\(\d", text)[0]
    head = re.sub(r"\s*\([^)]*\)", "", head).strip().rstrip(",")
    tokens = head.split()
    first_caps = next((i for i, t in enumerate(tokens) if caps_token(t) and t not in ("GNU", "CNSP")), None)
    if first_caps is None:
        return None
    start = first_caps
    while start > 0 and tokens[start - 1] not in _TITLE_WORDS and not tokens[start - 1].endswith(","):
        start -= 1
    title_tokens = tokens[:start]
    while title_tokens and title_tokens[-1] in _RANKS:
        title_tokens.pop()
    title = " ".join(title_tokens)
    name_tokens = tokens[start:]
    name = " ".join(title_case(t, i == 0) for i, t in enumerate(name_tokens)).replace(" ,", ",")
    name = re.sub(r",\s*(Jr\.?|Sr\.?)$", r" \1", name)
    return title, name, parse_since(text)


def paternal_form(text: str) -> str | None:
    """ "Claudia SHEINBAUM Pardo" -> "Claudia Sheinbaum": the name without the mother's surname."""
    parsed = parse_factbook_holder(text)
    if parsed is None:
        return None
    head = re.split(r";|\(since|\(\d", text)[0]
    tokens = re.sub(r"\s*\([^)]*\)", "", head).split()
    caps = [i for i, t in enumerate(tokens) if caps_token(t)]
    if not caps or caps[-1] == len(tokens) - 1:
        return None
    name = parsed[1].split()
    dropped = len(tokens) - 1 - caps[-1]
    short = " ".join(name[:-dropped])
    return short if len(short.split()) >= 2 else None


def factbook_terms(sources: Path, scope: set[str], names: dict[str, list[str]], notes: Notes) -> list[Term]:
    path = sources / "cia-world-factbook-2025" / "factbook_extract.json"
    terms = []
    sovereign_of_others: list[tuple[Term, bool]] = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        iso3 = rec.get("iso3")
        if iso3 not in scope:
            continue
        branch = rec.get("executive_branch") or {}
        seen: set[tuple[str, str]] = set()
        hog_text = branch.get("head of government") or ""
        for fld in ("chief of state", "head of government"):
            raw = branch.get(fld)
            if not raw:
                continue
            # Realms and dependencies name the sovereign's representative after the sovereign.
            text = re.split(r"[;,] represented by", raw)[0]
            if (iso3, fld) in FACTBOOK_FIXES:
                fix = FACTBOOK_FIXES[(iso3, fld)]
                if fix is None:
                    continue
                title, name, since = fix
            else:
                parsed = parse_factbook_holder(text)
                if parsed is None:
                    notes.lines.append(f"factbook {iso3} {fld}: {text[:80]!r} not understood; skipped")
                    continue
                title, name, since = parsed
                title = FACTBOOK_TITLES.get(title, title)
                if not title:
                    title = "Head of State" if fld == "chief of state" else "Head of Government"
            office = classify(title, iso3, names.get(iso3, []))
            if office is None:
                category = "HOS" if fld == "chief of state" else "HOG"
                office = Office(category, title, "GOV")
            # A president who is also head of government is one office, not two.
            if (title, name) in seen:
                continue
            seen.add((title, name))
            clean = usable_name(name)
            if clean is None and len(name.split()) == 1 and _HOS_MONARCH.match(office.title):
                clean = usable_name(f"{office.title} {name}")
            if clean is None:
                notes.lines.append(f"factbook {iso3} {fld}: name {name!r} not usable; skipped")
                continue
            variants = []
            if clean in FACTBOOK_NAMES:
                variants, clean = [clean], FACTBOOK_NAMES[clean]
            elif iso3 in HISPANIC_NAMING and (iso3, fld) not in FACTBOOK_FIXES:
                short = paternal_form(text)
                if short and short != clean:
                    variants, clean = [clean], short
            if since and not valid_date(since):
                since = None
            term = Term(f"FB:{fold(clean)}", clean, iso3, office, since or "", "", "factbook", confirmed=True)
            term.variants = variants
            # A dependency's chief of state is its sovereign's (the US President for Guam):
            # such records are recognised below and dropped.
            dependent = ("represented by" in raw or " of " in title
                         or re.match(r"^(?:Governor|Administrator|Chief Executive|Chief Minister|Commissioner)\b",
                                     hog_text))
            if fld == "chief of state":
                sovereign_of_others.append((term, bool(dependent)))
            else:
                terms.append(term)
    by_name: dict[str, list[tuple[Term, bool]]] = {}
    for term, dependent in sovereign_of_others:
        by_name.setdefault(fold(term.name), []).append((term, dependent))
    for group in by_name.values():
        for term, dependent in group:
            if len(group) > 1 and dependent:
                notes.count("Factbook chiefs of state of dependencies and realms (the sovereign) dropped")
                continue
            terms.append(term)
    return terms


# ---------------------------------------------------------------- matching people

_VOWELS = re.compile(r"[aeiouyhw]")


def skeleton(word: str) -> str:
    """A spelling-tolerant key of a name word (Muhammad, Mohammed, Mohamed -> md)."""
    w = re.sub(r"[^a-z]", "", fold(word))
    if not w:
        return ""
    rest = _VOWELS.sub("", w[1:]).replace("j", "y")
    out = w[0]
    for c in rest:
        if c != out[-1]:
            out += c
    if out[0] in "aeiou" and len(out) > 1:
        out = "a" + out[1:]
    return out


def name_words(name: str) -> list[str]:
    words = re.split(r"[\s\-]+", fold(name))
    return [w for w in words if w and w not in _PARTICLES and len(re.sub(r"[^a-z]", "", w)) >= 3]


def word_keys(names: list[str]) -> set[str]:
    return {skeleton(w) for n in names for w in name_words(n)}


def surname_keys(name: str) -> set[str]:
    """Skeletons of the surname: the last word, or the Factbook's capitalised words."""
    words = name_words(name)
    return {skeleton(words[-1])} if words else set()


@dataclass
class Person:
    pid: str
    name: str
    source_names: list[str] = field(default_factory=list)   # other spellings from sources
    terms: list[Term] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    derived: set[str] = field(default_factory=set)          # fold keys of derived aliases
    ambiguous: list[str] = field(default_factory=list)

    @property
    def countries(self) -> set[str]:
        return {t.iso3 for t in self.terms if t.iso3}


def same_person(fb: Term, person: Person) -> bool:
    """Whether a Factbook leader is this Wikidata (or curated) person of the same country.

    Spellings differ (Alyaksandr Lukashenka, Alexander Lukashenko), so words are compared by
    skeleton(); Arab royal names share most words (Ahmad Abdullah / Ahmed Nawaf Al-Ahmad
    Al-Sabah), so a word that only one side has counts against a match.
    """
    fb_words = [skeleton(w) for w in name_words(fb.name)]
    if not fb_words:
        return False
    names = [person.name] + person.source_names
    if fold(fb.name) in {fold(n) for n in names} or any(fold(v) in {fold(n) for n in names} for v in fb.variants):
        return True
    their_surnames = {skeleton(name_words(n)[-1]) for n in names if name_words(n)}
    their_firsts = {skeleton(name_words(n)[0]) for n in names if name_words(n)}
    surname = fb_words[-1] in their_surnames
    if not surname:
        return False
    # The curated people are few and prominent: the surname and the country are enough.
    if person.pid.startswith("CUR:"):
        return True
    in_slot = [t for t in person.terms if t.slot == fb.slot]
    if fb.start and any(t.start and abs(day_number(t.start) - day_number(fb.start)) <= 92 for t in in_slot):
        return True
    theirs = word_keys(names)
    mine = set(fb_words)
    if mine - theirs and theirs - mine and not any(mine <= word_keys([n]) or word_keys([n]) <= mine for n in names):
        return False
    return fb_words[0] in their_firsts or any(not t.end for t in in_slot)


# ---------------------------------------------------------------- aliases

# Countries where news writes a politician as "Given Surname", so that middle names
# can be dropped: Europe but Iberia and Turkey, Russia and its neighbours, the
# anglophone world, Israel, and Africa south of the Sahara (not Ethiopia, Eritrea,
# Somalia or Sudan, whose names are given name + father's name).
WESTERN_NAMING = frozenset("""
    ALB AND ARM AUT BEL BGR BIH BLR CHE CYP CZE DEU DNK EST FIN FRA GBR GEO GGY GRC HRV HUN
    IMN IRL ISL ITA JEY LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL ROU RUS SMR SRB SVK
    SVN SWE UKR VAT XKX FRO GRL GIB KAZ KGZ
    USA CAN AUS NZL ISR JAM TTO BHS BRB BLZ GUY ATG DMA GRD KNA LCA VCT BMU CYM VGB
    ZAF NGA GHA KEN UGA TZA ZMB ZWE MWI LBR SLE GMB BWA NAM LSO SWZ RWA BDI SSD CMR CIV SEN
    BEN TGO BFA NER MLI GIN GNB GAB COG COD CAF TCD AGO MOZ MDG MUS SYC CPV STP GNQ
    FJI PNG SLB VUT WSM TON KIR TUV NRU PLW FSM MHL
""".split())

_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV)$")
_INITIAL = re.compile(r"^[A-Z]\.?(?:[A-Z]\.?)?$")


def without_initials(name: str) -> str | None:
    tokens = name.split()
    if len(tokens) < 3:
        return None
    keep = [t for i, t in enumerate(tokens) if i == 0 or i == len(tokens) - 1 or _SUFFIX.match(t)
            or not _INITIAL.match(t)]
    if len(keep) == len(tokens) or len(keep) < 2:
        return None
    return " ".join(keep)


def without_middle_names(name: str, countries: set[str]) -> str | None:
    if not countries or not countries <= WESTERN_NAMING:
        return None
    tokens = name.split()
    suffix = []
    while tokens and _SUFFIX.match(tokens[-1]):
        suffix.insert(0, tokens.pop())
    if len(tokens) < 3:
        return None
    if any(t.lower().strip(".") in _PARTICLES or t.lower().startswith(("al-", "el-", "d'", "o'"))
           for t in tokens[1:]):
        return None
    if any(_INITIAL.match(t) for t in tokens):
        return None     # without_initials() handles those
    short = " ".join([tokens[0], tokens[-1]] + suffix)
    return short if len(short.split()) >= 2 else None


# ---------------------------------------------------------------- building people

def merge_terms(terms: list[Term]) -> list[Term]:
    """One person's terms, with overlapping duplicates of the same slot merged."""
    out: list[Term] = []
    for term in sorted(terms, key=lambda t: (t.slot, first_day(t.start) if t.start else "", t.source)):
        for prev in out:
            if prev.slot != term.slot:
                continue
            if overlaps(prev, term):
                prev.start = more_precise(prev.start, term.start)
                if term.confirmed or prev.confirmed:
                    prev.end = ""
                    prev.confirmed = True
                elif prev.end and term.end:
                    prev.end = more_precise(prev.end, term.end) if (prev.end.startswith(term.end) or term.end.startswith(prev.end)) else max(prev.end, term.end, key=last_day)
                else:
                    # A real end beats "no end recorded", which is often only missing data.
                    prev.end = prev.end or term.end
                if len(term.office.title) and prev.source == "heads-of-state" and term.source != "heads-of-state":
                    prev.office = term.office
                break
        else:
            out.append(Term(term.pid, term.name, term.iso3, term.office, term.start, term.end,
                            term.source, term.confirmed))
    return out


def overlaps(a: Term, b: Term) -> bool:
    if not a.start or not b.start:
        return a.start == b.start or not a.end or not b.end
    a_end = last_day(a.end) if a.end else "9999"
    b_end = last_day(b.end) if b.end else "9999"
    # Sources disagree by days or weeks at the edges; terms within a month are one term.
    return day_number(a.start) <= day_number(b_end) + 31 and day_number(b.start) <= day_number(a_end) + 31


def close_open_terms(people: dict[str, Person], curated_terms: list[Term], notes: Notes) -> None:
    by_slot: dict[tuple[str, str], list[Term]] = {}
    for person in people.values():
        for term in person.terms:
            by_slot.setdefault(term.slot, []).append(term)
    for term in curated_terms:
        by_slot.setdefault(term.slot, []).append(term)
    closed = 0
    for slot, terms in sorted(by_slot.items()):
        if any(t.office.multi for t in terms) or shared_slot(terms):
            continue
        dated = sorted((t for t in terms if t.start), key=lambda t: first_day(t.start))
        for term in dated:
            if term.end or term.confirmed or term.source == "curated":
                continue
            later = [s for s in dated if s.pid != term.pid and first_day(s.start) > first_day(term.start)]
            if later:
                term.end = later[0].start
                closed += 1
    notes.count("open terms closed by a successor's start", closed)


def shared_slot(terms: list[Term]) -> bool:
    """Whether two people's closed terms overlap by more than 60 days (a multi-holder slot)."""
    closed = sorted((t for t in terms if t.start and t.end), key=lambda t: first_day(t.start))
    for i, a in enumerate(closed):
        for b in closed[i + 1:]:
            if b.pid == a.pid:
                continue
            # Only the overlap the dates make certain counts: "2022"-"2022" may be a week.
            overlap = (min(day_number(first_day(a.end)), day_number(first_day(b.end)))
                       - day_number(last_day(b.start)))
            if overlap > 60:
                return True
    return False


@dataclass
class Context:
    scope: set[str]
    country_names: dict[str, list[str]]
    curated_people: list[GazRow]
    other_claims: list[Claim]          # every file but ours and people.tsv
    other_rows: dict[str, list[GazRow]]


def load_context(gazetteers: Path, out: Path) -> Context:
    files = sorted(p for p in gazetteers.glob("*.tsv") if p.resolve() != out.resolve())
    rows = {p.name: read_gazetteer(p) for p in files}
    if "states.tsv" not in rows or "people.tsv" not in rows:
        raise GenerationError(f"{gazetteers} has no states.tsv or people.tsv")
    scope = {r.fields.get("country", "") for r in rows["states.tsv"] if r.kind == "state"}
    names: dict[str, list[str]] = {}
    for r in rows["states.tsv"]:
        names.setdefault(r.fields.get("country", ""), []).extend([r.name] + r.list("aliases") + r.list("demonyms"))
    claims = [c for f, rs in rows.items() if f != "people.tsv" for c in claims_of(rs)]
    return Context(scope, names, rows["people.tsv"], claims, rows)


def curated_as_terms(ctx: Context) -> tuple[list[Term], dict[str, Person]]:
    """people.tsv as terms and people: successors for closing, and the entries that win."""
    terms = []
    people: dict[str, Person] = {}
    for row in ctx.curated_people:
        if row.kind != "person":
            continue
        pid = "CUR:" + row.name
        person = people.setdefault(pid, Person(pid, row.name))
        person.source_names.extend(a for a in row.list("aliases") if a not in person.source_names)
        iso3 = row.fields.get("country") or None
        role = row.fields.get("role", "")
        code = row.fields.get("code", "")
        if code.startswith("IGO"):
            iso3 = None
        office = classify(role, iso3, ctx.country_names.get(iso3 or "", [])) if iso3 else None
        if office is None:
            office = Office("OTHER", role, row.fields.get("sector", ""))
        start, end = row.fields.get("from", ""), row.fields.get("to", "")
        term = Term(pid, row.name, iso3, office, start, end, "curated")
        person.terms.append(term)
        if office.category != "OTHER" and iso3:
            terms.append(term)
    return terms, people


def build_people(sources: Path, ctx: Context, notes: Notes) -> tuple[dict[str, Person], dict[str, Person]]:
    iso = qid_to_iso3(sources, ctx.scope)
    variant_names: dict[str, list[str]] = {}
    names = dict(ctx.country_names)
    terms = wikidata_terms(sources, iso, names, notes)
    terms += heads_terms(sources, iso, names, notes)
    for key in [k for k in names if k.startswith("@")]:
        variant_names[key[1:]] = names.pop(key)
    fb_terms = factbook_terms(sources, ctx.scope, ctx.country_names, notes)

    people: dict[str, Person] = {}
    for term in terms:
        clean = usable_name(term.name)
        person = people.get(term.pid)
        if person is None:
            if clean is None:
                notes.count("office-holders without a usable English name (QID, one word, non-Latin)")
                continue
            person = people[term.pid] = Person(term.pid, clean)
        elif clean and fold(clean) != fold(person.name) and clean not in person.source_names:
            person.source_names.append(clean)
        person.terms.append(term)
    for pid, titles in variant_names.items():
        if pid in people:
            for t in titles:
                clean = usable_name(t)
                if clean and fold(clean) != fold(people[pid].name) and clean not in people[pid].source_names:
                    people[pid].source_names.append(clean)

    curated_terms, curated_people = curated_as_terms(ctx)
    by_country: dict[str, list[Person]] = {}
    for person in list(people.values()) + list(curated_people.values()):
        for c in sorted(person.countries):
            by_country.setdefault(c, []).append(person)
    for fb in fb_terms:
        candidates = [p for p in by_country.get(fb.iso3 or "", []) if same_person(fb, p)]
        if any(p.pid.startswith("CUR:") for p in candidates):
            notes.count("Factbook leaders who are in people.tsv (curated wins)")
            continue
        holders = [p for p in candidates if any(t.slot == fb.slot for t in p.terms)]
        chosen = holders or candidates
        if len(chosen) > 1:
            exact = [p for p in chosen if fold(p.name) == fold(fb.name)]
            chosen = exact or sorted(chosen, key=lambda p: max(first_day(t.start) for t in p.terms
                                                               if t.slot == fb.slot and t.start) if holders else p.pid)[-1:]
        if chosen:
            person = chosen[0]
            notes.count("Factbook leaders matched to a Wikidata person")
            for text in [fb.name] + fb.variants:
                if fold(text) != fold(person.name) and text not in person.source_names:
                    person.source_names.append(text)
            fb.pid = person.pid
        else:
            notes.count("Factbook leaders not in the Wikidata data, added")
            person = people.setdefault(fb.pid, Person(fb.pid, fb.name))
            person.source_names.extend(v for v in fb.variants if v not in person.source_names)
        person.terms.append(fb)
        check_factbook_since(fb, person, notes)

    for person in people.values():
        person.terms = merge_terms(person.terms)
    close_open_terms(people, curated_terms, notes)
    return people, curated_people


def check_factbook_since(fb: Term, person: Person, notes: Notes) -> None:
    if fb.start and fb.start < "2000":
        notes.lines.append(f"factbook {fb.iso3}: {fb.name} in office since {fb.start}")


def eligible(person: Person) -> bool:
    return any(not t.end or last_day(t.end) >= SINCE for t in person.terms)


def derive_aliases(person: Person) -> None:
    seen = {fold(person.name)}
    aliases = []
    for text in person.source_names:
        if fold(text) not in seen and len(text.split()) >= 2:
            seen.add(fold(text))
            aliases.append(text)
    for text in [person.name] + list(person.source_names):
        for short in (without_initials(text), without_middle_names(text, person.countries)):
            if short and fold(short) not in seen:
                seen.add(fold(short))
                aliases.append(short)
                person.derived.add(fold(short))
    person.aliases = aliases


def resolve_names(people: dict[str, Person], curated: dict[str, Person], ctx: Context,
                  notes: Notes) -> list[Person]:
    """Applies the exclusion and collision rules of the module docstring."""
    curated_keys = {fold(n) for p in curated.values() for n in [p.name] + p.source_names}
    other_keys: dict[str, Claim] = {}
    for c in ctx.other_claims:
        other_keys.setdefault(fold(c.text), c)
    curated_by_country: dict[str, list[Person]] = {}
    for p in curated.values():
        for c in p.countries:
            curated_by_country.setdefault(c, []).append(p)

    kept: list[Person] = []
    for pid in sorted(people):
        person = people[pid]
        if not eligible(person):
            continue
        derive_aliases(person)
        source_keys = {fold(person.name)} | {fold(a) for a in person.aliases if fold(a) not in person.derived}
        if source_keys & curated_keys:
            notes.count("people skipped: a name is in people.tsv (curated wins)")
            continue
        if any(duplicate_of_curated(person, c) for c in curated_by_country_for(person, curated_by_country)):
            notes.count("people skipped: the same person is in people.tsv under another spelling")
            notes.lines.append(f"skipped {person.name!r}: same as a curated person")
            continue
        if fold(person.name) in other_keys:
            c = other_keys[fold(person.name)]
            notes.count("people skipped: the name is a state, place or organisation name")
            notes.lines.append(f"skipped {person.name!r}: also {c.file}:{c.line} {c.entry!r}")
            continue
        aliases = []
        for a in person.aliases:
            k = fold(a)
            if k in curated_keys or k in other_keys:
                notes.count("aliases dropped: another file's name")
                continue
            aliases.append(a)
        person.aliases = aliases
        kept.append(person)

    kept = merge_namesakes(kept, notes)
    # Rows with the same name are one entry to the loader, so namesakes of different countries
    # are told apart as "Name (Country)", each keeping "Name" as an ambiguous alias.
    by_name: dict[str, list[Person]] = {}
    for p in kept:
        by_name.setdefault(fold(p.name), []).append(p)
    for group in by_name.values():
        if len(group) < 2:
            continue
        for p in group:
            base = p.name
            country = sorted(p.countries)[0] if p.countries else ""
            label = (ctx.country_names.get(country) or [country or "international"])[0]
            p.name = f"{base} ({label})"
            p.aliases.insert(0, base)
            if base not in p.ambiguous:
                p.ambiguous.append(base)
            notes.count("namesakes of different countries renamed 'Name (Country)'")
    return kept


def curated_by_country_for(person: Person, index: dict[str, list[Person]]) -> list[Person]:
    seen, out = set(), []
    for c in sorted(person.countries):
        for p in index.get(c, []):
            if p.pid not in seen:
                seen.add(p.pid)
                out.append(p)
    return out


def duplicate_of_curated(person: Person, curated: Person) -> bool:
    shared = word_keys([person.name] + person.source_names) & word_keys([curated.name] + curated.source_names)
    if not shared:
        return False
    for t in person.terms:
        for c in curated.terms:
            if c.iso3 == t.iso3 and c.office.category != "OTHER" and c.slot == t.slot and t.start and c.start:
                if abs(day_number(t.start) - day_number(c.start)) <= 92:
                    return True
    return False


def merge_namesakes(kept: list[Person], notes: Notes) -> list[Person]:
    """Same-country people who share a name or source alias become one; others mark it."""
    changed = True
    while changed:
        changed = False
        owners: dict[str, list[Person]] = {}
        for p in kept:
            for text in [p.name] + [a for a in p.aliases if fold(a) not in p.derived]:
                owners.setdefault(fold(text), []).append(p)
        for key in sorted(owners):
            group = owners[key]
            if len(group) < 2:
                continue
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a.countries & b.countries and a is not b:
                        absorb(a, b)
                        kept = [p for p in kept if p is not b]
                        notes.count("same-country namesakes merged")
                        notes.lines.append(f"merged {b.name!r} into {a.name!r} ({key!r})")
                        changed = True
                        break
                if changed:
                    break
            if changed:
                break
    # Derived aliases that any other entry claims are dropped; shared names are marked.
    owners = {}
    for p in kept:
        for text in [p.name] + p.aliases:
            owners.setdefault(fold(text), []).append(p)
    for p in kept:
        aliases = []
        for a in p.aliases:
            if fold(a) in p.derived and len({id(x) for x in owners[fold(a)]}) > 1:
                notes.count("aliases dropped: a derived alias another person claims")
                continue
            aliases.append(a)
        p.aliases = aliases
    owners = {}
    for p in kept:
        for text in [p.name] + p.aliases:
            owners.setdefault(fold(text), []).append(p)
    for key, group in owners.items():
        if len({id(x) for x in group}) > 1:
            for p in group:
                for text in [p.name] + p.aliases:
                    if fold(text) == key and text not in p.ambiguous:
                        p.ambiguous.append(text)
            notes.count("names shared by people of different countries, marked ambiguous")
    return kept


def absorb(into: Person, other: Person) -> None:
    for text in [other.name] + other.source_names:
        if fold(text) != fold(into.name) and text not in into.source_names:
            into.source_names.append(text)
    into.terms = merge_terms(into.terms + other.terms)
    derive_aliases(into)


# ---------------------------------------------------------------- output

FILE_HEADER = """\
# people-generated.tsv: political office-holders of about 2015-2026, one dated role per line.
# GENERATED by tools/gen_people.py -- do not edit by hand; change the script and run
#   python3 tools/gen_people.py
# People in people.tsv (curated) are left out; the curated file wins.
# Sources (see the docstring of tools/gen_people.py for the rules):
#   Wikidata (CC0 1.0), via the EveryPolitician cabinet scrapers' holders/positions files
#     (2022 snapshot) and the world-leaders list of 2022-10-10: offices, terms, names.
#   CIA World Factbook 2025 (public domain, US Government work): heads of state and
#     government as of 2025, with the dates since when they hold office.
#   opensanctions/rigour territories (MIT; Copyright (c) OpenSanctions Datenbanken GmbH):
#     only to link Wikidata country items to ISO 3166-1 alpha-3 codes.
# An empty `to` means the source has the term open and no later holder of the position is
# known; terms of people who left office after mid-2022 may be open although they ended.
"""


def render(people: list[Person]) -> tuple[str, list[list[str]]]:
    rows: list[list[str]] = []
    for person in sorted(people, key=lambda p: (fold(p.name), p.name, p.pid)):
        terms = sorted(person.terms, key=lambda t: (first_day(t.start) if t.start else "0000", t.office.title,
                                                   t.iso3 or ""))
        countries = sorted(person.countries)
        for i, t in enumerate(terms):
            country = t.iso3 or (countries[0] if len(countries) == 1 else "")
            rows.append([
                "person", person.name,
                "|".join(person.aliases) if i == 0 else "",
                country, t.office.sector, t.office.title, coarsen_start(t.start, t.end), t.end, t.office.code,
                "|".join(person.ambiguous) if i == 0 else "",
            ])
    lines = [FILE_HEADER.rstrip("\n"), "\t".join(HEADER)] + ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n", rows


def gazrows_of(rows: list[list[str]], file: str) -> list[GazRow]:
    return [GazRow(file, n, r[0], r[1], dict(zip(HEADER, r))) for n, r in enumerate(rows, 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES,
                        help="folder of gazetteer sources (default: %(default)s)")
    parser.add_argument("--gazetteers", type=Path, default=GAZETTEERS,
                        help="folder of the other gazetteer files (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="TSV file to write (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true", help="also list notes about sources and choices")
    args = parser.parse_args(argv)

    notes = Notes()
    try:
        ctx = load_context(args.gazetteers, args.out)
        people, curated = build_people(args.sources, ctx, notes)
        kept = resolve_names(people, curated, ctx, notes)
    except (GenerationError, OSError, KeyError, json.JSONDecodeError) as err:
        print(f"gen_people: {err}", file=sys.stderr)
        return 2
    text, rows = render(kept)

    errors = check_values(args.out.name, rows, HEADER)
    ours = claims_of(gazrows_of(rows, args.out.name))
    curated_claims = claims_of(ctx.other_rows["people.tsv"])
    claim_errors, warnings = check_claims(ctx.other_claims + curated_claims + ours, {args.out.name})
    errors += claim_errors
    if errors:
        for e in errors:
            print(f"gen_people: {e}", file=sys.stderr)
        print(f"gen_people: {len(errors)} problem(s); {args.out} not written", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))

    if args.verbose:
        for line in notes.lines:
            print(f"note: {line}", file=sys.stderr)
        for w in warnings:
            print(f"warning (other files): {w}", file=sys.stderr)
    by_sector: dict[str, int] = {}
    for r in rows:
        by_sector[r[4]] = by_sector.get(r[4], 0) + 1
    open_rows = sum(1 for r in rows if not r[7])
    print(f"gen_people: wrote {args.out}: {len(rows)} rows, {len(kept)} people, "
          f"{len({r[3] for r in rows if r[3]})} countries, {open_rows} open terms", file=sys.stderr)
    print("gen_people: rows by sector: " + ", ".join(f"{k} {v}" for k, v in sorted(by_sector.items())),
          file=sys.stderr)
    for what, n in sorted(notes.counts.items()):
        print(f"gen_people: {what}: {n}", file=sys.stderr)
    if warnings:
        print(f"gen_people: {len(warnings)} clash(es) between other gazetteer files "
              f"(not this script's; --verbose lists them)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
