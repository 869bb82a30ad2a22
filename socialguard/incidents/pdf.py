"""Printable chronologies and the annual review, as PDF (issue 4), with reportlab.

Every page is A4 and marked OFFICIAL-SENSITIVE at the top and the bottom, with the school,
when and by whom it was generated, and "Page N of M". The built-in Helvetica covers
Windows-1252 (accents, curly quotes, the euro); any other character (emoji, other scripts) is
replaced by a visible "[U+1F600]" marker, never dropped silently. Nothing is exported without
recorded disclosures (`disclosure.check_disclosures`).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from socialguard.incidents.chronology import Entry
from socialguard.incidents.disclosure import check_disclosures
from socialguard.incidents.models import Disclosure
from socialguard.incidents.review import ReviewReport, review_tables
from socialguard.orgs.models import Organisation

MARKING = "OFFICIAL-SENSITIVE"
MARGIN = 15 * mm
WIDTH = A4[0] - 2 * MARGIN
CHUNK = 1200  # characters of one entry per table row: a row never outgrows a page
CHUNK_LINES = 25
SERIES_COLOURS = (colors.HexColor("#1d70b8"), colors.HexColor("#d4351c"),
                  colors.HexColor("#00703c"))
KIND_LABELS = {"occurred": "Occurred", "report": "Report", "evidence": "Evidence",
               "triage": "Triage", "note": "Note", "decision": "Decision",
               "takedown": "Takedown", "takedown_check": "Takedown check",
               "takedown_removed": "Removed", "support": "Support", "custody": "Custody",
               "police": "Police", "resolution": "Resolution"}

_styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_styles["BodyText"], fontName="Helvetica", fontSize=9,
                      leading=11)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=9.6)
HEAD = ParagraphStyle("head", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=_styles["Title"], fontName="Helvetica-Bold",
                       fontSize=16, leading=20, alignment=0)
H2 = ParagraphStyle("h2", parent=_styles["Heading2"], fontName="Helvetica-Bold",
                    fontSize=12, leading=15)


def latin(text: str) -> str:
    """`text` in what Helvetica can show: other characters become a visible [U+XXXX]."""
    out = []
    for char in unicodedata.normalize("NFC", str(text)):
        if char in "\n\t":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            out.append(f"[U+{ord(char):04X}]" if char not in "\r\u200b\ufeff" else "")
        else:
            try:
                char.encode("cp1252")
                out.append(char)
            except UnicodeEncodeError:
                out.append(f"[U+{ord(char):04X}]")
    return "".join(out)


def para(text: object, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (never markup), line breaks kept."""
    safe = escape(latin(str(text))).replace("\t", " ").replace("\n", "<br/>")
    return Paragraph(safe, style)


class _NumberedCanvas(Canvas):
    """Draws the marking, the school and "Page N of M" on every page once the count is
    known."""

    def __init__(self, *args: Any, header: tuple[str, str] = ("", ""), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._header = header

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = A4
        school, generated = self._header
        self.saveState()
        self.setFont("Helvetica-Bold", 10)
        self.drawCentredString(width / 2, height - 9 * mm, MARKING)
        self.drawCentredString(width / 2, 6 * mm, MARKING)
        self.setFont("Helvetica", 8)
        self.drawString(MARGIN, height - 9 * mm, school)
        self.drawString(MARGIN, 10 * mm, generated)
        self.drawRightString(width - MARGIN, 10 * mm,
                             f"Page {self.getPageNumber()} of {total}")
        self.restoreState()


def _build(story: list[Flowable], *, title: str, school: str, generated: str,
           compress: bool) -> bytes:
    buffer = io.BytesIO()
    header = (latin(school)[:90], latin(generated)[:140])
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm,
        bottomMargin=16 * mm, title=latin(title), author=header[0], subject=MARKING,
        pageCompression=1 if compress else 0, invariant=0 if compress else 1)

    def canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, header=header, **kwargs)

    document.build(story, canvasmaker=canvas)
    return buffer.getvalue()


def _generated(disclosures: Sequence[Disclosure]) -> str:
    by = disclosures[0].by
    name = by.get_full_name() or by.username
    return f"Generated {timezone.localtime():%d/%m/%Y %H:%M} by {name}"


def _consent(value: bool | None) -> str:
    return {True: "given", False: "not given", None: "not sought"}[value]


