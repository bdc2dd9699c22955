"""Dispatch to the Word and PDF readers: walking, the missing extra, stdin, --fix refusal."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from unlint import lint_paths
from unlint.cli import main
from unlint.files import DOCUMENT_SUFFIXES, InputError, Source, decode_source, read_source
from unlint.formats import fix_refusal, read_document
from unlint.reading import decode

from .format_builders import WordDocument, WordNote, build_docx

pytest.importorskip("docx")


@pytest.fixture
def small_docx(tmp_path):
    word = WordDocument([["安全理事会第 1631（2005）号决议。", 0]], [WordNote("S/RES/1631 (2005)。")])
    return build_docx(word, tmp_path / "small.docx")


def test_a_directory_walk_picks_up_word_and_pdf_files(tmp_path, small_docx):
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    (tmp_path / "scan.PDF").write_bytes(b"%PDF-1.4 broken")
    assert {".docx", ".pdf"} <= set(DOCUMENT_SUFFIXES)
    results = lint_paths([tmp_path])
    assert [r.path.rsplit("/", 1)[-1] for r in results] == ["scan.PDF", "small.docx"]
    assert results[0].error is not None and results[1].error is None
    assert results[1].decoded.format == "docx"


def test_without_the_extra_the_error_names_it_and_the_exit_code_is_2(small_docx, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    result = CliRunner().invoke(main, ["check", str(small_docx)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"unlint: error: {small_docx}: reading Word documents needs python-docx: pip install 'unlint[docx]'"
    )


def test_without_the_pdf_extra_the_error_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    [result] = lint_paths([tmp_path / "a.pdf"])
    assert str(result.error).endswith("needs pypdfium2: pip install 'unlint[pdf]'")


def test_standard_input_named_docx_is_read_as_word(small_docx):
    decoded = read_source(Source("draft.docx", None), small_docx.read_bytes())
    assert decoded.format == "docx"
    assert decoded.text.startswith("安全理事会第 1631（2005）号决议。[^1]\n")


def test_fix_is_refused_for_word_and_pdf_but_not_for_text(small_docx):
    word = read_document(".docx", small_docx.read_bytes())
    assert not word.certain
    assert fix_refusal(word) == ("fixes apply to text files only and this is a Word document; "
                                 "make the changes in its editor")
    assert fix_refusal(decode("安全理事会".encode())) is None


def test_an_old_word_doc_says_to_save_it_as_docx(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    [result] = lint_paths([tmp_path / "old.doc"])
    assert str(result.error) == f"{tmp_path}/old.doc: old Word .doc files cannot be read; save the document as .docx"


def test_decode_source_dispatches_by_ending_and_gives_input_errors(small_docx):
    data = small_docx.read_bytes()
    assert decode_source(Source("x.docx", small_docx), data).format == "docx"
    with pytest.raises(InputError, match=r"^x\.txt: binary file"):
        decode_source(Source("x.txt", None), data)
    with pytest.raises(InputError, match=r"^x\.pdf: damaged or unreadable PDF"):
        decode_source(Source("x.pdf", None), data)
