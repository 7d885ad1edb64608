"""Projects and programmes: names next to a word for "project" or "programme", and project-like words.

A project is named after or before a word for "project" in the article's language ("the
CIREVALC project", "projekt „InfoSpace”", "proiectul transfrontalier Green Harmony"): an
acronym, a coined word ("Community4LivingAreas", "BiCoNet"), a short capitalised title or a
quoted one. Coined words with a digit or an inner capital are projects even without such a word,
with a lower score. A programme is "Interreg" with what follows it, or a name after a word for
"programme".
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kg.ingest.entities import Finding
from kg.ingest.extract import cues
from kg.ingest.extract.candidates import Sentence, is_acronym, is_capitalised
from kg.ingest.extract.context import Context
from kg.ingest.extract.cues import is_head

__all__ = ["find_programmes", "find_projects", "is_coined"]

_PROJECT_WORDS = frozenset(cues.PROJECT_WORDS)
_PROGRAMME_WORDS = frozenset(cues.PROGRAMME_WORDS)
#: Words after which a name is not a project, but before which an acronym is ("the INNO-DROP consortium").
_CONSORTIUM = frozenset("consortium consortia consorzio consorcio consorcio konsortium konsorcjum konsorcium "
                        "consortiu consortiul partnership partnerstwo parceria partenariato".split())
_ADJECTIVES = regex.compile(r"(?i)^(?:trans\w*|cross\w*|cooperation|european\w*|interreg|new|pilot|flagship|"
                            r"strategic\w*|nowy|nuovo|nuevo|novo|nouveau|neue\w*|transgraniczn\w*|"
                            r"transfrontali\w*|grenz\w*|přeshraničn\w*|cezhraničn\w*|tarpvalstyb\w*|"
                            r"prekogranič\w*|határon\w*|διασυνοριακ\w*|our|this|the|el|il|lo|la|le|der|das|die)$")
_NOT_PROJECT = frozenset("interreg europe eu ue european union commission programme program eur euro".split())
_COINED = regex.compile(r"^(?:\p{Lu}[\p{Ll}]+\d+[\p{L}\d]*|\d+\p{Lu}\p{Ll}+[\p{L}]*|\p{Lu}\p{Ll}+\d+\p{Lu}[\p{L}\d]*"
                        r"|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+|\p{Lu}{2,}\p{Ll}+\p{Lu}[\p{L}]*)$")


@lru_cache(maxsize=100_000)
def is_coined(word: str) -> bool:
    """True for a coined project-like word: "Community4LivingAreas", "4Pillars", "BiCoNet", "ClimACT"."""
    return len(word) >= 5 and bool(_COINED.match(word)) and not word.isupper()


def _spaced(sentence: Sentence, index: int) -> bool:
    """True when only spaces separate token ``index`` from the next one."""
    a, b = sentence.tokens[index].end - sentence.start, sentence.tokens[index + 1].start - sentence.start
    return sentence.text[a:b].strip() == ""


def _name_after(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """Return the token range of the name that follows the project word at ``index``."""
    toks = sentence.tokens
    i = index + 1
    while i < len(toks) and not toks[i].punct and _ADJECTIVES.match(toks[i].text):
        i += 1
    if i < len(toks) and toks[i].text in "„“\"«":
        end = i + 1
        while end < len(toks) and toks[end].text not in "”“\"»" and end - i <= 14:
            end += 1
        if end < len(toks) and end > i + 1:
            first = toks[i + 1]
            after = sentence.text[first.end - sentence.start:first.end - sentence.start + 3]
            if (is_acronym(first.text) or is_coined(first.text)) and after[:1] in ":–-" and end > i + 2:
                return i + 1, i + 1  # „INNOVAGRO: Development of …”: the acronym names the project
            return i + 1, end - 1
        return None
    if i >= len(toks) or toks[i].punct or not is_capitalised(toks[i].text) or not _spaced(sentence, i - 1) \
            or is_head(toks[i].folded):
        return None
    end = i
    while end + 1 < len(toks) and end - i < 3 and not toks[end + 1].punct and _spaced(sentence, end) and (
            is_capitalised(toks[end + 1].text) or regex.fullmatch(r"\d+(?:\.\d+)*", toks[end + 1].text)):
        end += 1
    return i, end


def _project_word(word: str) -> bool:
    """True for an acronym ("CIREVALC", "V4", "INNO-DROP") or a coined word ("BiCoNet")."""
    return is_acronym(word) or is_coined(word) or bool(regex.fullmatch(r"\p{Lu}+\d+|\p{Lu}\d\p{Lu}*", word))


def _name_before(sentence: Sentence, index: int) -> tuple[int, int] | None:
    toks = sentence.tokens
    i = index - 1
    if i >= 0 and toks[i].text in "”“\"»":
        i -= 1
    if i < 0 or toks[i].punct:
        return None
    if _project_word(toks[i].text):
        return i, i
    return None


def _listed(sentence: Sentence, index: int, step: int) -> list[int]:
    """Return the tokens of a list of acronyms next to ``index`` ("AYCH, MMIAH and ATLASWH")."""
    toks = sentence.tokens
    found = []
    j = index + step
    while 0 <= j < len(toks):
        a, b = (toks[j - step], toks[j]) if step > 0 else (toks[j], toks[j - step])
        gap = sentence.text[a.end - sentence.start:b.start - sentence.start].strip()
        if toks[j].folded in cues.CONJUNCTIONS and gap == "":
            j += step
            continue
        if gap not in (",", "") or not _project_word(toks[j].text):
            break
        found.append(j)
        j += step
    return found


def _common_word(word: str, lang: str) -> bool:
    """True for a word of the language's dictionary ("Setkání"): alone it names no project."""
    import simplemma

    try:
        return bool(simplemma.is_known(word, lang=lang) or simplemma.is_known(word.lower(), lang=lang))
    except ValueError:
        return False


