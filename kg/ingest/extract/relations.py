"""Relations between findings: organisations' roles and projects, persons' affiliations, projects' programmes.

A role word (:data:`kg.ingest.extract.cues.ROLE_WORDS`) gives an organisation its role when it stands
within a few words of the name in the same sentence ("Agenzia … Puglia, capofila"); the project is the
one named in the sentence, else the article's main project. A person's affiliation is the
organisation nearest after (else before) the name in the same sentence.
"""

from __future__ import annotations

import regex

from kg.ingest.entities import Finding
from kg.ingest.extract import cues
from kg.ingest.extract.candidates import fold
from kg.ingest.extract.context import Context

__all__ = ["relate"]

_WINDOW = 60  # characters between a role word and the name it qualifies
_ROLE_PATTERNS = {role: regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(w) for w in words) + r")\w*")
                  for role, words in cues.ROLE_WORDS.items()}


def _role(ctx: Context, start: int, end: int) -> str | None:
    """Return the role word's role nearest to the name at ``start``..``end`` (same sentence), or None."""
    sentence = ctx.sentence_at(start)
    s0 = sentence.start
    folded = fold(sentence.text)
    if len(folded) != len(sentence.text):
        folded = sentence.text.lower()
    best: tuple[int, str] | None = None
    for role, pattern in _ROLE_PATTERNS.items():
        for match in pattern.finditer(folded):
            a, b = s0 + match.start(), s0 + match.end()
            distance = start - b if b <= start else a - end if a >= end else 0
            if 0 <= distance <= _WINDOW and (best is None or distance < best[0]):
                best = (distance, role)
    return best[1] if best else None


def _main_project(ctx: Context) -> Finding | None:
    projects = ctx.result.of("project")
    if not projects:
        return None
    return max(projects, key=lambda p: (int(p.attrs.get("mentions", 1)), p.score))


def relate(ctx: Context) -> None:
    """Set organisations' roles and projects, persons' affiliations and projects' programmes."""
    main = _main_project(ctx)
    orgs = [(a, b, f) for a, b, k, f in ctx.spans if k == "organisation"]
    for start, end, org in orgs:
        role = _role(ctx, start, end)
        if role and not org.attrs.get("role"):
            org.attrs["role"] = role
        sentence = ctx.sentence_at(start)
        here = sorted((a, f) for a, _b, k, f in ctx.within(sentence.start, sentence.start + len(sentence.text))
                      if k == "project")
        project = here[0][1] if here else (main if role in ("lead-partner", "partner") else None)
        if project is not None and not org.attrs.get("project"):
            org.attrs["project"] = project
    for a, b, kind, person in list(ctx.spans):
        if kind != "person" or person.attrs.get("affiliation"):
            continue
        sentence = ctx.sentence_at(a)
        end_of = sentence.start + len(sentence.text)
        near_orgs = [(s, e, f) for s, e, k, f in ctx.within(sentence.start, end_of) if k == "organisation"]
        after = [(s - b, f) for s, _e, f in near_orgs if b <= s < end_of]
        before = [(a - e, f) for _s, e, f in near_orgs if sentence.start <= e <= a]
        near = min(after or before, key=lambda x: x[0], default=None)
        if near is not None and near[0] <= 80:
            person.attrs["affiliation"] = near[1]
    programmes = ctx.result.of("programme")
    for project in ctx.result.of("project"):
        same = [p for p in programmes if p.sentence == project.sentence]
        chosen = same[0] if same else (programmes[0] if len(programmes) == 1 else None)
        if chosen is not None:
            project.attrs["programme"] = chosen
