#!/usr/bin/env python3
"""Writes tests/data/dedup/corpus.jsonl: the labelled corpus `--dedup` is measured on.

Every article in fixtures/*.txt and tests/data/dedup/same-topic/*.txt is one story and goes in
as written. Each then gets three syndicated copies, each made by one or two of the edits that
copies go through on their way from a wire to a site (a new headline with a site tagline and a
byline; publisher boilerplate and "READ:" links; paragraphs dropped; paragraphs moved; the names
in one paragraph edited; the end cut off), and the lot is shuffled, so that a copy sometimes
comes before the original. The same-topic articles are different stories about the subject of a
fixture (the NATO summit, the Sudan truce, the ICC warrant, the WHO agreement, the Red Sea
strikes), written for this corpus: they must not be merged with it. So must the fixtures'
own same-topic pairs (the Albania and Peru sets).

Each line is {"id", "story", "edit", "text"}: `story` is the true story label, `edit` names the
edits. gazette reads the file with `--input jsonl` and ignores the extra fields.

The output depends only on the inputs and the fixed seed:
    python3 scripts/gen-dedup-corpus.py   # from the repository root
"""

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "dedup" / "corpus.jsonl"
SEED = 20240612
COPIES_PER_STORY = 3

# Two files that are one story: the fixtures README says so.
SAME_STORY = {"peru-expels-mexico-ambassador-wire-b": "peru-expels-mexico-ambassador-wire-a"}

# Each same-topic article and the fixture on its subject. Its follow-up (the article plus two
# background paragraphs lifted from the fixture, as wire follow-ups reuse background) is still
# its own story: the pairs that decide how low the threshold may go.
FOLLOW_UPS = {
    "nato-vilnius-zelenskyy-timetable-anger": "nato-vilnius-summit-turkey-sweden",
    "sudan-omdurman-hospital-aid-convoy": "sudan-truce-jeddah-talks",
    "kremlin-dismisses-icc-warrant": "icc-arrest-warrant-putin",
    "who-pandemic-pathogen-annex-talks": "who-pandemic-agreement-geneva",
    "houthis-vow-retaliation-red-sea-shipping": "us-uk-strikes-houthis-yemen",
}

# Made-up outlets and people, for taglines, bylines and footers.
SITES = [
    ("Coastal Courier", "news for the harbour towns since 1921"),
    ("Daily Meridian", "world news in brief, every morning"),
    ("The Northgate Times", "independent journalism from the north"),
    ("Plains Herald Online", "your region, your world"),
    ("Riverside Post", "breaking news and analysis"),
]
WRITERS = ["Maria Kovalenko", "Tom Adebayo", "Lena Fischer", "Omar Haddad", "Grace Liu", "Piet de Vries"]
# Capitalised words that start sentences or name days and months rather than people.
NOT_NAMES = set(
    "The A An In On At By But And Or If As For From Of To With Without After Before Since While "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December He She It They We This That".split()
)
EDIT_VERBS = {"said": "told reporters", "says": "told reporters", "added": "went on", "told": "informed"}


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def is_body(paragraph):
    """A paragraph of running text, as opposed to a headline, tagline, dateline or caption."""
    return len(paragraph.split()) > 12 and paragraph.rstrip()[-1:] in ".\"”'’"


def split_article(text):
    paras = paragraphs(text)
    first = next((i for i, p in enumerate(paras) if is_body(p)), 0)
    return paras[:first], paras[first:]


def new_headline(body):
    """A headline a copy editor might write: the lead's opening words, in title case."""
    lead = re.split(r"\s[-–—]\s", body[0], maxsplit=1)[-1]
    words = re.sub(r"[,.;:“”\"()]", "", lead).split()[:9]
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in words)


def byline(rng):
    return f"By {rng.choice(WRITERS)}"


def tagline(site):
    return f"{site[0]} | {site[1]}"


def footer(site, rng):
    lines = [
        f"Follow us on Facebook, X and Instagram for the latest from {site[0]}.",
        f"Sign up for our morning newsletter and get the day's top stories by 7am.",
        f"© 2024 {site[0]}. All rights reserved.",
    ]
    return lines[: rng.randint(1, 3)]


def edit_headline(head, body, rng, site, others):
    return [tagline(site), new_headline(body), byline(rng)], body


