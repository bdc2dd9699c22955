"""Running the CMP rules over pairs of documents: the library API behind ``unlint compare``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Config
from ..document import Document
from ..files import InputError, read_source
from ..plugins import RuleSet, load_rules
from ..engine import lint_document
from ..funnel import Policy
from ..results import FileResult
from .pairs import SourcePair
from .paired import PairedDocument

#: The rule family compare runs; the other rules are for ``unlint check``.
FAMILY = "CMP"
#: The built-in module (``unlint.rules.compare``) that holds the family.
MODULE = "compare"


def compare_rules(rules: RuleSet) -> RuleSet:
    """Only the CMP rules of ``rules``: comparing does not check each document on its own."""
    chosen = {code: rule for code, rule in rules.rules.items() if rule.family == FAMILY}
    return RuleSet(chosen, {code: rules.origins.get(code, "") for code in chosen}, rules.organizations)


def load_compare_rules() -> RuleSet:
    """The rules ``unlint compare`` runs: the CMP family, built in and from installed plugins.

    The other built-in families are not imported: compare never runs them, and their modules (and the
    structure parsers and data they import) were a tenth of its start-up. Plugins are all loaded, since
    any of them may add a CMP rule.
    """
    return compare_rules(load_rules(families=(MODULE,)))


def compare_pair(pair: SourcePair, config: Config, rules: RuleSet, policy: Policy | None = None) -> FileResult:
    """The CMP findings on ``pair.translation``, or the reason one of the two could not be read."""
    try:
        original = read_source(pair.original)
        translation = read_source(pair.translation)
    except InputError as err:
        return FileResult(pair.translation.display, error=err)
    document = PairedDocument(translation.text, pair.translation.display, config.document_date, translation.layout,
                              original=Document(original.text, pair.original.display, config.document_date,
                                                original.layout))
    return FileResult(pair.translation.display, lint_document(document, config, compare_rules(rules), policy))


def compare_pairs(pairs: Iterable[SourcePair | InputError], config: Config, rules: RuleSet,
                  policy: Policy | None = None) -> Iterator[FileResult]:
    """Compare each pair; ``policy`` is the funnel's (the baseline), by default ``config`` alone."""
    for pair in pairs:
        if isinstance(pair, InputError):
            yield FileResult(pair.path, error=pair)
        else:
            yield compare_pair(pair, config, rules, policy)
