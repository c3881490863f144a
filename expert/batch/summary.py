"""What a batch did: the :class:`Summary` of its counts, which add up across chunks,
workers and resumptions, and the check that saved counts are such a summary.

The verdicts it counts are those of the attributes the knowledge base's goals answer
(:attr:`KnowledgeBase.goals <expert.model.knowledge_base.KnowledgeBase.goals>`: what a consultation
of that base is for), but for sets.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .sidecar import whole

__all__ = ["Summary", "summary_problem"]


def _count(table: dict[str, int], key: str, amount: int = 1) -> None:
    table[key] = table.get(key, 0) + amount


@attrs.define
class Summary:
    """What a batch did: counts that add up across chunks, workers and resumptions.

    Attributes:
        rows: records read (rejected ones included).
        consulted: records the expert judged.
        rejected: rejected records by reason (``bad-value``, ``unknown-fact``, ...).
        verdicts: for each attribute counted (those the knowledge base's goals answer, but
            for sets), how often each value was concluded.
        labelled: records with a label.
        disagreements: labelled records whose label differs from the labelled verdict.
        undecided: labelled records without the labelled verdict.
        output: the output file; errors: the errors file, ``None`` when none was written
            (set by :func:`run_batch`).
        seconds: how long this run took; resumed_rows: rows an earlier run had done.
    """

    rows: int = 0
    consulted: int = 0
    rejected: dict[str, int] = attrs.Factory(dict)
    verdicts: dict[str, dict[str, int]] = attrs.Factory(dict)
    labelled: int = 0
    disagreements: int = 0
    undecided: int = 0
    output: str | None = None
    errors: str | None = None
    seconds: float = 0.0
    resumed_rows: int = 0

    def add(self, row: Mapping[str, Any], attributes: Iterable[str]) -> None:
        """Count one output row or error record, and the values of its verdicts on
        ``attributes``."""
        self.rows += 1
        if "error" in row:
            _count(self.rejected, row["error"])
            return
        self.consulted += 1
        for attribute in attributes:
            verdict = row["verdicts"].get(attribute)
            if verdict is not None:
                _count(self.verdicts.setdefault(attribute, {}), str(verdict["value"]))
        if row.get("label") is not None:
            self.labelled += 1
            self.disagreements += row["disagrees"] is True
            self.undecided += row["disagrees"] is None

    def merge(self, other: Summary) -> None:
        """Add the counts of ``other`` to these."""
        self.rows += other.rows
        self.consulted += other.consulted
        self.labelled += other.labelled
        self.disagreements += other.disagreements
        self.undecided += other.undecided
        for reason, amount in other.rejected.items():
            _count(self.rejected, reason, amount)
        for attribute, counts in other.verdicts.items():
            for value, amount in counts.items():
                _count(self.verdicts.setdefault(attribute, {}), value, amount)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as ``expert batch --json`` prints it."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        """The summary :meth:`to_dict` gave.

        Raises:
            ValueError: ``data`` is not such a summary (the message says why).
        """
        problem = summary_problem(data)
        if problem:
            raise ValueError(problem)
        return cls(**{field.name: data[field.name] for field in attrs.fields(cls)})

    def to_text(self, labelled: str | None = None) -> str:
        """A few lines for people: counts, rejections, verdicts and disagreements with
        ``labelled``, the verdict labels were checked against (the knowledge base's
        ``catalogue_label``)."""
        done = self.rows - self.resumed_rows
        rate = f", {done / self.seconds:,.0f} rows/s" if self.seconds and done else ""
        rejected = sum(self.rejected.values())
        head = f"{self.rows:,} rows in {self.seconds:,.1f} s{rate}: "
        lines = [f"{head}{self.consulted:,} consulted, {rejected:,} rejected"]
        if self.resumed_rows:
            lines.append(f"  resumed after {self.resumed_rows:,} rows done by an earlier run")
        if self.rejected:
            reasons = ", ".join(f"{k} {v:,}" for k, v in sorted(self.rejected.items()))
            lines.append(f"  rejected: {reasons} (see {self.errors or 'the errors'})")
        for attribute in sorted(self.verdicts):
            counts = self.verdicts[attribute]
            if counts:
                shown = ", ".join(f"{value} {n:,}" for value, n in sorted(counts.items()))
                none = self.consulted - sum(counts.values())
                lines.append(f"  {attribute}: {shown}, no verdict {none:,}")
        if self.labelled:
            share = self.disagreements / self.labelled
            lines.append(
                f"  label disagrees with {labelled or 'the verdict'}: {self.disagreements:,} of "
                f"{self.labelled:,} labelled rows ({share:.1%}); no verdict {self.undecided:,}"
            )
        if self.output:
            lines.append(f"  output: {self.output}")
        return "\n".join(lines)


def _counts(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and whole(amount) for key, amount in value.items()
    )


def summary_problem(data: Any) -> str | None:
    """What keeps ``data`` from being a :meth:`Summary.to_dict`, or ``None``."""
    names = [field.name for field in attrs.fields(Summary)]
    if not isinstance(data, Mapping) or set(data) != set(names):
        return "the counts are not a batch summary"
    numbers = ("rows", "consulted", "labelled", "disagreements", "undecided", "resumed_rows")
    bad = [name for name in numbers if not whole(data[name])]
    if not _counts(data["rejected"]):
        bad.append("rejected")
    verdicts = data["verdicts"]
    if not isinstance(verdicts, dict) or not all(
        isinstance(key, str) and _counts(counts) for key, counts in verdicts.items()
    ):
        bad.append("verdicts")
    bad += [name for name in ("output", "errors") if not isinstance(data[name], (str, type(None)))]
    seconds = data["seconds"]
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        bad.append("seconds")
    elif not math.isfinite(seconds) or seconds < 0:
        bad.append("seconds")
    if bad:
        return f"the counts have a bad {', '.join(bad)}"
    if data["consulted"] + sum(data["rejected"].values()) != data["rows"]:
        return "the counts do not add up to the rows"
    labelled = data["labelled"]
    if labelled > data["consulted"] or data["disagreements"] + data["undecided"] > labelled:
        return "the label counts do not add up"
    return None