def edit_boilerplate(head, body, rng, site, others):
    body = list(body)
    at = rng.randint(1, max(1, len(body) - 1))
    body.insert(at, f"READ: {rng.choice(others)}")
    return [tagline(site)] + head, body + footer(site, rng)


def edit_drop(head, body, rng, site, others):
    if len(body) < 4:
        return head, body
    keep = list(body)
    for _ in range(rng.randint(1, 2)):
        keep.pop(rng.randint(1, len(keep) - 1))
    return head, keep


def edit_reorder(head, body, rng, site, others):
    body = list(body)
    if len(body) >= 4:
        i = rng.randint(1, len(body) - 2)
        body[i], body[i + 1] = body[i + 1], body[i]
        body.append(body.pop(1))
    return head, body


def edit_names(head, body, rng, site, others):
    """One paragraph's names get a middle initial or lose their first name, and its verbs of
    saying change: what a sub-editor does to house style."""
    body = list(body)
    names = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")
    candidates = [
        i
        for i, p in enumerate(body)
        if any(m.group(1) not in NOT_NAMES and m.group(2) not in NOT_NAMES for m in names.finditer(p))
    ]
    if not candidates:
        return head, body
    i = rng.choice(candidates)

    def rename(match):
        first, last = match.group(1), match.group(2)
        if first in NOT_NAMES or last in NOT_NAMES:
            return match.group(0)
        if rng.random() < 0.5:
            return f"{first} {rng.choice('ABCDEHJKLMRST')}. {last}"
        return last

    edited = names.sub(rename, body[i])
    edited = re.sub(r"\b(said|says|added|told)\b", lambda m: EDIT_VERBS[m.group(1)], edited)
    body[i] = edited
    return head, body


def edit_brief(head, body, rng, site, others):
    """Only the first two paragraphs: a site's news-in-brief item."""
    return head, body[:2]


def edit_truncate(head, body, rng, site, others):
    keep = max(2, round(len(body) * rng.uniform(0.5, 0.7)))
    return head, body[:keep] + ["Subscribe to continue reading this article."]


EDITS = {
    "headline": edit_headline,
    "boilerplate": edit_boilerplate,
    "drop": edit_drop,
    "reorder": edit_reorder,
    "names": edit_names,
    "truncate": edit_truncate,
    "brief": edit_brief,
}
# Each copy gets one of these edit sets; every set is used for every kind of article over the
# corpus, and the combined ones are what real syndication usually looks like.
RECIPES = [
    ["headline"],
    ["boilerplate"],
    ["drop"],
    ["reorder"],
    ["names"],
    ["truncate"],
    ["headline", "boilerplate"],
    ["headline", "drop", "names"],
    ["boilerplate", "reorder", "truncate"],
    ["headline", "brief"],
]


def main():
    rng = random.Random(SEED)
    sources = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(
        (ROOT / "tests" / "data" / "dedup" / "same-topic").glob("*.txt")
    )
    articles = [(p.stem, p.read_text(encoding="utf-8-sig")) for p in sources]
    headlines = [new_headline(split_article(text)[1]) for _, text in articles]
    docs = []
    recipe_turn = 0
    for name, text in articles:
        story = SAME_STORY.get(name, name)
        docs.append({"id": name, "story": story, "edit": "original", "text": text})
        head, body = split_article(text)
        for copy in range(COPIES_PER_STORY):
            recipe = RECIPES[recipe_turn % len(RECIPES)]
            recipe_turn += 1
            site = rng.choice(SITES)
            others = [h for h in headlines if h != new_headline(body)]
            h, b = head, body
            for edit in recipe:
                h, b = EDITS[edit](h, b, rng, site, others)
            docs.append(
                {
                    "id": f"{name}~{copy + 1}",
                    "story": story,
                    "edit": "+".join(recipe),
                    "text": "\n\n".join(h + b) + "\n",
                }
            )
    texts = dict(articles)
    for name, fixture in FOLLOW_UPS.items():
        background = split_article(texts[fixture])[1][-2:]
        head, body = split_article(texts[name])
        docs.append(
            {
                "id": f"{name}~follow-up",
                "story": name,
                "edit": "follow-up with background from " + fixture,
                "text": "\n\n".join(head + body + background) + "\n",
            }
        )
    rng.shuffle(docs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    stories = len({d["story"] for d in docs})
    print(f"wrote {OUT.relative_to(ROOT)}: {len(docs)} documents, {stories} stories")


if __name__ == "__main__":
    main()
