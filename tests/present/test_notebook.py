"""What a notebook shows: HTML with structure, every text escaped (expert.present.notebook)."""

from __future__ import annotations

import json
import os
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import TINY_RULES, write_base

from expert import Device, Expert, Needs
from expert.present.notebook import TONE_COLOURS

ROOT = Path(__file__).resolve().parents[2]


class Tags(HTMLParser):
    """The tags of an HTML text, their nesting, and its text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attributes):
        self.tags.append((tag, dict(attributes), tuple(self.open)))
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)

    def named(self, tag: str) -> list[tuple[dict[str, str | None], tuple[str, ...]]]:
        return [(attributes, within) for name, attributes, within in self.tags if name == tag]


def parsed(html: str) -> Tags:
    """The HTML parsed; every tag it opens is closed, in order."""
    tags = Tags(html)
    assert not tags.open, tags.open
    return tags


@pytest.fixture(scope="module")
def result():
    """A consultation with an answer, a set verdict, conflicts and notes."""
    return Expert().consult(Device(mic="boom"), Needs(uses=frozenset({"online-gaming", "calls"})))


def test_a_result_shows_the_answer_first_then_a_table_of_verdicts(result):
    """The answer's sentence comes first, the verdicts follow as a table in words."""
    html = result._repr_html_()
    tags = parsed(html)
    text = "".join(tags.text)
    assert text.index(result.answer.text) < text.index("What it is")
    rows = [a for a, within in tags.named("th") if "tbody" in within]
    assert len(rows) == len(result.verdicts)
    assert {a["title"] for a in rows} == {v.attribute for v in result.verdicts}
    assert "a headset" in text and "device.kind" not in text  # labels, not ids
    assert tags.named("blockquote") and tags.named("cite")
    assert len(tags.named("details")) == 2  # the disagreements and the notes, folded


def test_certainties_are_bars_of_their_size(result):
    """Each certainty is a bar whose width is the certainty in percent."""
    tags = parsed(result._repr_html_())
    bars = [a for a, _ in tags.named("span") if a.get("class") == "expert-bar"]
    assert len(bars) >= len(result.verdicts)
    comfort = result.verdict("device.comfort").certainty
    inner = [a["style"] for a, _ in tags.named("span") if "width:" in (a.get("style") or "")]
    assert any(f"width:{round(comfort * 100)}%" in style for style in inner)


def test_colour_follows_the_tone(result):
    """A good fit is green; a poor one red; nothing neutral is either."""
    good = result._repr_html_()
    assert f"color:{TONE_COLOURS['good']}" in good.split("expert-answer", 1)[1].split(">")[0]
    poor = result.consult_again({"device.mic": "none", "needs.uses": frozenset({"calls"})})
    answer = poor._repr_html_().split("expert-answer", 1)[1].split(">")[0]
    assert poor.answer.value == "poor" and f"color:{TONE_COLOURS['bad']}" in answer


def test_a_proof_is_nested_lists_with_cited_quotes(result):
    """How: the rules as list items, their quotes as blockquotes, the premises nested."""
    tags = parsed(result.how("device.kind")._repr_html_())
    lists = tags.named("ul")
    assert max(within.count("ul") for _, within in lists) >= 2
    quotes = tags.named("blockquote")
    assert len(quotes) == 3 and all("li" in within for _, within in quotes)
    assert "Bobby Kania" in "".join(tags.text)


@pytest.mark.parametrize(
    "explain",
    [
        lambda r: r.why_not("device.kind", "headphones"),
        lambda r: r.what_if(mic="none"),
        lambda r: r.how_to("assessment.fit", "poor"),
        lambda r: r.answer,
        lambda r: r.report(full=True),
        lambda r: r.verdict("device.suited_for"),
        lambda r: r.conflicts[0],
        lambda r: Expert().guide({}).next_question(),
    ],
    ids=["why-not", "what-if", "how-to", "answer", "full-report", "verdict", "conflict", "ask"],
)
def test_every_explanation_is_well_formed_html(result, explain):
    """Each value a notebook shows is well-formed, self-contained HTML with its words."""
    value = explain(result)
    html = value._repr_html_()
    tags = parsed(html)
    assert html.startswith('<div class="expert"')
    assert not {"script", "style", "link", "img", "iframe"} & {tag for tag, _, _ in tags.tags}
    assert "".join(tags.text).strip()


def test_text_from_rules_is_escaped(tmp_path):
    """A quote holding markup shows as text: no tag of it reaches the page."""
    rules = TINY_RULES.replace(
        "come with an attached boom microphone", "<script>alert('x')</script> & <b>boom</b>"
    )
    result = Expert(write_base(tmp_path / "base", {"tiny": rules})).consult({"device.mic": "boom"})
    for html in (
        result._repr_html_(),
        result.how("device.kind")._repr_html_(),
        result.verdict("device.kind")._repr_html_(),
        result.answer._repr_html_(),
        result.report(full=True)._repr_html_(),
    ):
        tags = parsed(html)
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert not {"script", "b"} & {tag for tag, _, _ in tags.tags}
        assert "<script>alert('x')</script>" in "".join(tags.text)


def test_a_typed_question_is_escaped():
    """What the person typed shows as text."""
    result = Expert().ask("<i>headset</i> for calls <script>")
    tags = parsed(result._repr_html_())
    assert "i" not in {tag for tag, _, _ in tags.tags}


def test_a_notebook_shows_the_result_and_the_proof(tmp_path, monkeypatch):
    """A real notebook run: the result and its proof come out as HTML with a table, a
    blockquote and nested lists, and as the short repr in plain text."""
    import nbclient
    import nbformat

    # The kernel is this interpreter (the environment the tests run in), whatever kernels
    # the machine has: a kernelspec of its own, found first on JUPYTER_PATH.
    spec = tmp_path / "jupyter" / "kernels" / "expert-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "expert tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "from expert import Expert, Device\nr = Expert().consult(Device(mic='boom'))\nr"
        ),
        nbformat.v4.new_code_cell('r.how("device.kind")'),
        nbformat.v4.new_code_cell('r.verdict("device.kind")'),
    ]
    client = nbclient.NotebookClient(
        notebook, kernel_name="expert-test", timeout=120, startup_timeout=120
    )
    client.execute(cwd=str(tmp_path))
    nbformat.write(notebook, tmp_path / "shown.ipynb")
    outputs = [cell.outputs[0]["data"] for cell in notebook.cells]
    shown, proof, verdict = (parsed(data["text/html"]) for data in outputs)
    assert shown.named("table") and shown.named("blockquote")
    assert max(within.count("ul") for _, within in proof.named("ul")) >= 1
    assert outputs[0]["text/plain"].startswith("<Result of device.mic='boom': ")
    assert outputs[2]["text/plain"] == "Verdict(device.kind='headset', 1.00)"
    assert verdict.named("table")