def _project(ctx: Context, sentence: Sentence, first: int, last: int, score: float) -> None:
    name = sentence.span_text(first, last)
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    if len(name) < 3 or name.casefold() in _NOT_PROJECT or ctx.taken(start, end, ("project", "programme")):
        return
    if sum(1 for w in name.split() if is_capitalised(w)) == 0:
        return
    if ctx.taken(start, end):
        return
    found = ctx.confident(name, "project")
    attrs: dict[str, object] = {"acronym": name}
    ctx.add(Finding("project", name, "resolved" if found else "new", sentence.text.strip(),
                    found.iri if found else None, attrs=attrs, score=score), start, end)


def find_projects(ctx: Context) -> None:
    """Add the projects named next to a word for "project", then the coined project-like words."""
    for sentence in ctx.sentences:
        for index, token in enumerate(sentence.tokens):
            if token.folded not in _PROJECT_WORDS and token.folded not in _CONSORTIUM:
                continue
            after = _name_after(sentence, index) if token.folded in _PROJECT_WORDS else None
            if after is not None:
                words = sentence.span_text(*after).split()
                strong = len(words) == 1 and _project_word(words[0])
                if strong or len(words) > 1 or not _common_word(words[0], ctx.lang):
                    _project(ctx, sentence, *after, 0.85 if strong else 0.75 if len(words) <= 4 else 0.65)
                if strong:
                    for j in _listed(sentence, after[1], 1):
                        _project(ctx, sentence, j, j, 0.75)
            before = _name_before(sentence, index) if after is None else None  # "SUDOE project ClimACT"
            if before is not None:
                _project(ctx, sentence, *before, 0.85)
                for j in _listed(sentence, before[0], -1):
                    _project(ctx, sentence, j, j, 0.75)
    for sentence in ctx.sentences:
        for k, token in enumerate(sentence.tokens):
            if k > 0 and sentence.text[token.start - sentence.start - 1:token.start - sentence.start] in "#@":
                continue  # a hashtag or handle
            if is_coined(token.text) and not ctx.taken(token.start, token.end):
                _project(ctx, sentence, sentence.tokens.index(token), sentence.tokens.index(token), 0.6)


_INTERREG = regex.compile(r"\bInterreg(?:[ -](?:[IVX]+(?:-[A-D])?|NEXT|IPA|Europe"
                          r"|[\p{Lu}][\p{L}]+(?:-[\p{Lu}][\p{L}]+)*"
                          r"|\d{4}-\d{4}|20\d\d|–|-|and|i|și|e|y|et|und))*")


def find_programmes(ctx: Context) -> None:
    """Add "Interreg …" names and names after a word for "programme" as programmes."""
    for match in _INTERREG.finditer(ctx.text):
        name = match.group(0).strip(" -–")
        if ctx.taken(match.start(), match.end(), ("programme", "project")):
            continue
        found = ctx.confident(name, "programme")
        ctx.add(Finding("programme", name, "resolved" if found else "new", ctx.sentence_at(match.start()).text.strip(),
                        found.iri if found else None, score=0.8), match.start(), match.start() + len(name))
    for sentence in ctx.sentences:
        for index, token in enumerate(sentence.tokens):
            if token.folded not in _PROGRAMME_WORDS:
                continue
            after = _name_after(sentence, index)
            if after is None:
                continue
            name = sentence.span_text(*after)
            start, end = sentence.tokens[after[0]].start, sentence.tokens[after[1]].end
            if len(name) < 4 or ctx.taken(start, end):
                continue
            found = ctx.confident(name, "programme")
            ctx.add(Finding("programme", name, "resolved" if found else "new", sentence.text.strip(),
                            found.iri if found else None, score=0.7), start, end)
