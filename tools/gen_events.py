#!/usr/bin/env python3
"""Generate gazette's event lexicon: the CAMEO code table and the verb phrases from PETRARCH-2.

Writes two files and checks a third:

* gazetteers/cameo-codes.tsv: one row per CAMEO code (roots, three- and four-digit
  codes) with its name, root, Goldstein score, quad class and PLOVER event type.
* gazetteers/events-generated.tsv: verb triggers, the words that must follow them,
  the prepositions that introduce the target, and the CAMEO code, derived from the
  PETRARCH-2 production verb dictionary.
* gazetteers/events.tsv is curated by hand; this script only checks it (same rules
  as the generated file) and reports which generated rows it overrides.

What it reads (all under --peers, default ../shared/peers):

* cameo/cameo_codes.tsv: the codes, names, Goldstein scores (GDELT's lookup table;
  1213 from ICEWS) and quad classes, derived from the ICEWS CAMEO table in
  andybega/icews (MIT, Copyright (c) 2022 Andreas Beger) and GDELT's
  CAMEO.goldsteinscale.txt (open lookup data, no licence file).
* plover/cameo_to_plover.tsv: the CAMEO->PLOVER conversion table of the PLOVER
  manual (openeventdata/PLOVER, CC BY-SA 4.0, (c) Open Event Data Alliance).
  Because the plover column is adapted from it, cameo-codes.tsv is licensed
  CC BY-SA 4.0 and must stay a separate file, as organisations-igo.tsv does.
* petrarch2/dictionaries/CAMEO.2.0.txt: the PETRARCH-2 verb dictionary (MIT,
  Copyright (c) 2015 Open Event Data Alliance; the repository LICENSE says
  Copyright (c) 2014 Open Event Data).  Its MIT notice travels with the output.
* petrarch2/dictionaries/Phoenix.prepositions.txt (same licence): the list used
  to tell a preposition from a noun in a pattern such as "- * TROOP TOWARD +".

Choices in cameo-codes.tsv, and why:

* Names are in sentence case: the source has the roots in capitals ("MAKE PUBLIC
  STATEMENT") and two names with a lower-case first letter; gazette prints names.
* 176 "Attack cybernetically" is added (EXTRA_CODES).  It is not in the CAMEO 1.1b3
  codebook, but PETRARCH-2's dictionary codes HACK with it, the Phoenix data sets
  use it, and the project's seed gold codes "Iran's cyber-attack on Albania" as
  176.  It has no published Goldstein score: it takes its root's (-7.0, Coerce).
* plover: the PLOVER type of the code, else of its nearest listed ancestor ("0311"
  -> "031" -> "03").  Only 176 needs the fallback (-> 17, COERCE, as in the seed
  gold).  Roots 01 (statements) and 02 (appeals) are dropped by PLOVER, so their
  codes have an empty plover field rather than an invented one.

Choices in events-generated.tsv, and why (the full notes are in tools/README.md):

* A block's bare code ("--- REDUCE [code] ---", or a verb line's own [code]) is used to
  settle conflicts but not written as a bare-verb row: without a parser such rows code
  "strikes a deal" as an attack (see main()).  Each pattern of the block gives one row per
  verb of the block, as PETRARCH applies a block's patterns to all its verbs.
* Verbs are written in the base form.  Irregular forms in braces are dropped (the
  engine inflects); six heads the dictionary gives in an inflected form are mapped
  to the base (BASE_FIXES).  Fixed forms marked "{}" ("KILLED_AND", "ANGERED_BY")
  and coordination fragments ending in AND/OR are left out: inflecting them would
  make nonsense, and they exist only to work around PETRARCH's parser.
* A pattern "- [pre] * [post] [code]" is kept only if nothing but the source ($)
  precedes the verb: gazette has no slot for words before the trigger.  After the
  verb, bare words, {multi word} phrases, &synsets and fixed (PREP NOUN) phrases
  are joined in order into the object phrase ("BAN (ON TRADE)" -> "ban on trade";
  synsets multiply out, with regular plurals of their members as PETRARCH makes
  them).  A first word that is a verb particle (OUT, OFF, UP...) joins the verb
  instead ("SET OUT VIEWS" -> verb "set out", object "views").  A preposition with
  no noun, "(WITH +)", "(AGAINST)" or a bare preposition word before "+" or at the
  end gives the target's preposition; otherwise the target is the direct object.
  Patterns with $, ^ or % after the verb, a target inside a phrase, parts after
  the target, undefined synsets or unbalanced brackets are skipped and counted.
* Codes: [AAA:BBB] gives cameo AAA and symmetric BBB, the brief's reading (most
  such codes are PETRARCH-1 symmetric pairs, 042:043 visit/host, 046:046).
  PETRARCH-2 itself reads B as the passive-voice code, so passive-only [:BBB]
  patterns are skipped, as are [---] and codes not in cameo-codes.tsv.
* One row per (phrase, kind, object): gazette's loader lets a later row with the
  same trigger, kind and objects replace an earlier one, so duplicates would be
  lost silently.  Candidates with the same code are merged (their prepositions
  joined; "direct object" wins, being the more general).  Between different codes
  the one written for this very verb wins (the pattern's "# VERB" comment names
  the verb it was written for; a verb's own [code] beats its block's), then the
  pattern row over the bare verb, then the earlier line.

Exit status: 0 when the files were written; 1 when a check fails (the row is
named); 2 when a source or the curated file is missing or not as expected.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PEERS = REPO_ROOT.parent / "shared" / "peers"
DEFAULT_GAZETTEERS = REPO_ROOT / "gazetteers"

CODES_FILE = "cameo-codes.tsv"
GENERATED_FILE = "events-generated.tsv"
CURATED_FILE = "events.tsv"
DICTIONARY = "CAMEO.2.0.txt"

CODE_HEADER = ["code", "name", "root", "goldstein", "quad_class", "plover"]
EVENT_HEADER = ["phrase", "kind", "object", "prep", "cameo", "symmetric", "note"]

# Codes PETRARCH-2 uses that the CAMEO 1.1b3 codebook lacks: code -> (name, goldstein).
# The name is the one the Phoenix/PETRARCH code lists give; the Goldstein score is the
# root's, since no scale assigns one (see the module docstring).
EXTRA_CODES = {"176": ("Attack cybernetically", "-7.0")}

# Verb heads the dictionary writes in an inflected form, mapped to the base form the
# engine expects.  Found by listing heads ending in -ED/-ING or listed as another
# verb's irregular form; BOUND (leap) and FOUND (establish) are real base forms.
BASE_FIXES = {
    "DETERRING": "DETER",
    "DISPELLING": "DISPEL",
    "LOSING": "LOSE",
    "TOURING": "TOUR",
    "UNDERSTOOD": "UNDERSTAND",
    "WORRIED": "WORRY",
    "IS_DETERMINED": "BE_DETERMINED",
}

# Words right after the verb that belong to a phrasal verb rather than to its object.
PARTICLES = {"OUT", "OFF", "UP", "DOWN", "BACK", "AWAY", "ASIDE", "FORWARD"}

# More alternatives than this in one object means two large synsets were multiplied
# ("&MILITARY &WEAPON"); such a row is noise, not a pattern, so it is skipped.
MAX_ALTERNATIVES = 400

SKIP_REASONS = {
    "pre": "words before the verb",
    "actor": "source ($), skipped (^) or compound (%) actor after the verb",
    "target-inside": "target inside a phrase",
    "after-target": "parts after the target",
    "prep-then-more": "preposition without its noun before other parts",
    "synset": "undefined synset",
    "too-many": f"object expands to more than {MAX_ALTERNATIVES} alternatives",
    "malformed": "unbalanced brackets or no single * in the pattern",
    "no-event": "code [---] (no event)",
    "passive": "passive-only code [:BBB]",
    "unknown-code": "code not in cameo-codes.tsv",
}


class SourceError(Exception):
    """A source or the curated file is missing or not in the expected shape (exit 2)."""


# --------------------------------------------------------------------------- codes


def sentence_case(name: str) -> str:
    """'MAKE PUBLIC STATEMENT' -> 'Make public statement'; 'fight with ...' -> 'Fight ...'."""
    if name.isupper():
        name = name.lower()
    return name[:1].upper() + name[1:]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line, as dicts."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise SourceError(f"cannot read {path}: {err}") from err
    if not lines:
        raise SourceError(f"{path} is empty")
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


def build_codes(peers: Path) -> list[dict[str, str]]:
    """The rows of cameo-codes.tsv, in codebook order (extra codes after their siblings)."""
    source = read_tsv(peers / "cameo" / "cameo_codes.tsv")
    plover_rows = read_tsv(peers / "plover" / "cameo_to_plover.tsv")
    needed = {"code", "root", "name", "goldstein", "quad_class"}
    if not source or not needed <= set(source[0]):
        raise SourceError(f"cameo_codes.tsv lacks the columns {sorted(needed)}")
    plover: dict[str, str] = {}
    for row in plover_rows:
        code, event = row.get("cameo_code", ""), row.get("plover_event_type", "")
        if not re.fullmatch(r"\d{2,4}", code) or not re.fullmatch(r"[A-Z]+", event):
            raise SourceError(f"cameo_to_plover.tsv: unexpected row {row}")
        # Root 08 heads two sections (CONCEDE for 080-083, RETREAT for 084-087): the root
        # keeps the first, which is also 080's.  175 is listed twice with the same type.
        # Any other disagreement would be a change in the source that needs a decision.
        if plover.setdefault(code, event) != event and len(code) > 2:
            raise SourceError(f"cameo_to_plover.tsv: {code} maps to {plover[code]} and {event}")

    rows = []
    for row in source:
        rows.append({
            "code": row["code"], "name": sentence_case(row["name"]), "root": row["root"],
            "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        })
    by_code = {r["code"]: r for r in rows}
    for code, (name, goldstein) in EXTRA_CODES.items():
        if code in by_code:
            raise SourceError(f"extra code {code} is now in cameo_codes.tsv; drop it from EXTRA_CODES")
        root = by_code[code[:2]]
        rows.append({"code": code, "name": name, "root": code[:2], "goldstein": goldstein,
                     "quad_class": root["quad_class"]})
    # Codebook order is numeric order of the zero-padded codes read as a tree, which
    # sorting the strings reproduces ("17" < "170" < "1711" < "172").
    rows.sort(key=lambda r: r["code"])
    for row in rows:
        code = row["code"]
        ancestors = [code[:n] for n in range(len(code), 1, -1)]
        row["plover"] = next((plover[a] for a in ancestors if a in plover), "")
    return rows


# ---------------------------------------------------------------------- dictionary


@dataclass
class Verb:
    phrase: str          # base form, lower case, words separated by spaces
    head: str            # the dictionary's spelling (upper case, underscores), for origins
    code: str            # the verb's own [code], or ""
    line: int


@dataclass
class Pattern:
    text: str            # the pattern without its leading "-" and comment
    code: str
    origin: str          # the verb named in the pattern's "# VERB" comment, or ""
    line: int


@dataclass
class Group:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]
    no_plural_synsets: set[str]
    groups: list[Group]
    copyright_lines: list[str]
    dropped_verbs: list[tuple[int, str, str]]
    prepositions: set[str] = field(default_factory=set)   # set by main() from the Phoenix list


def words_of(token: str) -> str:
    """A dictionary word to lower-case text: '_' joins words, a trailing '_' marks 'no plural'."""
    return " ".join(w for w in token.strip("_").lower().split("_") if w)


def read_dictionary(path: Path) -> Dictionary:
    """Parse the synsets and verb blocks of a PETRARCH-2 verb dictionary."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(f"cannot read {path}: {err}") from err
    copyright_lines = [l.lstrip("# ").rstrip() for l in lines[:80] if "Copyright (c)" in l]
    if not copyright_lines:
        raise SourceError(f"{path}: no copyright line in its header; check its licence")

    synsets: dict[str, list[str]] = {}
    no_plural: set[str] = set()
    groups: list[Group] = []
    dropped: list[tuple[int, str, str]] = []
    section = ""
    current_synset = ""
    for number, raw in enumerate(lines, 1):
        if raw.startswith("#######"):
            section = raw.strip("# ").split()[0]  # SYNONYM / VERB / TRANSFORMATIONS
            continue
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if section == "SYNONYM":
            if text.startswith("&"):
                current_synset = text.strip()
                synsets[current_synset.rstrip("_")] = []
                if current_synset.endswith("_"):
                    no_plural.add(current_synset.rstrip("_"))
            elif text.startswith("+") and current_synset:
                synsets[current_synset.rstrip("_")].append(text[1:].strip())
            else:
                raise SourceError(f"{path.name}:{number}: unexpected line in the synonym sets: {raw!r}")
        elif section == "VERB":
            header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", text)
            if header:
                groups.append(Group(header.group(1), header.group(2).strip(), number))
                continue
            if not groups:
                raise SourceError(f"{path.name}:{number}: a verb or pattern before the first block")
            group = groups[-1]
            if text.startswith("-"):
                comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
                origin = comment.split()[0] if comment else ""
                code = re.findall(r"\[([^\]]*)\]", text)
                if not code:
                    raise SourceError(f"{path.name}:{number}: a pattern without a [code]: {raw!r}")
                group.patterns.append(Pattern(text[1:].strip(), code[-1].strip(), origin, number))
                continue
            # A verb line: HEAD [{forms}] [[code]]; ';' starts a TABARI-style comment.
            text = text.split(";", 1)[0].strip()
            verb = re.fullmatch(r"\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?", text)
            if not verb:
                raise SourceError(f"{path.name}:{number}: cannot read the verb line {raw!r}")
            head, forms, code = verb.group(1), verb.group(2), (verb.group(3) or "").strip()
            if forms is not None and not forms.strip("{} "):
                dropped.append((number, head, "fixed form {} (not a base verb)"))
                continue
            if head.split("_")[-1] in {"AND", "OR"}:
                dropped.append((number, head, "ends in a conjunction"))
                continue
            base = BASE_FIXES.get(head, head)
            group.verbs.append(Verb(words_of(base), head, code, number))
    if not synsets or not groups:
        raise SourceError(f"{path.name}: found no synonym sets or no verb blocks")
    unused = set(BASE_FIXES) - {v.head for g in groups for v in g.verbs}
    if unused:
        raise SourceError(f"BASE_FIXES names verbs the dictionary no longer has: {sorted(unused)}")
    return Dictionary(synsets, no_plural, groups, copyright_lines, dropped)