def _disclosure_block(disclosures: Sequence[Disclosure]) -> list[Flowable]:
    first = disclosures[0]
    numbers = ", ".join(str(d.pk) for d in disclosures)
    rows = [["Disclosed to", first.to_whom], ["Why", first.why],
            ["Lawful basis", first.lawful_basis], ["Consent", _consent(first.consent)],
            ["Disclosure log", numbers]]
    table = Table([[para(k, HEAD), para(v, CELL)] for k, v in rows],
                  colWidths=[30 * mm, WIDTH - 30 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f3f2f1"))]))
    return [table, Spacer(1, 4 * mm)]


def _chunks(text: str) -> list[str]:
    """Split a long entry so that no table row is taller than a page."""
    pieces: list[str] = []
    lines = text.split("\n")
    current: list[str] = []
    size = 0
    for line in lines:
        while len(line) > CHUNK:
            cut = line.rfind(" ", 0, CHUNK)
            cut = cut if cut > CHUNK // 2 else CHUNK
            lines_left, line = line[:cut], line[cut:].lstrip()
            if current:
                pieces.append("\n".join(current))
                current, size = [], 0
            pieces.append(lines_left)
        if current and (size + len(line) > CHUNK or len(current) >= CHUNK_LINES):
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        pieces.append("\n".join(current))
    return pieces or [""]


_CHRONOLOGY_COLUMNS = (24 * mm, 25 * mm, 25 * mm, WIDTH - 96 * mm, 22 * mm)
_SHORT = 16  # a cell this short is drawn as a plain string: much faster than a Paragraph


def _cell(text: str, short: int = _SHORT) -> str | Paragraph:
    return latin(text) if len(text) <= short and "\n" not in text else para(text, CELL)


def _entry_rows(entries: Sequence[Entry]) -> list[list[Any]]:
    rows: list[list[Any]] = [[para(h, HEAD) for h in ("When", "Incident", "Kind", "Record",
                                                        "By")]]
    for entry in entries:
        first = [f"{timezone.localtime(entry.at):%d/%m/%Y %H:%M}", entry.incident_reference,
                 KIND_LABELS.get(entry.kind, entry.kind)]
        for n, piece in enumerate(_chunks(entry.summary)):
            if n == 0:
                rows.append([*(_cell(text) for text in first), para(piece, CELL),
                             _cell(entry.by, short=11)])
            else:
                rows.append(["", "", "", para(f"(continued) {piece}", CELL), ""])
    return rows


def chronology_pdf(title: str, entries: Sequence[Entry], school: Organisation, *,
                   disclosures: Sequence[Disclosure] | None, compress: bool = True) -> bytes:
    """A chronology for a strategy meeting or a court. Refused unless recorded disclosures
    cover every incident in it. `compress=False` writes plain, reproducible streams (tests)."""
    check_disclosures(disclosures, school.pk, {e.incident_reference for e in entries})
    assert disclosures  # checked above
    generated = _generated(disclosures)
    story: list[Flowable] = [para(title, TITLE), para(school.name, H2), para(generated),
                             Spacer(1, 3 * mm), *_disclosure_block(disclosures)]
    if entries:
        story.append(para(f"{len(entries)} entries, "
                          f"{timezone.localtime(entries[0].at):%d/%m/%Y} to "
                          f"{timezone.localtime(entries[-1].at):%d/%m/%Y}."))
        table = Table(_entry_rows(entries), colWidths=_CHRONOLOGY_COLUMNS, repeatRows=1)
        table.setStyle(_grid())
        table.setStyle(TableStyle([("FONT", (0, 1), (-1, -1), "Helvetica", 8, 9.6),
                                   ("FONT", (0, 1), (0, -1), "Helvetica", 7, 9.6)]))
        story += [Spacer(1, 2 * mm), table]
    else:
        story.append(para("No entries that you may see."))
    return _build(story, title=title, school=school.name, generated=generated,
                  compress=compress)


def _grid() -> TableStyle:
    return TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dee0e2")),
                       ("TOPPADDING", (0, 0), (-1, -1), 2),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])


# The review ------------------------------------------------------------------------------

def _short(label: str, size: int = 34) -> str:
    label = latin(label)
    return label if len(label) <= size else label[: size - 1] + "\u2026"


def _axis_max(values: Sequence[float]) -> tuple[float, float]:
    top = max([1.0, *values])
    step = max(1.0, float(int(top / 5) or 1))
    return (step * (int(top / step) + 1), step)


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Sequence[float]],
              names: Sequence[str] = ()) -> Drawing:
    """Horizontal bars, one group per label, one bar per series (with a legend if named)."""
    height = 30 + max(1, len(labels)) * (8 + 7 * len(series))
    drawing = Drawing(WIDTH, height + 20)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 170, 10, int(WIDTH) - 200, height - 10
    chart.data = [list(values) for values in series] or [[0]]
    chart.categoryAxis.categoryNames = [_short(label) for label in labels] or [""]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.reverseDirection = 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _axis_max(
        [v for values in series for v in values])
    chart.valueAxis.labels.fontSize = 7
    for n in range(len(series)):
        chart.bars[n].fillColor = SERIES_COLOURS[n % len(SERIES_COLOURS)]
    drawing.add(chart)
    drawing.add(String(0, height + 8, latin(title), fontName="Helvetica-Bold", fontSize=9))
    if names:
        drawing.add(_legend(names, height + 14))
    return drawing


