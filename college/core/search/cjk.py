"""Chinese text for search engines that split words on spaces.

PostgreSQL's and SQLite's full-text parsers take a run of Chinese characters
as one token, so 矛盾纠纷调解中心 is a single "word" and a search for 调解 finds
nothing.  We index each run as overlapping character bigrams
(矛盾 盾纠 纠纷 纷调 调解 解中 中心) — the same scheme as Elasticsearch's
``cjk_bigram`` filter — and turn each Chinese word of a query into a phrase
of its bigrams, so 调解中心 must match 调解, 解中, 中心 next to each other.
Non-Chinese text passes through unchanged.
"""

import re
import unicodedata

from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

# CJK Unified Ideographs (+ extension A, compatibility ideographs, and the
# supplementary-plane extensions B–F).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN_RUN = re.compile(f"[{_HAN}]+")
# Chinese punctuation and symbols that parsers may glue to words.
_CJK_PUNCT = re.compile("[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u00b7]")


def han_bigrams(run: str) -> list[str]:
    """The overlapping two-character tokens of a run of Han characters."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def segment(text: str) -> str:
    """Text with every run of Han characters replaced by its bigrams."""
    if not text:
        return text
    text = unicodedata.normalize("NFKC", _CJK_PUNCT.sub(" ", text))
    return HAN_RUN.sub(lambda m: " " + " ".join(han_bigrams(m.group())) + " ", text)


def contains_han(text: str) -> bool:
    return bool(HAN_RUN.search(text or ""))


def _term_query(term: str, operator: str):
    tokens = segment(term).split()
    if len(tokens) == 1:
        return PlainText(tokens[0], operator=operator)
    return Phrase(" ".join(tokens))


def rewrite_query(query):
    """A search query whose Chinese words are phrases of bigrams.

    ``PlainText("调解 mediation")`` becomes ``Or([Phrase("调解"),
    PlainText("mediation")])`` (``And`` with the "and" operator).
    """
    if isinstance(query, PlainText):
        if not contains_han(query.query_string):
            return query
        operator = query.operator
        plain_terms, parts = [], []
        for term in query.query_string.split():
            if contains_han(term):
                if segment(term).split():
                    parts.append(_term_query(term, operator))
            else:
                plain_terms.append(term)
        if plain_terms:
            parts.append(PlainText(" ".join(plain_terms), operator=operator))
        if not parts:
            return query
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)
    if isinstance(query, Phrase):
        return Phrase(" ".join(segment(query.query_string).split())) if contains_han(query.query_string) else query
    if isinstance(query, (And, Or)):
        return type(query)([rewrite_query(q) for q in query.subqueries])
    if isinstance(query, Not):
        return Not(rewrite_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(rewrite_query(query.subquery), query.boost)
    return query