def plural(phrase: str) -> str | None:
    """Regular English plural of a phrase's last word, or None when it has no regular one.

    PETRARCH pluralises synset members mechanically; words that already end in -s
    ("troops", "forces") or are gerunds ("fighting") would give "troopses", so they are
    left alone.
    """
    head, _, last = phrase.rpartition(" ")
    if re.search(r"([^s]s|ing)$", last) or not re.search(r"[a-z]$", last):
        return None
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(ss|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


# Synsets referenced by generated rows: label -> members (filled while reading patterns).
USED_SYNSETS: dict[str, list[str]] = {}


def synset_members(name: str, dictionary: Dictionary, final: bool) -> list[str] | None:
    """A synset's members, lower case, with their plurals when the synset ends the phrase.

    None when the synset is not defined.  A member used as a modifier ("&MILITARY
    COLLEGE") keeps its singular: "army college", not "armies college".
    """
    label = name.rstrip("_")
    if label not in dictionary.synsets:
        return None
    out: list[str] = []
    for member in dictionary.synsets[label]:
        text = words_of(member)
        out.append(text)
        # A trailing '_' on the member or the synset label means "no plural".
        if final and not member.endswith("_") and label not in dictionary.no_plural_synsets \
                and not name.endswith("_"):
            form = plural(text)
            if form:
                out.append(form)
    return list(dict.fromkeys(out))


# Tokens of a pattern: {phrase}, (prep phrase), or a plain word/marker.
TOKEN = re.compile(r"\{[^{}()]*\}|\([^()]*\)|[^\s(){}]+")


def tokens(text: str) -> list[str] | None:
    """Split pattern text into tokens; None when brackets are unbalanced."""
    found = TOKEN.findall(text)
    if re.sub(r"\s", "", "".join(found)) != re.sub(r"\s", "", text):
        return None
    return found


class Skip(Exception):
    """A pattern gazette's row format cannot represent; the argument is a SKIP_REASONS key."""


def expand(token: str, dictionary: Dictionary, final: bool) -> list[str]:
    """The text alternatives of one content token: word, {phrase} or &synset.

    `final` says whether the token ends the object phrase (only then are plurals added).
    """
    if token.startswith("{"):
        inner = token[1:-1].split()
        parts = [expand(t, dictionary, final and i == len(inner) - 1) for i, t in enumerate(inner)]
        return combine(parts)
    if token.startswith("&"):
        # Kept as a reference ("&weapon"), written out once as a synset row: multiplying
        # synsets into every row made the file 6 MB and the program slow to start. The engine
        # accepts a member's regular plural, as PETRARCH's expansion did.
        members = synset_members(token, dictionary, False)
        if members is None:
            raise Skip("synset")
        label = token.rstrip("_").lstrip("&").lower()
        USED_SYNSETS[label] = members
        return [f"&{label}"]
    if token in {"$", "^", "%"}:
        raise Skip("actor")
    if token == "+":
        raise Skip("target-inside")
    if "/" in token and all(w.lower() in dictionary.prepositions for w in token.split("/")):
        return [w.lower() for w in token.split("/")]   # "(BY/WITH PROTESTS)": either word
    return [words_of(token)]


@dataclass
class Reading:
    """What a pattern says, in gazette's terms."""
    particle: str                 # a verb particle to append to the verb ("out"), or ""
    objects: list[str]            # alternatives of the object phrase, or [] for none
    prep: str                     # preposition of the target, "" = direct object


def read_pattern(text: str, dictionary: Dictionary) -> Reading:
    """Interpret a pattern's text (without the code); raises Skip."""
    prepositions = dictionary.prepositions
    body = re.sub(r"\[[^\]]*\]\s*$", "", text).strip()
    if body.count("*") != 1:
        raise Skip("malformed")
    pre, post = body.split("*")
    if pre.strip() not in {"", "$"}:
        raise Skip("pre")
    parts = tokens(post)
    if parts is None:
        raise Skip("malformed")

    particle = ""
    if parts and parts[0].strip("()") in PARTICLES:
        # "SET OUT VIEWS" and "PULL (OUT) (OF COALITION)" both mean the phrasal verb.
        particle = parts.pop(0).strip("()").lower()

    content: list[list[str]] = []   # the tokens of each content part, expanded at the end
    prep = None                    # None until a target part is seen
    index = 0
    while index < len(parts):
        part = parts[index]
        is_last = index == len(parts) - 1
        if prep is not None and part != "+":
            raise Skip("after-target")
        if part.startswith("("):
            inner = tokens(part[1:-1])
            if not inner:
                raise Skip("malformed")
            word, rest = inner[0], inner[1:]
            if word in {"$", "^", "%", "+"} or word.startswith(("{", "&")):
                raise Skip("actor" if word in {"$", "^", "%"} else "malformed")
            if not rest:
                # "(WITH)" is the target's preposition only at the end or before "+".
                if not (is_last or parts[index + 1] == "+"):
                    raise Skip("prep-then-more")
                prep = "|".join(expand(word, dictionary, False))
            elif rest == ["+"]:
                prep = "|".join(expand(word, dictionary, False))
            elif "+" in rest:
                raise Skip("target-inside")
            else:
                content.append([word] + rest)
        elif part == "+":
            if prep is None:
                # A bare preposition word just before "+" introduces the target.
                last = parts[index - 1] if index else ""
                if content and last.lower() in prepositions and not last.startswith(("(", "{", "&")):
                    content.pop()
                    prep = "|".join(expand(last, dictionary, False))
                else:
                    prep = ""
        elif part in {"$", "^", "%"}:
            raise Skip("actor")
        elif is_last and content and part.lower() in prepositions:
            prep = "|".join(expand(part, dictionary, False))   # "SANCTIONS AGAINST"
        else:
            content.append([part])
        index += 1

    # Expanded only now, when it is known which token ends the phrase (see expand()).
    expanded = []
    for number, toks in enumerate(content):
        last = number == len(content) - 1
        expanded.append(combine([expand(t, dictionary, last and i == len(toks) - 1)
                                 for i, t in enumerate(toks)]))
    objects = combine(expanded) if expanded else []
    if len(objects) > MAX_ALTERNATIVES:
        raise Skip("too-many")
    return Reading(particle, objects, prep or "")


def combine(parts: list[list[str]]) -> list[str]:
    """Join parts in order, multiplying their alternatives; keeps first-seen order."""
    if len(parts) > 1 and prod_len(parts) > MAX_ALTERNATIVES:
        raise Skip("too-many")
    return list(dict.fromkeys(" ".join(p for p in combo if p) for combo in itertools.product(*parts)))


def prod_len(parts: list[list[str]]) -> int:
    total = 1
    for p in parts:
        total *= max(1, len(p))
    return total


def split_code(code: str) -> tuple[str, str]:
    """'042:043' -> ('042', '043'); '163' -> ('163', ''); ':173' -> ('', '173')."""
    first, _, second = code.partition(":")
    return first.strip(), second.strip()


@dataclass
class Candidate:
    phrase: str
    objects: tuple[str, ...]
    prep: str
    cameo: str
    symmetric: str
    line: int
    group: str
    own: bool        # written for this verb: its own [code], or a pattern whose comment names it
    pattern: bool    # from a pattern (else a bare verb row)


def check_code(code: str, codes: set[str]) -> str | None:
    """The skip reason for a code, or None when it can be used."""
    cameo, symmetric = split_code(code)
    if cameo == "---" or not code:
        return "no-event"
    if not cameo:
        return "passive"
    if cameo not in codes or (symmetric and symmetric != "---" and symmetric not in codes):
        return "unknown-code"
    return None


def build_events(dictionary: Dictionary, codes: set[str],
                 skipped: Counter, examples: dict[str, list[str]]) -> list[Candidate]:
    """All candidate rows, before the one-row-per-key resolution."""
    out: list[Candidate] = []

    def skip(reason: str, line: int, what: str) -> None:
        skipped[reason] += 1
        examples[reason].append(f"{DICTIONARY}:{line} {what}")

    for group in dictionary.groups:
        for verb in group.verbs:
            code = verb.code or group.code
            reason = check_code(code, codes)
            if reason:
                # Only a verb's own bad code is worth a count: [---] blocks are the norm.
                if verb.code and reason != "no-event":
                    skip(reason, verb.line, f"{verb.head} [{code}]")
                continue
            cameo, symmetric = split_code(code)
            out.append(Candidate(verb.phrase, (), "", cameo, "" if symmetric == "---" else symmetric,
                                 verb.line, group.name, bool(verb.code), False))
        for pattern in group.patterns:
            reason = check_code(pattern.code, codes)
            if reason:
                skip(reason, pattern.line, pattern.text)
                continue
            try:
                reading = read_pattern(pattern.text, dictionary)
            except Skip as why:
                skip(why.args[0], pattern.line, pattern.text)
                continue
            cameo, symmetric = split_code(pattern.code)
            for verb in group.verbs:
                phrase = verb.phrase
                if reading.particle and " " not in phrase:
                    phrase = f"{phrase} {reading.particle}"
                elif reading.particle:
                    # "carry out" + OUT is already there; another particle would be odd.
                    if not phrase.endswith(reading.particle):
                        continue
                out.append(Candidate(phrase, tuple(reading.objects), reading.prep, cameo,
                                     "" if symmetric == "---" else symmetric, pattern.line,
                                     group.name, pattern.origin == verb.head, True))
    return out


def resolve(candidates: list[Candidate]) -> tuple[list[Candidate], int, int]:
    """One row per (phrase, objects): merge same-code candidates, then pick by priority.

    Returns the rows, the number of keys where codes disagreed, and the number of
    duplicate candidates merged away.
    """
    by_key: dict[tuple[str, tuple[str, ...]], list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_key[(c.phrase, c.objects)].append(c)
    rows: list[Candidate] = []
    conflicts = merged = 0
    for key in sorted(by_key):
        group = by_key[key]
        by_code: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
        for c in group:
            by_code[(c.cameo, c.symmetric)].append(c)
        options = []
        for (cameo, symmetric), same in by_code.items():
            same.sort(key=lambda c: c.line)
            preps: list[str] = []
            for c in same:
                for p in c.prep.split("|"):
                    if p not in preps:
                        preps.append(p)
            # The direct object (empty prep) covers "V X" and "V prep X" alike.
            prep = "" if "" in preps else "|".join(preps)
            best = min(same, key=priority)
            options.append(Candidate(best.phrase, best.objects, prep, cameo, symmetric, best.line,
                                     best.group, any(c.own for c in same), any(c.pattern for c in same)))
            merged += len(same) - 1
        if len(options) > 1:
            conflicts += 1
        rows.append(min(options, key=priority))
    return rows, conflicts, merged


def priority(c: Candidate) -> tuple[bool, bool, int]:
    """Sort key of candidates for one (phrase, objects) key: the smallest wins.

    Only a bare verb row and patterns with no object (just "(WITH)") share a key.  The
    bare row wins: it is the block's general code, where "MEET (AT) [036]" would turn
    every "met" into an intent to meet.  Then the row written for this very verb, then
    the earlier line.
    """
    return (c.pattern, not c.own, c.line)


# ---------------------------------------------------------------------- checking


@dataclass
class EventRow:
    phrase: str
    kind: str
    object: str
    prep: str
    cameo: str
    symmetric: str
    note: str
    where: str       # file:line, for messages

    def key(self) -> tuple[str, str, tuple[str, ...]]:
        """The loader's override key: trigger, kind and the ordered object list."""
        objects = tuple(o.strip().lower() for o in self.object.split("|") if o.strip())
        return (self.phrase.strip().lower(), self.kind or "verb", objects)

    def fields(self) -> list[str]:
        return [self.phrase, self.kind, self.object, self.prep, self.cameo, self.symmetric, self.note]


def check_events(rows: list[EventRow], codes: set[str]) -> list[str]:
    """Problems with event rows, each naming the row; [] when all is well."""
    problems = []
    seen: dict[tuple, str] = {}
    for row in rows:
        where = f"{row.where} ({row.phrase!r})"
        for name, value in zip(EVENT_HEADER, row.fields()):
            if any(ch in value for ch in "\t\r\n"):
                problems.append(f"{where}: {name} contains a tab or line break")
            if name in {"phrase", "kind", "cameo", "symmetric", "note"} and "|" in value:
                problems.append(f"{where}: {name} {value!r} is a single value and may not contain '|'")
        if not row.phrase.strip():
            problems.append(f"{where}: empty phrase")
        elif row.phrase != row.phrase.strip().lower() or "  " in row.phrase:
            problems.append(f"{where}: phrase {row.phrase!r} must be lower case, single-spaced, trimmed")
        if row.kind not in {"verb", "noun"}:
            problems.append(f"{where}: kind {row.kind!r} must be verb or noun")
        for name, value in (("object", row.object), ("prep", row.prep)):
            if value and value != "-" and any(not item.strip() or item != item.strip().lower()
                                              for item in value.split("|")):
                problems.append(f"{where}: {name} {value!r} has an empty, padded or capitalised item")
        if row.object == "-":
            problems.append(f"{where}: object may not be '-' (leave it empty)")
        if "-" in row.prep.split("|") and row.prep != "-":
            problems.append(f"{where}: prep '-' (no target) cannot be combined with prepositions")
        if row.cameo not in codes:
            problems.append(f"{where}: cameo {row.cameo!r} is not in {CODES_FILE}")
        if row.symmetric and row.symmetric not in codes:
            problems.append(f"{where}: symmetric {row.symmetric!r} is not in {CODES_FILE}")
        key = row.key()
        if key in seen:
            problems.append(f"{where}: same phrase, kind and object as {seen[key]}; the loader "
                            "would keep only the later row")
        seen.setdefault(key, row.where)
    return problems


def read_curated(path: Path) -> tuple[list[EventRow], list[str]]:
    """The curated rows; problems with the file's shape are returned, not raised."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(f"cannot read the curated file {path}: {err}") from err
    rows: list[EventRow] = []
    problems: list[str] = []
    header: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if header != EVENT_HEADER:
                problems.append(f"{path.name}:{number}: header must be {EVENT_HEADER}, not {header}")
                return rows, problems
            continue
        if len(fields) > len(header):
            problems.append(f"{path.name}:{number}: {len(fields)} fields; is there a stray TAB?")
            continue
        fields += [""] * (len(header) - len(fields))
        rows.append(EventRow(*fields, where=f"{path.name}:{number}"))
    if header is None:
        problems.append(f"{path.name}: no header row")
    return rows, problems


# ---------------------------------------------------------------------- writing

MIT_NOTICE = """\
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
# BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

CODES_PREAMBLE = """\
# cameo-codes.tsv: the CAMEO event codes, with Goldstein scores, quad classes and PLOVER types.
# GENERATED by tools/gen_events.py -- do not edit by hand; change the script and run
#   python3 tools/gen_events.py
#
# LICENCE: this file is licensed under the Creative Commons Attribution-ShareAlike 4.0
# International licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/), because
# its plover column is adapted from the PLOVER CAMEO-to-PLOVER conversion table. Keep it a separate
# file under that licence.
# ATTRIBUTION: plover column from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17 Sep 2021), in
# openeventdata/PLOVER commit 5e0c24fb, (c) Open Event Data Alliance, CC BY-SA 4.0. Changes: a
# code not in the table takes its nearest listed ancestor's type; roots 01 and 02, which PLOVER
# drops, are left empty; mode and context are not copied.
# Codes, names and quad classes: the CAMEO codebook (Parus Analytics) through the ICEWS CAMEO
# table of andybega/icews (data-raw/cameo-codes.csv, commit 3746c729), under this notice:
#   MIT License. Copyright (c) 2022 Andreas Beger
{mit}# Goldstein scores: GDELT's CAMEO.goldsteinscale.txt lookup table; 1213, which it lacks, from ICEWS.
# Names are in sentence case. 176 (Attack cybernetically) is not in the codebook: PETRARCH-2 and
# the Phoenix data sets use it for cyber attacks; its Goldstein score is its root's.
#
# Columns: code (CAMEO event code, a string: 010 is not 10), name, root (two-digit root),
# goldstein (Goldstein conflict-cooperation score, -10..10), quad_class (1 verbal cooperation,
# 2 material cooperation, 3 verbal conflict, 4 material conflict), plover (PLOVER event type).
"""

GENERATED_PREAMBLE = """\
# events-generated.tsv: verb triggers and their CAMEO codes, from the PETRARCH-2 verb dictionary.
# GENERATED by tools/gen_events.py -- do not edit by hand; change the script and run
#   python3 tools/gen_events.py
# The hand-curated events.tsv overrides rows with the same phrase, kind and object.
#
# Derived from CAMEO.2.0.txt of openeventdata/petrarch2 (commit 676801cd), under this notice:
#   The MIT License (MIT)
{copyright}{mit}#
# Columns (see gazetteers/README.md and tools/README.md):
#   phrase     the trigger verb in its base form, lower case (the engine inflects it)
#   kind       verb (this file has no nouns)
#   object     |-separated words or phrases, one of which must follow the verb closely;
#              empty = the verb alone is the trigger
#   prep       |-separated prepositions that introduce the target; empty = the target is the
#              direct object (the first actor after the trigger and its object)
#   cameo      the CAMEO code; symmetric = the code of the reverse event (042 visit -> 043 host)
#   note       CAMEO.2.0.txt:LINE BLOCK, the dictionary line the row comes from
"""


def render_codes(rows: list[dict[str, str]]) -> str:
    lines = [CODES_PREAMBLE.format(mit=MIT_NOTICE).rstrip("\n"), "\t".join(CODE_HEADER)]
    lines += ["\t".join(r[c] for c in CODE_HEADER) for r in rows]
    return "\n".join(lines) + "\n"


def render_events(rows: list[EventRow], copyright_lines: list[str]) -> str:
    copyright_text = "".join(f"#   {line}\n" for line in copyright_lines)
    preamble = GENERATED_PREAMBLE.format(copyright=copyright_text, mit=MIT_NOTICE)
    lines = [preamble.rstrip("\n"), "\t".join(EVENT_HEADER)]
    lines += ["\t".join(r.fields()) for r in rows]
    return "\n".join(lines) + "\n"


def read_prepositions(path: Path) -> set[str]:
    try:
        words = path.read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(f"cannot read {path}: {err}") from err
    if "with" not in words or "against" not in words:
        raise SourceError(f"{path} does not look like a list of prepositions")
    return set(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", type=Path, default=DEFAULT_PEERS,
                        help="folder with cameo/, plover/ and petrarch2/ (default: %(default)s)")
    parser.add_argument("--gazetteers", type=Path, default=DEFAULT_GAZETTEERS,
                        help="folder to write to and to read events.tsv from (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true",
                        help="also list every skipped pattern and dropped verb, and the overridden rows")
    args = parser.parse_args(argv)

    try:
        code_rows = build_codes(args.peers)
        codes = {r["code"] for r in code_rows}
        dictionary = read_dictionary(args.peers / "petrarch2" / "dictionaries" / DICTIONARY)
        # The repository's LICENSE names an older holder than the file's own header; both
        # notices are kept, since the file is distributed under the repository's licence too.
        for line in (args.peers / "petrarch2" / "LICENSE").read_text(encoding="utf-8").splitlines():
            if "Copyright (c)" in line and line.strip() not in dictionary.copyright_lines:
                dictionary.copyright_lines.append(line.strip())
        dictionary.prepositions = read_prepositions(
            args.peers / "petrarch2" / "dictionaries" / "Phoenix.prepositions.txt")
        curated, curated_problems = read_curated(args.gazetteers / CURATED_FILE)
    except (SourceError, OSError, UnicodeDecodeError) as err:
        print(f"gen_events: {err}", file=sys.stderr)
        return 2

    skipped: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    candidates = build_events(dictionary, codes, skipped, examples)
    resolved, conflicts, merged = resolve(candidates)
    # Bare verbs are left out: PETRARCH gives a block's bare code ("say" 010, "head" 030,
    # "strike" 190) only when its parser has found a subject and an object of the right kind,
    # and gazette has no parser; in its grammar they coded "strikes a deal" as an attack. The
    # curated file lists the bare verbs that are safe ("accuse", "condemn", "meet").
    generated = [
        EventRow(c.phrase, "verb", "|".join(c.objects), c.prep, c.cameo, c.symmetric,
                 f"{DICTIONARY}:{c.line} {c.group}", where="")
        for c in resolved
        if c.objects
    ]
    generated.sort(key=lambda r: (r.phrase, r.object, r.prep, r.cameo))
    for number, row in enumerate(generated, 1):
        row.where = f"{GENERATED_FILE} row {number}"
    synset_rows = [
        EventRow(f"&{label}", "synset", "|".join(members), "", "", "", f"{DICTIONARY} synset &{label.upper()}",
                 where=f"{GENERATED_FILE} synset &{label}")
        for label, members in sorted(USED_SYNSETS.items())
    ]

    problems = check_events(generated, codes) + curated_problems + check_events(curated, codes)
    for row in code_rows:
        if not re.fullmatch(r"\d{2,4}", row["code"]) or not row["name"] or row["root"] != row["code"][:2]:
            problems.append(f"{CODES_FILE} code {row['code']}: malformed code, name or root")
        if row["quad_class"] not in {"1", "2", "3", "4"}:
            problems.append(f"{CODES_FILE} code {row['code']}: quad_class {row['quad_class']!r}")
        try:
            float(row["goldstein"])
        except ValueError:
            problems.append(f"{CODES_FILE} code {row['code']}: goldstein {row['goldstein']!r}")
    if problems:
        for p in problems:
            print(f"gen_events: {p}", file=sys.stderr)
        print(f"gen_events: {len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1

    args.gazetteers.mkdir(parents=True, exist_ok=True)
    (args.gazetteers / CODES_FILE).write_bytes(render_codes(code_rows).encode("utf-8"))
    (args.gazetteers / GENERATED_FILE).write_bytes(
        render_events(synset_rows + generated, dictionary.copyright_lines).encode("utf-8"))

    curated_keys = {r.key(): r.where for r in curated}
    overridden = [r for r in generated if r.key() in curated_keys]
    report(code_rows, generated, curated, overridden, dictionary, skipped, examples,
           conflicts, merged, args.verbose)
    return 0


def report(code_rows, generated, curated, overridden, dictionary, skipped, examples,
           conflicts, merged, verbose) -> None:
    """The summary on stderr; --verbose adds the skipped patterns and overrides."""
    err = sys.stderr
    verbs = {r.phrase for r in generated}
    no_plover = sum(1 for r in code_rows if not r["plover"])
    print(f"gen_events: wrote {len(code_rows)} codes to {CODES_FILE} ({no_plover} without a PLOVER "
          f"type: roots 01 and 02)", file=err)
    print(f"gen_events: wrote {len(generated)} rows to {GENERATED_FILE}: {len(verbs)} verb phrases, "
          f"{sum(1 for r in generated if not r.object)} bare-verb rows, "
          f"{sum(1 for r in generated if r.object)} with an object; "
          f"{merged} duplicate candidates merged, {conflicts} keys with disagreeing codes resolved", file=err)
    by_root: dict[str, Counter] = defaultdict(Counter)
    for r in generated:
        by_root[r.cameo[:2]][r.cameo] += 1
    cur_root = Counter(r.cameo[:2] for r in curated)
    print("gen_events: rows per CAMEO root (generated rows / distinct codes; curated rows):", file=err)
    for root in sorted(set(by_root) | set(cur_root)):
        print(f"  {root}: {sum(by_root[root].values()):5d} / {len(by_root[root]):2d}; {cur_root[root]:3d}",
              file=err)
    total = sum(skipped.values())
    print(f"gen_events: {total} patterns or verb codes skipped:", file=err)
    for reason, count in skipped.most_common():
        print(f"  {count:5d}  {SKIP_REASONS[reason]}", file=err)
    print(f"gen_events: {len(dictionary.dropped_verbs)} verb lines dropped (fixed forms and "
          f"conjunction fragments)", file=err)
    print(f"gen_events: {CURATED_FILE}: {len(curated)} rows, checked; they override "
          f"{len(overridden)} generated rows", file=err)
    if verbose:
        for reason, lines in sorted(examples.items()):
            for line in lines:
                print(f"skipped ({SKIP_REASONS[reason]}): {line}", file=err)
        for number, head, why in dictionary.dropped_verbs:
            print(f"dropped verb: {DICTIONARY}:{number} {head}: {why}", file=err)
        for r in overridden:
            print(f"overridden: {r.phrase} [{r.object}] {r.cameo} ({r.note})", file=err)
    elif total:
        print("gen_events: --verbose lists them", file=err)


if __name__ == "__main__":
    sys.exit(main())