def line_chart(title: str, labels: Sequence[str], series: Sequence[Sequence[float]],
               names: Sequence[str]) -> Drawing:
    """One line per series across the labels (the terms)."""
    drawing = Drawing(WIDTH, 190)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, int(WIDTH) - 60, 120
    chart.data = [list(values) for values in series]
    chart.categoryAxis.categoryNames = [latin(label) for label in labels]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _axis_max(
        [v for values in series for v in values])
    chart.valueAxis.labels.fontSize = 7
    for n in range(len(series)):
        chart.lines[n].strokeColor = SERIES_COLOURS[n % len(SERIES_COLOURS)]
        chart.lines[n].strokeWidth = 1.5
    drawing.add(chart)
    drawing.add(String(0, 178, latin(title), fontName="Helvetica-Bold", fontSize=9))
    drawing.add(_legend(names, 184))
    return drawing


def _legend(names: Sequence[str], y: float) -> Legend:
    """A one-line legend at the top right."""
    legend = Legend()
    legend.x, legend.y = int(WIDTH) - 75 * len(names), int(y)
    legend.fontName, legend.fontSize = "Helvetica", 7
    legend.columnMaximum = 1
    legend.dx = legend.dy = 6
    legend.deltax = 75
    legend.alignment = "right"
    legend.colorNamePairs = [(SERIES_COLOURS[n % len(SERIES_COLOURS)], latin(name))
                             for n, name in enumerate(names)]
    return legend


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    data = [[para(h.replace("_", " "), HEAD) for h in header],
            *[[para(value, CELL) for value in row] for row in rows]]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    table.setStyle(_grid())
    return table


def _charts(report: ReviewReport) -> dict[str, Drawing]:
    """The charts that have something to show."""
    used = [r for r in report.by_route if r.referred or r.not_referred]
    hosts = report.takedowns.by_host
    terms = report.terms
    charts = {
        "by_type": bar_chart("Number of incidents", [t for t, _ in report.by_type],
                             [[n for _, n in report.by_type]]),
        "by_outcome": bar_chart("Number of incidents", [o for o, _ in report.by_outcome],
                                [[n for _, n in report.by_outcome]]),
    }
    if used:
        charts["by_route"] = bar_chart(
            "Routing decisions", [r.route for r in used],
            [[r.referred for r in used], [r.not_referred for r in used]],
            ["Referred", "Not referred"])
    if hosts:
        charts["takedowns_by_host"] = bar_chart(
            "Median hours from request to removal, by host", [h.host for h in hosts],
            [[h.median_hours_to_removal or 0 for h in hosts]])
    if terms:
        charts["by_term"] = line_chart(
            "Trends by term", [t.term for t in terms],
            [[t.incidents for t in terms], [t.referrals for t in terms],
             [t.takedowns for t in terms]], ["Incidents", "Referrals", "Takedowns"])
    return charts


_SECTION_TITLES = {"review": "Summary", "by_type": "Incidents by type",
                   "by_route": "Routes: referred and not referred",
                   "by_outcome": "Outcomes", "takedowns": "Takedowns",
                   "takedowns_by_host": "How fast hosts acted",
                   "by_term": "Trends by term (autumn Sep\u2013Dec, spring Jan\u2013Apr, "
                              "summer May\u2013Aug)"}


def review_pdf(report: ReviewReport, *, disclosure: Disclosure | None,
               compress: bool = True) -> bytes:
    """The annual policy review with its charts: numbers only, no names. Refused without a
    recorded disclosure."""
    check_disclosures([disclosure] if disclosure else None, report.school_id)
    assert disclosure is not None
    generated = _generated([disclosure])
    title = (f"Annual policy review: {report.start:%d/%m/%Y} to {report.end:%d/%m/%Y}")
    story: list[Flowable] = [para(title, TITLE), para(report.school_name, H2), para(generated),
                             Spacer(1, 3 * mm), *_disclosure_block([disclosure])]
    charts = _charts(report)
    for name, header, rows in review_tables(report):
        if name == "by_route":
            rows = [row for row in rows if row[1] or row[2]] or rows
        heading: list[Flowable] = [para(_SECTION_TITLES[name], H2)]
        if name in charts and rows:
            heading += [charts[name], Spacer(1, 2 * mm)]
        story += [KeepTogether(heading),
                  _table(header, rows) if rows else para("None."), Spacer(1, 4 * mm)]
    return _build(story, title=title, school=report.school_name, generated=generated,
                  compress=compress)
