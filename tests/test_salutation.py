"""Salutations that share their line (同志们：今天… / 亲爱的同学们，大家好！), and the rule
that keeps every pattern of the package linear: no repetition inside a repetition."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import speechparse
from speechparse.classify import salutation_greeting, salutation_lead

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]


@pytest.mark.parametrize("line", ["各位网友：", "网友们：", "各位客服同事：", "本站的朋友们："])
def test_a_salutation_holding_a_furniture_word_is_the_salutation(line: str) -> None:
    body = "今年以来，全县上下认真贯彻落实县委部署，各项工作取得了新的进展，成绩来之不易。\n"
    doc = speechparse.parse(f"在全县工作会议上的讲话\n{line}\n{body}{body}")
    (speech,) = doc.speeches
    assert speech.salutation is not None and speech.salutation.text == line[:-1]
    assert not doc.removed


@pytest.mark.parametrize(
    ("line", "salutation"),
    [
        ("同志们：今天我们召开全县经济工作会议。", "同志们："),
        ("尊敬的各位领导、各位来宾：大家好！", "尊敬的各位领导、各位来宾："),
        ("各位代表，同志们：现在开会。", "各位代表，同志们："),
        ("主席，各位议员：现在我向大会报告。", "主席，各位议员："),  # a person named first
        ("主席,各位议员: 澳门正进入新的阶段。", "主席,各位议员:"),
        ("各位领导，：现在开会。", "各位领导，："),
        # not salutations
        ("今天，各位领导来我县调研指导工作：", ""),  # no addressee first, no person first
        ("向各位来宾表示热烈欢迎：", ""),
        ("下面，我代表各位讲几点意见：", ""),  # sentence words
        ("各位领导。同志们：", ""),  # a sentence ends before the colon
        ("同志们今天我们要讲三个问题", ""),  # no colon
    ],
)
def test_salutation_that_opens_a_line(line: str, salutation: str) -> None:
    assert salutation_lead(line) == len(salutation)


@pytest.mark.parametrize(
    ("line", "salutation"),
    [
        ("亲爱的同学们，大家早上好！", "亲爱的同学们"),
        ("尊敬的各位老师、亲爱的同学们，大家好！", "尊敬的各位老师、亲爱的同学们"),
        (
            "大会主席某某院长、现场各位贵宾、电视机前的全体同胞，大家早安，大家好。",
            "大会主席某某院长、现场各位贵宾、电视机前的全体同胞",
        ),
        ("各位来宾，朋友们，晚上好！", "各位来宾，朋友们"),
        # not salutations with a greeting
        ("各位来宾，今天天气很好，我们在这里集会。", ""),
        ("大家好！", ""),
        ("同学们，大家好，下面我们开始上课，请大家拿出课本。", ""),  # the greeting does not end it
    ],
)
def test_salutation_with_its_greeting(line: str, salutation: str) -> None:
    assert salutation_greeting(line) == len(salutation)


@pytest.mark.parametrize(
    "line",
    ["各位" * 32, "各位" * 30 + "，", "各位、" * 20 + "，", "各位，" * 300 + "：", "同志们" * 400],
)
def test_repeated_addressee_words_are_no_salutation(line: str) -> None:
    """Once read by nested patterns that backtracked for seconds on such lines."""
    assert salutation_lead(line) == 0
    assert salutation_greeting(line) == 0


_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}


def _nested_repeat(items: object, inside: bool = False) -> bool:
    """Does the parsed pattern hold a repetition inside a group repeated more than once?"""
    for op, av in items:  # type: ignore[attr-defined]
        if op in _REPEATS:
            _, most, body = av
            if (inside and most > 1) or _nested_repeat(body, inside or most > 1):
                return True
            continue
        if op is sre_parse.SUBPATTERN:
            children = [av[-1]]
        elif op is sre_parse.BRANCH:
            children = av[1]
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            children = [av[1]]
        else:
            continue
        if any(_nested_repeat(child, inside) for child in children):
            return True
    return False


def _package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(speechparse.__path__, "speechparse."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        found += [
            (f"{info.name}.{name}", value)
            for name, value in vars(module).items()
            if isinstance(value, re.Pattern)
        ]
    return found


def test_no_pattern_repeats_a_repetition() -> None:
    """Every pattern stays linear on any line: no quantifier inside a quantified group."""
    patterns = _package_patterns()
    assert len(patterns) > 40  # the walk found the package's patterns
    nested = [name for name, rx in patterns if _nested_repeat(sre_parse.parse(rx.pattern))]
    assert nested == []


def test_the_nesting_check_sees_a_nested_repeat() -> None:
    assert _nested_repeat(sre_parse.parse(r"^(?:各位[^：]{0,24}、?){1,6}："))
    assert not _nested_repeat(sre_parse.parse(r"^各位[^：]{0,24}(?=同志)："))


#: lexicons searched along every line: each alternative must open with a literal character,
#: or the engine loses its first-character scan and tries every alternative at every
#: position (one alternative opening with a class made _CHROME_SHORT ten times slower)
_SCANNED = (
    "_CHROME_SHORT",
    "_CHROME_STRONG",
    "_FURNITURE_HINT_RE",
    "_CHROME_WEAK",
    "_INTRO_RE",
    "_RELATED_RE",
    "_DISCLAIMER_RE",
    "_SPEECH_WORDS",
)


@pytest.mark.parametrize("name", _SCANNED)
def test_scanned_lexicons_open_every_alternative_with_a_literal(name: str) -> None:
    from speechparse import classify

    tree = list(sre_parse.parse(getattr(classify, name).pattern))
    if len(tree) == 1 and tree[0][0] is sre_parse.BRANCH:
        firsts = [sub[0][0] for sub in tree[0][1][1]]
    else:
        firsts = [tree[0][0]]
    assert all(op is sre_parse.LITERAL for op in firsts), name


@pytest.mark.parametrize(
    ("line", "salutation", "greeting"),
    [
        ("亲爱的同学们，大家早上好！", "亲爱的同学们", "大家早上好！"),
        ("亲爱的同学们，大家早上好！今天是开学第一天。", "亲爱的同学们", "大家早上好！"),
        ("老师们、同学们，大家好！今天是开学第一天。", "老师们、同学们", "大家好！"),
    ],
)
def test_a_salutation_and_its_greeting_open_a_line(
    line: str, salutation: str, greeting: str
) -> None:
    body = "今年以来，全县上下认真贯彻落实县委部署，各项工作取得了新的进展，成绩来之不易。\n"
    (speech,) = speechparse.parse(f"在开学典礼上的讲话\n{line}\n{body}").speeches
    assert speech.salutation is not None and speech.salutation.text == salutation
    assert speech.greeting is not None and speech.greeting.text == greeting
    first = speech.content[0]
    assert first.type == "paragraph" and not first.text.startswith(salutation)
